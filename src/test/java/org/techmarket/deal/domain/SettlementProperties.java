package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants of the money rules on many seeded amounts; a failure names the seed and the case. */
class SettlementProperties {

    private static final long SEED = 0x7E_C4_2026L;

    /** The naive reference: exact decimal arithmetic, rounded half up. */
    private static long referenceShare(long amount, int basisPoints) {
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    @Test
    void feeAndSellersAmountAlwaysAddUpToTheGross() {
        Random random = new Random(SEED);
        for (int i = 0; i < Draw.CASES; i++) {
            long gross = Draw.amount(random);
            int bp = Draw.basisPoints(random);
            Settlement venue = new Settlement(bp);
            Payout payout = venue.release(gross);
            String input = "seed " + SEED + ", case " + i + ": gross=" + gross + " bp=" + bp;
            assertThat(payout.toSeller() + payout.toFees()).as(input).isEqualTo(gross);
            assertThat(payout.toBuyer()).as(input).isZero();
            assertThat(payout.toFees())
                    .as(input)
                    .isEqualTo(referenceShare(gross, bp))
                    .isBetween(0L, gross);
        }
    }

    @Test
    void theFeeNeverFallsAsTheAmountGrows() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < Draw.CASES; i++) {
            long a = Draw.amount(random);
            long b = Draw.amount(random);
            Settlement venue = new Settlement(Draw.basisPoints(random));
            String input = "seed " + (SEED + 1) + ", case " + i + ": " + a + ", " + b + ", " + venue;
            assertThat(Long.compare(venue.fee(Math.max(a, b)), venue.fee(Math.min(a, b))))
                    .as(input)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void disputeSplitsAlwaysPayOutExactlyTheEscrow() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < Draw.CASES; i++) {
            long escrow = Draw.amount(random);
            long toSeller = Draw.upTo(random, escrow);
            Settlement venue = new Settlement(Draw.basisPoints(random));
            Payout payout = venue.split(escrow, toSeller);
            String input =
                    "seed " + (SEED + 2) + ", case " + i + ": escrow=" + escrow + " seller=" + toSeller + " " + venue;
            assertThat(payout.total()).as(input).isEqualTo(escrow);
            assertThat(payout.toBuyer()).as(input).isEqualTo(escrow - toSeller);
            assertThat(payout.toSeller() + payout.toFees()).as(input).isEqualTo(toSeller);
        }
    }

    @Test
    void defaultsPayOutExactlyTheEscrow() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < Draw.CASES; i++) {
            long escrow = Draw.amount(random);
            long deposit = Draw.upTo(random, escrow);
            Settlement venue = new Settlement(Draw.basisPoints(random));
            Payout payout = venue.forfeit(escrow, deposit);
            String input = "seed " + (SEED + 3) + ", case " + i + ": escrow=" + escrow + " deposit=" + deposit;
            assertThat(payout.total()).as(input).isEqualTo(escrow);
            assertThat(payout.toSeller() + payout.toFees()).as(input).isEqualTo(deposit);
        }
    }
}
