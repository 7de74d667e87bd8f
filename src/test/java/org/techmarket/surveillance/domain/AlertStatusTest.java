package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

/** Walks every pair of alert statuses: review moves forward, and a decided alert stays decided. */
class AlertStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "OPEN>UNDER_REVIEW",
            "OPEN>DISMISSED",
            "OPEN>CONFIRMED",
            "UNDER_REVIEW>DISMISSED",
            "UNDER_REVIEW>CONFIRMED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(AlertStatus.values())
                .flatMap(from -> Arrays.stream(AlertStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableSaysWhatAnAlertMayBecome(AlertStatus from, AlertStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("ALERT_TRANSITION_NOT_ALLOWED"));
        }
    }

    @Test
    void anUnknownStatusIsRefusedWithItsField() {
        assertThatThrownBy(() -> AlertStatus.parse("CLOSED", "status")).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo("UNKNOWN_ALERT_STATUS");
            assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("status");
        });
        assertThat(AlertStatus.parse("CONFIRMED", "status")).isEqualTo(AlertStatus.CONFIRMED);
    }
}
