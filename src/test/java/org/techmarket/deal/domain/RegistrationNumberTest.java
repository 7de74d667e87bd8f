package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

class RegistrationNumberTest {

    @Test
    void theNumberIsYearRegionAndSixDigitSerial() {
        RegistrationNumber number = new RegistrationNumber(2026, "440300", 123);
        assertThat(number.text()).isEqualTo("2026-440300-000123");
        assertThat(number).hasToString("2026-440300-000123");
        assertThat(new RegistrationNumber(2026, "110000", 999_999).text()).isEqualTo("2026-110000-999999");
    }

    @Test
    void parsingReadsWhatFormattingWrites() {
        RegistrationNumber number = RegistrationNumber.parse(" 2026-440300-000123 ");
        assertThat(number).isEqualTo(new RegistrationNumber(2026, "440300", 123));
        assertThat(RegistrationNumber.parse(number.text())).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2026-440300-123",
                "26-440300-000123",
                "2026-44030-000123",
                "2026_440300_000123",
                "2026-440300-000000",
                "1999-440300-000001",
                "2026-990000-000001",
                "２０２６-440300-000123"
            })
    void malformedNumbersAreRefused(String text) {
        assertThatThrownBy(() -> RegistrationNumber.parse(text))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_REGISTRATION_NUMBER");
    }

    @Test
    void nothingIsNotANumber() {
        assertThatThrownBy(() -> RegistrationNumber.parse(null))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_REGISTRATION_NUMBER");
        assertThatThrownBy(() -> new RegistrationNumber(2026, "440300", 1_000_000))
                .isInstanceOf(Rejection.class);
    }
}
