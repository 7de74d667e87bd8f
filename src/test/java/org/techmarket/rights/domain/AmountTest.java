package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

class AmountTest {

    @ParameterizedTest
    @CsvSource({"1250.00, 125000", "1250, 125000", "0.01, 1", "7.5, 750", "92233720368547.75, 9223372036854775"})
    void decimalStringsBecomeExactMinorUnits(String text, long minorUnits) {
        Amount amount = Amount.parse(text, "CNY", "price");
        assertThat(amount.minorUnits()).isEqualTo(minorUnits);
        assertThat(Amount.parse(amount.decimal(), "CNY", "price")).isEqualTo(amount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "-5", "0", "0.00", "1e3", "", " 1", "1,000.00", "+3", ".5", "99999999999999999"})
    void anythingButAPositiveDecimalWithAtMostTwoPlacesIsRefused(String text) {
        assertThatThrownBy(() -> Amount.parse(text, "CNY", "price"))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo("INVALID_AMOUNT");
                    assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("price.amount");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPY", "XXX", "cny", "RMB", "KWD"})
    void onlyIsoCurrenciesWithTwoDecimalsAreAccepted(String currency) {
        assertThatThrownBy(() -> Amount.parse("10", currency, "price"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors().get(0).field()).isEqualTo("price.currency"));
    }

    @Test
    void aMissingCurrencyIsTheMarketsAndSumsMultiplyExactly() {
        assertThat(Amount.parse("10", null, "price").currency()).isEqualTo("CNY");
        assertThat(Amount.parse("10.10", "USD", "price").times(3)).isEqualTo(new Amount(3030, "USD"));
        assertThatThrownBy(() -> new Amount(Long.MAX_VALUE, "CNY").times(2)).isInstanceOf(ArithmeticException.class);
    }
}
