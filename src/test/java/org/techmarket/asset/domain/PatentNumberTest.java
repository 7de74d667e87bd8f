package org.techmarket.asset.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

class PatentNumberTest {

    // Chinese application numbers as published by their owners or in CNIPA publications.
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ZL201510958772.0    | CN201510958772.0 | INVENTION",
                "ZL 2015 1 0958772.0 | CN201510958772.0 | INVENTION",
                "ZL201811564288.X    | CN201811564288.X | INVENTION",
                "zl201811564288.x    | CN201811564288.X | INVENTION",
                "ZL201910603565.1    | CN201910603565.1 | INVENTION",
                "ZL200510096239.4    | CN200510096239.4 | INVENTION",
                "2022106357271       | CN202210635727.1 | INVENTION",
                "CN2023211609569     | CN202321160956.9 | UTILITY_MODEL",
                "CN201730440595.7    | CN201730440595.7 | DESIGN",
                "CN201880013080.0    | CN201880013080.0 | PCT_INVENTION",
            })
    void acceptsRealChineseApplicationNumbers(String input, String normalized, PatentNumber.Type type) {
        PatentNumber number = PatentNumber.parse(input);
        assertThat(number.country()).isEqualTo("CN");
        assertThat(number.text()).isEqualTo(normalized);
        assertThat(number).hasToString(normalized);
        assertThat(number.type()).isEqualTo(type);
    }

    @Test
    void computesTheCheckDigitOfRealNumbers() {
        assertThat(PatentNumber.checkDigit("201510958772")).isEqualTo("0");
        assertThat(PatentNumber.checkDigit("201811564288")).isEqualTo("X");
        assertThat(PatentNumber.checkDigit("202321160956")).isEqualTo("9");
        assertThat(PatentNumber.checkDigit("201880013080")).isEqualTo("0");
    }

    @Test
    void aPctUtilityModelIsTypeNine() {
        String digits = "201990000123";
        PatentNumber number = PatentNumber.parse("CN" + digits + "." + PatentNumber.checkDigit(digits));
        assertThat(number.type()).isEqualTo(PatentNumber.Type.PCT_UTILITY_MODEL);
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThatThrownBy(() -> PatentNumber.parse("ZL201510958772.7"))
                .isInstanceOfSatisfying(Rejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo("INVALID_PATENT_NUMBER");
                    assertThat(rejection.errors())
                            .extracting(Rejection.FieldError::field)
                            .containsExactly("patentNumber");
                })
                .hasMessageContaining("needs 0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ZL20151095877.0",
                "ZL2015109587720.0",
                "CN114911801A",
                "ZL202310123456.7",
                "ZL200210096239.0",
                "ZL201540958772.9",
                "ZL201510958772.Y",
                ""
            })
    void refusesMalformedChineseNumbers(String input) {
        assertThatThrownBy(() -> PatentNumber.parse(input)).isInstanceOf(Rejection.class);
    }

    @Test
    void explainsTheTypeDigitAndTheYear() {
        assertThatThrownBy(() -> PatentNumber.parse("CN201540958772.9")).hasMessageContaining("fifth digit (4)");
        assertThatThrownBy(() -> PatentNumber.parse("ZL200210096239.0")).hasMessageContaining("October 2003");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "US 7,654,321    | US7654321  | INVENTION",
                "US7654321       | US7654321  | INVENTION",
                "7654321         | US7654321  | INVENTION",
                "US 7654321 B2   | US7654321  | INVENTION",
                "us 8,418,612 b2 | US8418612  | INVENTION",
                "06836979        | US6836979  | INVENTION",
                "US 10,000,000   | US10000000 | INVENTION",
                "D512,345        | USD512345  | DESIGN",
                "D0534340        | USD534340  | DESIGN",
                "US D534,340 S1  | USD534340  | DESIGN",
                "RE43,210        | USRE43210  | REISSUE",
                "USRE43210E      | USRE43210  | REISSUE",
                "PP12,345        | USPP12345  | PLANT",
                "PP018398        | USPP18398  | PLANT",
                "H0002140        | USH2140    | STATUTORY_INVENTION_REGISTRATION",
            })
    void normalizesUsPatentNumbers(String input, String normalized, PatentNumber.Type type) {
        PatentNumber number = PatentNumber.parse(input);
        assertThat(number.country()).isEqualTo("US");
        assertThat(number.text()).isEqualTo(normalized);
        assertThat(number.type()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "US0", "D000", "US123456789", "EP1234567", "US7654321XY", "X7654321"})
    void refusesMalformedUsNumbers(String input) {
        assertThatThrownBy(() -> PatentNumber.parse(input))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_PATENT_NUMBER");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> PatentNumber.parse(null)).isInstanceOf(Rejection.class);
    }

    @Test
    void theConstructorTakesOnlyNormalizedNumbers() {
        assertThat(new PatentNumber("US", "US7654321")).isEqualTo(PatentNumber.parse("7,654,321"));
        assertThatThrownBy(() -> new PatentNumber("US", "7654321")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatentNumber("CN", "US7654321")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkDigitNeedsTwelveDigits() {
        assertThatThrownBy(() -> PatentNumber.checkDigit("20151095877")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PatentNumber.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
