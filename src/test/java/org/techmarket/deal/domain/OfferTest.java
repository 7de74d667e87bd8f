package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.deal.domain.OfferStatus.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class OfferTest {

    private static final Instant NOW = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(3));
    private static final String BUYER = "org-buyer";
    private static final String SELLER = "org-seller";

    private static final Map<OfferStatus, Set<OfferStatus>> EXPECTED = Map.of(
            OPEN,
            Set.of(COUNTERED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN),
            COUNTERED,
            Set.of(),
            ACCEPTED,
            Set.of(),
            DECLINED,
            Set.of(),
            EXPIRED,
            Set.of(),
            WITHDRAWN,
            Set.of());

    private static OfferTerms terms(long fen) {
        Money price = Money.cny(fen);
        return new OfferTerms(price, new PaymentSchedule.LumpSum(price, LocalDate.of(2026, 2, 1)), Fixtures.SCOPE);
    }

    private static Offer opening() {
        return Offer.open("offer-1", "listing-1", BUYER, SELLER, terms(100_000_000), NOW, DEADLINE);
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(OfferStatus.values())
                .flatMap(from -> Stream.of(OfferStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableTransitionsAreAllowed(OfferStatus from, OfferStatus to) {
        if (EXPECTED.get(from).contains(to)) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", "INVALID_STATUS_TRANSITION");
        }
        assertThat(from.isFinal()).isEqualTo(from != OPEN);
    }

    @Test
    void aBuyerOpensAndTheSellerAccepts() {
        Offer offer = opening();
        assertThat(offer.status()).isEqualTo(OPEN);
        assertThat(offer.round()).isEqualTo(1);
        assertThat(offer.recipient()).isEqualTo(SELLER);
        Offer accepted = offer.accept(SELLER, NOW.plusSeconds(60));
        assertThat(accepted.status()).isEqualTo(ACCEPTED);
        assertThat(accepted.terms()).isEqualTo(offer.terms());
    }

    @Test
    void aCounterClosesTheOfferAndOpensALinkedOneTheOtherWay() {
        Offer.Countered countered =
                opening().counter("offer-2", SELLER, terms(120_000_000), NOW.plusSeconds(60), DEADLINE.plusSeconds(60));
        assertThat(countered.previous().status()).isEqualTo(COUNTERED);
        Offer counter = countered.counter();
        assertThat(counter.status()).isEqualTo(OPEN);
        assertThat(counter.previousOfferId()).contains("offer-1");
        assertThat(counter.round()).isEqualTo(2);
        assertThat(counter.madeBy()).isEqualTo(SELLER);
        assertThat(counter.recipient()).isEqualTo(BUYER);
        assertThat(counter.listingId()).isEqualTo("listing-1");

        Offer.Countered back =
                counter.counter("offer-3", BUYER, terms(110_000_000), NOW.plusSeconds(120), DEADLINE.plusSeconds(120));
        assertThat(back.counter().round()).isEqualTo(3);
        assertThat(back.counter().accept(SELLER, NOW.plusSeconds(180)).status()).isEqualTo(ACCEPTED);
    }

    @Test
    void onlyTheRecipientAnswersAndOnlyTheAuthorWithdraws() {
        Offer offer = opening();
        for (Runnable step : new Runnable[] {
            () -> offer.accept(BUYER, NOW),
            () -> offer.decline("org-x", NOW),
            () -> offer.counter("o2", BUYER, terms(1), NOW, DEADLINE),
            () -> offer.withdraw(SELLER, NOW)
        }) {
            assertThatThrownBy(step::run)
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", "NOT_YOUR_OFFER")
                    .hasFieldOrPropertyWithValue("kind", Rejection.Kind.FORBIDDEN);
        }
        assertThat(offer.withdraw(BUYER, NOW).status()).isEqualTo(WITHDRAWN);
        assertThat(offer.decline(SELLER, NOW).status()).isEqualTo(DECLINED);
    }

    @Test
    void anOfferExpiresAtItsDeadline() {
        Offer offer = opening();
        assertThat(offer.expireIfDue(DEADLINE.minusMillis(1))).isEmpty();
        assertThat(offer.accept(SELLER, DEADLINE.minusMillis(1)).status()).isEqualTo(ACCEPTED);
        assertThat(offer.expireIfDue(DEADLINE))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(EXPIRED));
        assertThatThrownBy(() -> offer.accept(SELLER, DEADLINE))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "OFFER_EXPIRED");
        assertThatThrownBy(() -> offer.withdraw(BUYER, DEADLINE.plusSeconds(1)))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "OFFER_EXPIRED");
        assertThat(offer.accept(SELLER, NOW).expireIfDue(DEADLINE)).isEmpty();
    }

    @Test
    void anAnsweredOfferCannotBeAnsweredAgain() {
        Offer declined = opening().decline(SELLER, NOW);
        assertThatThrownBy(() -> declined.accept(SELLER, NOW))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_STATUS_TRANSITION");
        assertThatThrownBy(() -> declined.withdraw(BUYER, NOW))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_STATUS_TRANSITION");
    }

    @Test
    void deadlinesLieAheadAndSellersDoNotBidOnTheirOwnListings() {
        assertThatThrownBy(() -> Offer.open("o", "l", BUYER, SELLER, terms(1), NOW, NOW))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_DEADLINE");
        assertThatThrownBy(() -> opening().counter("o2", SELLER, terms(1), NOW, NOW.minusSeconds(1)))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_DEADLINE");
        assertThatThrownBy(() -> Offer.open("o", "l", SELLER, SELLER, terms(1), NOW, DEADLINE))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "SAME_PARTY");
    }

    @Test
    void termsPayThePrice() {
        Money price = Money.cny(100);
        assertThatThrownBy(() -> new OfferTerms(
                        price, new PaymentSchedule.LumpSum(Money.cny(99), Fixtures.START), Fixtures.SCOPE))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "LUMP_SUM_MISMATCH");
        assertThatThrownBy(() -> terms(0))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_AMOUNT");
    }

    @Test
    void anOpenOfferLapsesWithItsListingOnceAndAnAnsweredOneDoesNot() {
        Offer lapsed = opening()
                .lapse("Listing listing-1 was cancelled: the asset was assigned")
                .orElseThrow();
        assertThat(lapsed.status()).isEqualTo(EXPIRED);
        assertThat(lapsed.statusReason()).contains("Listing listing-1 was cancelled: the asset was assigned");
        assertThat(lapsed.lapse("again")).isEmpty();
        assertThatThrownBy(() -> lapsed.accept(SELLER, NOW))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_STATUS_TRANSITION");
        assertThat(opening().accept(SELLER, NOW).lapse("concluded")).isEmpty();
        assertThat(opening().statusReason()).isEmpty();
        assertThat(opening().expireIfDue(DEADLINE).orElseThrow().statusReason()).isEmpty();
    }
}
