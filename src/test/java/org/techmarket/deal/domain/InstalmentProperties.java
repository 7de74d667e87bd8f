package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** Instalments are accepted exactly when they sum to the price, on many seeded schedules. */
class InstalmentProperties {

    private static final long SEED = 0x1_2026L;
    private static final LocalDate FIRST_DUE = LocalDate.of(2026, 1, 15);

    /** {@code price} cut into {@code parts} positive amounts at random points. */
    private static List<PaymentSchedule.Instalment> cut(long price, int parts, Random random) {
        List<Long> cuts = new ArrayList<>();
        long remaining = price;
        for (int i = parts; i > 1; i--) {
            // Leave at least one fen for each part still to come.
            long part = 1 + Draw.upTo(random, remaining - i);
            cuts.add(part);
            remaining -= part;
        }
        cuts.add(remaining);
        List<PaymentSchedule.Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            instalments.add(new PaymentSchedule.Instalment(Money.cny(cuts.get(i)), FIRST_DUE.plusMonths(i)));
        }
        return instalments;
    }

    private static long price(Random random, int parts) {
        return Math.max(parts, Draw.amount(random));
    }

    @Test
    void instalmentsThatSumToThePriceAreAccepted() {
        Random random = new Random(SEED);
        for (int i = 0; i < Draw.CASES; i++) {
            int parts = 1 + random.nextInt(12);
            long price = price(random, parts);
            List<PaymentSchedule.Instalment> instalments = cut(price, parts, random);
            PaymentSchedule.Instalments schedule = new PaymentSchedule.Instalments(instalments);
            assertThatCode(() -> schedule.requireConsistentWith(Money.cny(price)))
                    .as("seed %d, case %d: price %d in %s", SEED, i, price, instalments)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void instalmentsThatMissThePriceByAnyAmountAreRefused() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < Draw.CASES; i++) {
            int parts = 1 + random.nextInt(12);
            long price = price(random, parts);
            List<PaymentSchedule.Instalment> instalments = cut(price, parts, random);
            long offBy = 1 + random.nextInt(random.nextBoolean() ? 3 : 1_000_000);
            boolean above = price <= offBy || (random.nextBoolean() && price <= Long.MAX_VALUE - offBy);
            Money wrongPrice = Money.cny(above ? price + offBy : price - offBy);
            PaymentSchedule.Instalments schedule = new PaymentSchedule.Instalments(instalments);
            Rejection rejection =
                    catchThrowableOfType(Rejection.class, () -> schedule.requireConsistentWith(wrongPrice));
            assertThat(rejection)
                    .as("seed %d, case %d: %s against %s", SEED + 1, i, instalments, wrongPrice)
                    .isNotNull();
            assertThat(rejection.code()).isEqualTo("INSTALMENTS_SUM_MISMATCH");
        }
    }
}
