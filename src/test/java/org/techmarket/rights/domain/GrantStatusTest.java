package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

class GrantStatusTest {

    /** The lifecycle as the issue states it, written out independently of the enum's table. */
    private static final Set<String> ALLOWED = Set.of("ACTIVE->TERMINATED", "ACTIVE->EXPIRED", "ACTIVE->RELEASED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(GrantStatus.values())
                .flatMap(from -> Arrays.stream(GrantStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void walks_every_allowed_and_forbidden_transition(GrantStatus from, GrantStatus to) {
        boolean allowed = ALLOWED.contains(from + "->" + to);

        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to)).isInstanceOfSatisfying(Rejection.class, r -> {
                assertThat(r.code()).isEqualTo("INVALID_STATUS_TRANSITION");
                assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
            });
        }
    }
}
