package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

class OrganizationStatusTest {

    private static final Set<String> ALLOWED =
            Set.of("PENDING>VERIFIED", "PENDING>SUSPENDED", "VERIFIED>SUSPENDED", "SUSPENDED>VERIFIED");

    static Stream<Arguments> everyPair() {
        return Stream.of(OrganizationStatus.values())
                .flatMap(from -> Stream.of(OrganizationStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableTransitionsAreAllowed(OrganizationStatus from, OrganizationStatus to) {
        if (ALLOWED.contains(from + ">" + to)) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", "INVALID_STATUS_TRANSITION");
        }
    }

    @ParameterizedTest
    @MethodSource("everyPair")
    void onlyVerifiedOrganizationsTrade(OrganizationStatus status, OrganizationStatus ignored) {
        assertThat(status.mayTrade()).isEqualTo(status == OrganizationStatus.VERIFIED);
    }
}
