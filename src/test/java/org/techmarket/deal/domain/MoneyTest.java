package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class MoneyTest {

    @Test
    void amountsAreFormattedExactlyFromFen() {
        assertThat(Money.cny(125_000_000).decimal()).isEqualTo("1,250,000.00");
        assertThat(Money.cny(125_000_000).withSymbol()).isEqualTo("¥1,250,000.00");
        assertThat(Money.cny(0).decimal()).isEqualTo("0.00");
        assertThat(Money.cny(5).decimal()).isEqualTo("0.05");
        assertThat(Money.cny(99_999).decimal()).isEqualTo("999.99");
        assertThat(Money.cny(100_000).decimal()).isEqualTo("1,000.00");
        assertThat(Money.cny(Long.MAX_VALUE).decimal()).isEqualTo("92,233,720,368,547,758.07");
        assertThat(new Money(123_456, "USD").withSymbol()).isEqualTo("USD 1,234.56");
        assertThat(Money.cny(125_000_000)).hasToString("CNY 1250000.00");
    }

    @Test
    void percentagesAreWrittenFromBasisPoints() {
        assertThat(Amounts.percent(350)).isEqualTo("3.50%");
        assertThat(Amounts.percent(5)).isEqualTo("0.05%");
        assertThat(Amounts.percent(10_000)).isEqualTo("100.00%");
    }

    @Test
    void amountsAreNotNegativeAndCurrenciesHaveTwoMinorDigits() {
        assertThatThrownBy(() -> Money.cny(-1)).isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_AMOUNT");
        for (String currency : new String[] {"JPY", "cny", "XXX1", "ABC"}) {
            assertThatThrownBy(() -> new Money(1, currency)).as(currency).isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", "INVALID_CURRENCY");
        }
    }

    @Test
    void onlyAmountsOfOneCurrencyAdd() {
        assertThat(Money.cny(1).plus(Money.cny(2))).isEqualTo(Money.cny(3));
        assertThatThrownBy(() -> Money.cny(1).plus(new Money(2, "EUR"))).isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "CURRENCY_MISMATCH");
    }
}
