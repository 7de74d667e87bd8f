package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

class ListingStatusTest {

    // The lifecycle of issue 5, written out here independently of the enum's own table.
    private static final Set<String> ALLOWED = Set.of(
            "DRAFT>SUBMITTED",
            "DRAFT>WITHDRAWN",
            "DRAFT>CANCELLED",
            "SUBMITTED>APPROVED",
            "SUBMITTED>REJECTED",
            "SUBMITTED>WITHDRAWN",
            "SUBMITTED>CANCELLED",
            "APPROVED>PUBLISHED",
            "APPROVED>WITHDRAWN",
            "APPROVED>CANCELLED",
            "PUBLISHED>OPEN",
            "PUBLISHED>WITHDRAWN",
            "PUBLISHED>CANCELLED",
            "OPEN>CLOSED",
            "OPEN>WITHDRAWN",
            "OPEN>CANCELLED",
            "CLOSED>AWARDED",
            "CLOSED>UNSOLD",
            "CLOSED>CANCELLED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ListingStatus.values())
                .flatMap(from -> Arrays.stream(ListingStatus.values()).map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> allowedPairs() {
        return everyPair().filter(pair -> allowed((ListingStatus) pair.get()[0], (ListingStatus) pair.get()[1]));
    }

    static Stream<Arguments> forbiddenPairs() {
        return everyPair().filter(pair -> !allowed((ListingStatus) pair.get()[0], (ListingStatus) pair.get()[1]));
    }

    private static boolean allowed(ListingStatus from, ListingStatus to) {
        return ALLOWED.contains(from + ">" + to);
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowedPairs")
    void allowsEveryTransitionOfTheLifecycle(ListingStatus from, ListingStatus to) {
        assertThat(from.canBecome(to)).isTrue();
        assertThat(from.transitionTo(to, false)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("forbiddenPairs")
    void refusesEveryOtherTransition(ListingStatus from, ListingStatus to) {
        assertThat(from.canBecome(to)).isFalse();
        for (boolean hasBids : new boolean[] {false, true}) {
            assertThatThrownBy(() -> from.transitionTo(to, hasBids))
                    .isInstanceOfSatisfying(Rejection.class, rejection -> {
                        assertThat(rejection.code()).isEqualTo("INVALID_STATUS_TRANSITION");
                        assertThat(rejection.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                    });
        }
    }

    @ParameterizedTest(name = "{0} cannot be withdrawn once it has bids")
    @EnumSource(
            value = ListingStatus.class,
            names = {"DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "OPEN"})
    void refusesWithdrawalAfterTheFirstBid(ListingStatus from) {
        assertThatThrownBy(() -> from.transitionTo(ListingStatus.WITHDRAWN, true))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo("LISTING_HAS_BIDS"));
    }

    @ParameterizedTest(name = "{0} with bids may still be cancelled by an operator")
    @EnumSource(
            value = ListingStatus.class,
            names = {"OPEN", "CLOSED"})
    void allowsCancellationWithBidsUntilTheAward(ListingStatus from) {
        assertThat(from.transitionTo(ListingStatus.CANCELLED, true)).isEqualTo(ListingStatus.CANCELLED);
    }

    @Test
    void theEndedStatusesAreFinal() {
        Set<ListingStatus> finals = Arrays.stream(ListingStatus.values())
                .filter(ListingStatus::isFinal)
                .collect(Collectors.toSet());
        assertThat(finals)
                .containsExactlyInAnyOrder(
                        ListingStatus.REJECTED,
                        ListingStatus.AWARDED,
                        ListingStatus.UNSOLD,
                        ListingStatus.WITHDRAWN,
                        ListingStatus.CANCELLED);
    }

    @Test
    void theStandingStatusesAreThoseBeforeTheCloseAndEachMayStillBeCancelled() {
        Set<ListingStatus> standing = Arrays.stream(ListingStatus.values())
                .filter(ListingStatus::isStanding)
                .collect(Collectors.toSet());
        assertThat(standing)
                .containsExactlyInAnyOrder(
                        ListingStatus.DRAFT,
                        ListingStatus.SUBMITTED,
                        ListingStatus.APPROVED,
                        ListingStatus.PUBLISHED,
                        ListingStatus.OPEN);
        assertThat(standing).allMatch(s -> s.canBecome(ListingStatus.CANCELLED));
    }
}
