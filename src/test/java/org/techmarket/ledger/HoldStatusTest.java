package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

/** Walks every pair of hold statuses: only an ACTIVE hold changes; every ended hold stays as it ended. */
class HoldStatusTest {

    private static final Set<String> ALLOWED =
            Set.of("ACTIVE>ACTIVE", "ACTIVE>CAPTURED", "ACTIVE>RELEASED", "ACTIVE>EXPIRED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(HoldStatus.values())
                .flatMap(from -> Arrays.stream(HoldStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableSaysWhatAHoldMayBecome(HoldStatus from, HoldStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("HOLD_NOT_ACTIVE"));
        }
    }
}
