package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.deal.domain.DealStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

class DealStatusTest {

    // Written out independently of the enum's table, so a change to either one fails here.
    private static final Map<DealStatus, Set<DealStatus>> EXPECTED = Map.ofEntries(
            Map.entry(DRAFT, Set.of(SIGNING, CANCELLED)),
            Map.entry(SIGNING, Set.of(SIGNED, DEFAULTED, CANCELLED)),
            Map.entry(SIGNED, Set.of(FUNDED, DEFAULTED, CANCELLED)),
            Map.entry(FUNDED, Set.of(DELIVERED, DISPUTED)),
            Map.entry(DELIVERED, Set.of(ACCEPTED, DISPUTED)),
            Map.entry(ACCEPTED, Set.of(COMPLETED)),
            Map.entry(DISPUTED, Set.of(COMPLETED, CANCELLED)),
            Map.entry(COMPLETED, Set.of(TERMINATED)),
            Map.entry(DEFAULTED, Set.of()),
            Map.entry(CANCELLED, Set.of()),
            Map.entry(TERMINATED, Set.of()));

    static Stream<Arguments> everyPairForEveryType() {
        return Stream.of(ContractType.values())
                .flatMap(type -> Stream.of(DealStatus.values())
                        .flatMap(from -> Stream.of(DealStatus.values()).map(to -> Arguments.of(from, to, type))));
    }

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @MethodSource("everyPairForEveryType")
    void onlyTheTableTransitionsAreAllowed(DealStatus from, DealStatus to, ContractType type) {
        boolean allowed = EXPECTED.get(from).contains(to) && (to != TERMINATED || type == ContractType.LICENSING);
        if (allowed) {
            assertThat(from.transitionTo(to, type)).isEqualTo(to);
            assertThat(from.next(type)).contains(to);
        } else {
            String code =
                    from == COMPLETED && to == TERMINATED ? "TERMINATION_NOT_ALLOWED" : "INVALID_STATUS_TRANSITION";
            assertThatThrownBy(() -> from.transitionTo(to, type))
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", code)
                    .hasFieldOrPropertyWithValue("kind", Rejection.Kind.CONFLICT);
            assertThat(from.next(type)).doesNotContain(to);
        }
    }

    @Test
    void theHappyPathRunsFromDraftToCompleted() {
        DealStatus status = DRAFT;
        for (DealStatus next : new DealStatus[] {SIGNING, SIGNED, FUNDED, DELIVERED, ACCEPTED, COMPLETED}) {
            status = status.transitionTo(next, ContractType.TRANSFER);
        }
        assertThat(status).isEqualTo(COMPLETED);
        assertThat(status.next(ContractType.TRANSFER)).isEmpty();
        assertThat(status.next(ContractType.LICENSING)).containsExactly(TERMINATED);
    }

    @Test
    void finalStatusesAreDefaultedCancelledAndTerminated() {
        assertThat(EnumSet.allOf(DealStatus.class).stream().filter(DealStatus::isFinal))
                .containsExactlyInAnyOrder(DEFAULTED, CANCELLED, TERMINATED);
    }

    @Test
    void escrowIsHeldFromFundingUntilTheDealCloses() {
        assertThat(EnumSet.allOf(DealStatus.class).stream().filter(DealStatus::holdsEscrow))
                .containsExactlyInAnyOrder(FUNDED, DELIVERED, ACCEPTED, DISPUTED);
    }

    @Test
    void onlySignedContractsInForceMayBeRegistered() {
        assertThat(EnumSet.allOf(DealStatus.class).stream().filter(DealStatus::mayRegister))
                .containsExactlyInAnyOrder(SIGNED, FUNDED, DELIVERED, ACCEPTED, COMPLETED, DISPUTED);
    }

    @Test
    void disputeOutcomesCloseTheDeal() {
        assertThat(DisputeOutcome.RELEASE.closingStatus()).isEqualTo(COMPLETED);
        assertThat(DisputeOutcome.SPLIT.closingStatus()).isEqualTo(COMPLETED);
        assertThat(DisputeOutcome.REFUND.closingStatus()).isEqualTo(CANCELLED);
        for (DisputeOutcome outcome : DisputeOutcome.values()) {
            assertThat(DISPUTED.canBecome(outcome.closingStatus(), ContractType.TRANSFER))
                    .isTrue();
        }
    }
}
