package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({
        "1250.00, 125000",
        "1250, 125000",
        "1250.5, 125050",
        "0.01, 1",
        "0, 0",
        "-3.20, -320",
        "999999999999999.99, 99999999999999999"
    })
    void decimalStringsAreReadExactlyInMinorUnits(String amount, long minor) {
        assertThat(Money.parse(amount, "CNY").minor()).isEqualTo(minor);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.001",
                "0.005",
                "1.000",
                "1e3",
                "1,00",
                " 1.00",
                "+1.00",
                ".5",
                "1.",
                "abc",
                "",
                "1000000000000000.00",
                "NaN"
            })
    void anythingButAPlainDecimalWithAtMostTwoDecimalsIsRefused(String amount) {
        assertThatThrownBy(() -> Money.parse(amount, "CNY")).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo("INVALID_AMOUNT");
            assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("amount");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"00100.00", "0100", "00", "-01.00", "007", "00.50"})
    void leadingZerosAreRefused(String amount) {
        assertThatThrownBy(() -> Money.parse(amount, "CNY"))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_AMOUNT"));
    }

    @ParameterizedTest
    @CsvSource({"0.50, 50", "-0.05, -5", "0, 0", "100.00, 10000", "10, 1000"})
    void aSingleZeroBeforeThePointIsFine(String amount, long minor) {
        assertThat(Money.parse(amount, "CNY").minor()).isEqualTo(minor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cny", "JPY", "XXX", "RMB", ""})
    void onlyTheMarketsCurrenciesAreAccepted(String currency) {
        assertThatThrownBy(() -> Money.parse("1.00", currency))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_CURRENCY"));
    }

    @Test
    void aMissingCurrencyMeansYuan() {
        assertThat(Money.parse("8.88", null)).isEqualTo(Money.cny(888));
    }

    @Test
    void printsTwoDecimalsWithoutRounding() {
        assertThat(Money.cny(125000).decimal()).isEqualTo("1250.00");
        assertThat(Money.cny(-5).decimal()).isEqualTo("-0.05");
        assertThat(Money.of(Long.MAX_VALUE, "USD").decimal()).isEqualTo("92233720368547758.07");
        assertThat(Money.of(7, "EUR")).hasToString("0.07 EUR");
    }

    @Test
    void contractsWriteAmountsGroupedInThousandsWithTheSymbol() {
        assertThat(Money.cny(125_000_000).grouped()).isEqualTo("1,250,000.00");
        assertThat(Money.cny(125_000_000).withSymbol()).isEqualTo("¥1,250,000.00");
        assertThat(Money.cny(0).grouped()).isEqualTo("0.00");
        assertThat(Money.cny(5).grouped()).isEqualTo("0.05");
        assertThat(Money.cny(-5).grouped()).isEqualTo("-0.05");
        assertThat(Money.cny(99_999).grouped()).isEqualTo("999.99");
        assertThat(Money.cny(100_000).grouped()).isEqualTo("1,000.00");
        assertThat(Money.cny(Long.MAX_VALUE).grouped()).isEqualTo("92,233,720,368,547,758.07");
        assertThat(Money.of(123_456, "USD").withSymbol()).isEqualTo("USD 1,234.56");
    }

    @Test
    void aContractRefusesANegativeAmountAndMixedCurrencies() {
        assertThatThrownBy(() -> Money.cny(-1).requireNotNegative("price"))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo("INVALID_AMOUNT");
                    assertThat(r.errors())
                            .extracting(Rejection.FieldError::field)
                            .containsExactly("price");
                });
        assertThat(Money.cny(0).requireNotNegative("price")).isEqualTo(Money.cny(0));
        assertThatThrownBy(() -> Money.cny(1).requireSameCurrency(Money.of(2, "EUR")))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo("CURRENCY_MISMATCH");
                    assertThat(r.errors())
                            .extracting(Rejection.FieldError::field)
                            .containsExactly("currency");
                });
    }

    @Test
    void zeroAndNegativeAmountsAreNotPositive() {
        assertThatThrownBy(() -> Money.cny(0).requirePositive("amount"))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_AMOUNT"));
        assertThatThrownBy(() -> Money.cny(-1).requirePositive("amount")).isInstanceOf(Rejection.class);
        assertThat(Money.cny(1).requirePositive("amount")).isEqualTo(Money.cny(1));
    }

    @Test
    void arithmeticKeepsTheCurrencyAndRefusesMixingOrOverflow() {
        assertThat(Money.cny(150).plus(Money.cny(50))).isEqualTo(Money.cny(200));
        assertThat(Money.cny(150).minus(Money.cny(200))).isEqualTo(Money.cny(-50));
        assertThatThrownBy(() -> Money.cny(1).plus(Money.of(1, "USD")))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("CURRENCY_MISMATCH"));
        assertThatThrownBy(() -> Money.cny(Long.MAX_VALUE).plus(Money.cny(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void jsonIsADecimalStringAndACurrency() {
        assertThat(JSON.writeValueAsString(Money.cny(125000)))
                .isEqualTo("{\"amount\":\"1250.00\",\"currency\":\"CNY\"}");
        assertThat(JSON.readValue("{\"amount\":\"0.10\",\"currency\":\"HKD\"}", Money.class))
                .isEqualTo(Money.of(10, "HKD"));
        assertThat(JSON.readValue("{\"amount\":\"12\"}", Money.class)).isEqualTo(Money.cny(1200));
        assertThat(CanonicalJson.write(java.util.Map.of("price", Money.cny(1))))
                .isEqualTo("{\"price\":{\"amount\":\"0.01\",\"currency\":\"CNY\"}}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"amount\":\"1.234\",\"currency\":\"CNY\"}",
                "{\"amount\":12.5}",
                "{\"amount\":12}",
                "{\"amount\":null}",
                "{\"amount\":[\"1\"]}"
            })
    void readingAnythingButADecimalStringCarriesTheRefusal(String json) {
        assertThatThrownBy(() -> JSON.readValue(json, Money.class)).hasRootCauseInstanceOf(Rejection.class);
    }
}
