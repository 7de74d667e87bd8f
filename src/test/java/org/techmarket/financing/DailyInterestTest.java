package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.financing.domain.DailyInterest;

class DailyInterestTest {

    @Test
    void aDaysInterestIsThePrincipalTimesTheRateOverThreeHundredSixtyFiveWholeFenWithTheFractionCarried() {
        // 1,000.00 yuan at 5% a year: 100,000 × 500 / 3,650,000 = 13.698... fen a day.
        DailyInterest.Accrual first = DailyInterest.accrue(100_000, 500, 0, 1);
        assertThat(first.interest()).isEqualTo(13);
        assertThat(first.carry()).isEqualTo(100_000L * 500 - 13 * DailyInterest.DENOMINATOR);
        DailyInterest.Accrual second = DailyInterest.accrue(100_000, 500, first.carry(), 1);
        assertThat(first.interest() + second.interest()).isEqualTo(27);
        assertThat(DailyInterest.accrue(100_000, 500, 0, 365).interest()).isEqualTo(5_000);
    }

    @Test
    void dayByDayWithTheCarryBooksExactlyWhatOneRunOverAllTheDaysBooks() {
        Random random = new Random(17);
        for (int n = 0; n < 500; n++) {
            long principal = 1 + (long) (random.nextDouble() * 1_000_000_000_000L);
            int rate = 1 + random.nextInt(10_000);
            int days = 1 + random.nextInt(800);
            long carry = 0;
            long booked = 0;
            for (int d = 0; d < days; d++) {
                DailyInterest.Accrual day = DailyInterest.accrue(principal, rate, carry, 1);
                booked += day.interest();
                carry = day.carry();
            }
            BigInteger exact = BigInteger.valueOf(principal)
                    .multiply(BigInteger.valueOf(rate))
                    .multiply(BigInteger.valueOf(days));
            assertThat(BigInteger.valueOf(booked))
                    .isEqualTo(exact.divide(BigInteger.valueOf(DailyInterest.DENOMINATOR)));
            assertThat(DailyInterest.accrue(principal, rate, 0, days).interest())
                    .isEqualTo(booked);
        }
    }

    @Test
    void refusesWhatCannotBeAccrued() {
        assertThatThrownBy(() -> DailyInterest.accrue(-1, 500, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailyInterest.accrue(1, 500, DailyInterest.DENOMINATOR, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
