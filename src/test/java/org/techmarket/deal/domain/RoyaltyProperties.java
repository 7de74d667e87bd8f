package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;

/** A running royalty is at least the minimum, exactly the rounded rate above it, and never falls with revenue. */
class RoyaltyProperties {

    private static final long SEED = 0xA0_2026L;

    private static PaymentSchedule.RunningRoyalty terms(Random random) {
        int rate = 1 + random.nextInt(10_000);
        long minimum = random.nextInt(4) == 0 ? 0 : Draw.upTo(random, 10_000_000_000L);
        return new PaymentSchedule.RunningRoyalty(rate, Money.cny(minimum), ReportingPeriod.QUARTERLY, 30);
    }

    @Test
    void theRoyaltyIsTheRoundedRateButNeverBelowTheMinimum() {
        Random random = new Random(SEED);
        for (int i = 0; i < Draw.CASES; i++) {
            PaymentSchedule.RunningRoyalty terms = terms(random);
            long revenue = Draw.amount(random);
            long due = Settlement.royaltyDue(terms, Money.cny(revenue)).minor();
            long byRate = BigDecimal.valueOf(revenue)
                    .multiply(BigDecimal.valueOf(terms.rateBasisPoints()))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            String input = "seed " + SEED + ", case " + i + ": " + terms + " revenue=" + revenue;
            assertThat(due)
                    .as(input)
                    .isGreaterThanOrEqualTo(terms.minimumPerPeriod().minor());
            assertThat(due)
                    .as(input)
                    .isEqualTo(Math.max(byRate, terms.minimumPerPeriod().minor()));
        }
    }

    @Test
    void moreRevenueNeverOwesLessRoyalty() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < Draw.CASES; i++) {
            PaymentSchedule.RunningRoyalty terms = terms(random);
            long lower = Draw.amount(random);
            long higher = lower + Draw.upTo(random, Long.MAX_VALUE - lower);
            String input = "seed " + (SEED + 1) + ", case " + i + ": " + terms + " " + lower + " <= " + higher;
            assertThat(Settlement.royaltyDue(terms, Money.cny(higher)).minor())
                    .as(input)
                    .isGreaterThanOrEqualTo(
                            Settlement.royaltyDue(terms, Money.cny(lower)).minor());
        }
    }
}
