package org.techmarket.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

/** Walks every pair of mandate statuses: confirmed from proposed, revoked from either, nothing after a revocation. */
class MandateStatusTest {

    private static final Set<String> ALLOWED = Set.of("PROPOSED>CONFIRMED", "PROPOSED>REVOKED", "CONFIRMED>REVOKED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(MandateStatus.values())
                .flatMap(from -> Arrays.stream(MandateStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableSaysWhatAMandateMayBecome(MandateStatus from, MandateStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_STATUS_TRANSITION"));
        }
    }
}
