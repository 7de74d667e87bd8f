package org.techmarket.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class MoneyJsonTest {

    @ParameterizedTest
    @CsvSource({"1250.00, 125000", "1250, 125000", "0.01, 1", "7.5, 750", "92233720368547.75, 9223372036854775"})
    void decimalStringsBecomeExactMinorUnits(String text, long minorUnits) {
        Money amount = new MoneyJson(text, "CNY").parse("price");
        assertThat(amount.minor()).isEqualTo(minorUnits);
        assertThat(MoneyJson.of(amount).parse("price")).isEqualTo(amount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "-5", "0", "0.00", "1e3", "", " 1", "1,000.00", "+3", ".5", "99999999999999999"})
    void anythingButAPositiveDecimalWithAtMostTwoPlacesIsRefused(String text) {
        assertThatThrownBy(() -> new MoneyJson(text, "CNY").parse("price"))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo("INVALID_AMOUNT");
                    assertThat(r.errors())
                            .extracting(Rejection.FieldError::field)
                            .containsExactly("price.amount");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPY", "XXX", "cny", "RMB", "KWD"})
    void onlyTheMarketsCurrenciesAreAccepted(String currency) {
        assertThatThrownBy(() -> new MoneyJson("10", currency).parse("price"))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo("INVALID_AMOUNT");
                    assertThat(r.errors().get(0).field()).isEqualTo("price.currency");
                });
    }

    @Test
    void aMissingCurrencyIsTheMarketsAndSumsMultiplyExactly() {
        assertThat(new MoneyJson("10", null).parse("price").currency()).isEqualTo("CNY");
        assertThat(new MoneyJson("10.10", "USD").parse("price").times(3)).isEqualTo(Money.of(3030, "USD"));
        assertThatThrownBy(() -> Money.cny(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
    }
}
