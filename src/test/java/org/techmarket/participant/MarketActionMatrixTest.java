package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

/**
 * Every cell of organization status × market action: the matrix written out here by hand, as the README states it,
 * against {@link OrganizationStatus#permits} and the refusal each refused cell gives.
 */
class MarketActionMatrixTest {

    /** What a pending organization may do: prepare, nothing that moves money or commits it. */
    private static final Set<String> PENDING_MAY = Set.of(
            "ADD_USER", "REGISTER_ASSET", "UPDATE_ASSET", "ANSWER_CO_OWNERSHIP", "CREATE_LISTING", "WITHDRAW_LISTING");
    /** What a suspended organization may do: defend itself on its running deals. */
    private static final Set<String> SUSPENDED_MAY = Set.of("DISPUTE");

    private static final Map<OrganizationStatus, String> REFUSAL = Map.of(
            OrganizationStatus.PENDING, "ORGANIZATION_NOT_VERIFIED",
            OrganizationStatus.SUSPENDED, "ORGANIZATION_SUSPENDED");

    static Stream<Arguments> everyCell() {
        return Stream.of(OrganizationStatus.values())
                .flatMap(status -> Stream.of(MarketAction.values()).map(action -> Arguments.of(status, action)));
    }

    private static boolean expected(OrganizationStatus status, MarketAction action) {
        return switch (status) {
            case VERIFIED -> true;
            case PENDING -> PENDING_MAY.contains(action.name());
            case SUSPENDED -> SUSPENDED_MAY.contains(action.name());
        };
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyCell")
    void eachStatusPermitsExactlyItsActionsAndRefusesTheRestWithItsCode(
            OrganizationStatus status, MarketAction action) {
        assertThat(status.permits(action)).isEqualTo(expected(status, action));
        if (expected(status, action)) {
            assertThatCode(() -> status.requirePermits(action)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> status.requirePermits(action))
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", REFUSAL.get(status))
                    .hasFieldOrPropertyWithValue("kind", Rejection.Kind.FORBIDDEN);
        }
    }

    @org.junit.jupiter.api.Test
    void theHandWrittenListsNameRealActions() {
        Set<String> actions =
                Stream.of(MarketAction.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());
        assertThat(actions).containsAll(PENDING_MAY).containsAll(SUSPENDED_MAY);
    }
}
