package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded properties of Money's decimal form (docs/adr/0002). */
class MoneyProperties {

    private static final long SEED = 20_240_604L;
    private static final int TRIES = 20_000;

    @Test
    void printingAndReadingBackGivesTheSameAmount() {
        Random random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            long minor = random.nextLong() % 100_000_000_000_000_000L;
            String currency = Money.CURRENCIES.stream().sorted().toList().get(random.nextInt(Money.CURRENCIES.size()));
            Money money = Money.of(minor, currency);
            assertThat(Money.parse(money.decimal(), currency))
                    .as("seed %d, minor %d", SEED, minor)
                    .isEqualTo(money);
        }
    }

    @Test
    void parsingAgreesWithBigDecimalArithmetic() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < TRIES; i++) {
            long whole = Math.abs(random.nextLong() % 1_000_000_000_000L);
            int decimals = random.nextInt(3);
            String fraction = decimals == 0
                    ? ""
                    : "." + String.format("%0" + decimals + "d", random.nextInt(decimals == 1 ? 10 : 100));
            String text = (random.nextBoolean() ? "-" : "") + whole + fraction;
            long expected =
                    new BigDecimal(text).multiply(BigDecimal.valueOf(100)).longValueExact();
            assertThat(Money.parse(text, "CNY").minor())
                    .as("seed %d, input %s", SEED + 1, text)
                    .isEqualTo(expected);
        }
    }
}
