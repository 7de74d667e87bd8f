package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.minute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.techmarket.audit.AuditLog;
import org.techmarket.listing.domain.ListingEvent.BidPlaced;
import org.techmarket.listing.domain.ListingEvent.ListingAwarded;
import org.techmarket.listing.domain.ListingEvent.ListingUnsold;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/** The listing aggregate: each market step checks the lifecycle table and reports what happened. */
class ListingTest {

    private static final String SELLER = "org-tto";
    private static final String BUYER = "org-maker";

    @Test
    void draftingReportsTheOfferAndTheMechanism() {
        Listing.Change drafted = draft(english());

        assertThat(drafted.listing().status()).isEqualTo(ListingStatus.DRAFT);
        assertThat(drafted.listing().deposit()).isEqualTo(50_000);
        assertThat(types(drafted)).containsExactly("ListingDrafted");
        assertThat(drafted.events().get(0).payload())
                .isEqualTo(Map.of(
                        "sellerId",
                        SELLER,
                        "assetIds",
                        List.of("asset-1"),
                        "offer",
                        "ASSIGNMENT",
                        "mechanism",
                        "ENGLISH"));
    }

    @Test
    void anApprovalAfterTheStartPublishesAndOpensAtOnce() {
        Listing submitted = draft(english()).listing().submit(START).listing();

        Listing.Change early = submitted.approve(START.minusSeconds(1));
        Listing.Change late = submitted.approve(START);

        assertThat(early.listing().status()).isEqualTo(ListingStatus.PUBLISHED);
        assertThat(types(early)).containsExactly("ListingApproved", "ListingPublished");
        assertThat(late.listing().status()).isEqualTo(ListingStatus.OPEN);
        assertThat(types(late)).containsExactly("ListingApproved", "ListingPublished", "ListingOpened");
        assertThat(late.events().get(2).payload()).isEqualTo(Map.of("status", "OPEN"));
    }

    @Test
    void aPublishedListingOpensOnlyOnceItsStartHasCome() {
        Listing published = published(english());

        assertThat(published.openIfStarted(START.minusSeconds(1)).events()).isEmpty();
        assertThat(published.openIfStarted(START).listing().status()).isEqualTo(ListingStatus.OPEN);
        assertRefused(() -> published.openForBids(START.minusSeconds(1)), "LISTING_NOT_OPEN");
        assertThat(types(published.openForBids(START))).containsExactly("ListingOpened");
    }

    @Test
    void aBidMovesTheSaleAndIsReportedWithItsAmount() {
        Listing open = published(english()).open(START).listing();

        Listing.Bid bid = open.placeBid(PlaceBid.of("bid-1", BUYER, 1_000_000, minute(1)));

        assertThat(bid.change().listing().bidCount()).isEqualTo(1);
        assertThat(bid.change().listing().status()).isEqualTo(ListingStatus.OPEN);
        assertThat(bid.change().events()).singleElement().isInstanceOfSatisfying(BidPlaced.class, placed -> {
            assertThat(type(placed)).isEqualTo("BidPlaced");
            assertThat(placed.payload())
                    .containsEntry("amount", Money.of(1_000_000, "CNY").toString())
                    .containsEntry("bidderId", BUYER);
        });
        assertRefused(() -> bid.change().listing().withdraw(minute(2)), "LISTING_HAS_BIDS");
    }

    @Test
    void aSealedAmountStaysOutOfTheReport() {
        Mechanism sealed = new Mechanism(
                MechanismType.SEALED_FIRST_PRICE,
                cny(1_000_000),
                null,
                null,
                null,
                null,
                START,
                END,
                null,
                null,
                null,
                null);
        Listing open = published(sealed).open(START).listing();

        Listing.Bid bid = open.placeBid(PlaceBid.of("bid-1", BUYER, 1_500_000, minute(1)));

        assertThat(bid.change().events().get(0).payload()).doesNotContainKey("amount");
    }

    @Test
    void aPurchaseEndsTheSaleAndClosesTheListing() {
        Mechanism fixed = new Mechanism(
                MechanismType.FIXED_PRICE, cny(2_000_000), null, null, null, null, START, END, null, null, null, null);
        Listing open = published(fixed).open(START).listing();

        Listing.Bid bid = open.placeBid(new Purchase("bid-1", BUYER, minute(1)));

        assertThat(bid.change().listing().status()).isEqualTo(ListingStatus.CLOSED);
        assertThat(types(bid.change())).containsExactly("FixedPricePurchased");
        Listing awarded =
                bid.change().listing().award(BUYER, 2_000_000, minute(1)).listing();
        assertThat(awarded.status()).isEqualTo(ListingStatus.AWARDED);
        assertThat(awarded.winnerId()).contains(BUYER);
        assertThat(awarded.awardPrice()).isEqualTo(OptionalLong.of(2_000_000));
    }

    @Test
    void theCloseSettlesTheOutcomeAndTheListingGoesUnsoldWithItsReason() {
        Listing.Change closed = published(english()).open(START).listing().close(END);

        assertThat(closed.listing().status()).isEqualTo(ListingStatus.CLOSED);
        assertThat(closed.listing().outcome()).contains(new Outcome.Unsold(Outcome.UnsoldReason.NO_BIDS));
        Listing.Change unsold = closed.listing().goUnsold("NO_BIDS", Map.of(), END);
        assertThat(unsold.listing().status()).isEqualTo(ListingStatus.UNSOLD);
        assertThat(unsold.listing().statusReason()).contains("NO_BIDS");
        assertThat(unsold.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ListingUnsold.class, u -> assertThat(u.payload()).isEqualTo(Map.of("unsold", "NO_BIDS")));
    }

    @Test
    void aNegotiationIsConcludedOnlyWhileOpenAndInItsCurrency() {
        Mechanism negotiation = new Mechanism(
                MechanismType.NEGOTIATION, cny(3_000_000), null, null, null, null, START, END, null, null, null, null);
        Listing published = published(negotiation);

        assertRefused(() -> published.openForBids(START), "NEGOTIATION_LISTING");
        assertRefused(() -> published.concludeNegotiation(cny(2_500_000), START.minusSeconds(1)), "LISTING_NOT_OPEN");
        assertRefused(() -> published.concludeNegotiation(Money.of(2_500_000, "USD"), START), "CURRENCY_MISMATCH");
        Listing.Change concluded = published
                .concludeNegotiation(cny(2_500_000), START)
                .then(closed -> closed.award(BUYER, 2_500_000, START));

        assertThat(types(concluded)).containsExactly("ListingOpened", "ListingAwarded");
        assertThat(concluded.events().get(1))
                .isInstanceOfSatisfying(
                        ListingAwarded.class, a -> assertThat(a.payload()).containsEntry("mechanism", "NEGOTIATION"));
        assertRefused(() -> concluded.listing().concludeNegotiation(cny(2_500_000), START), "LISTING_NOT_OPEN");
        assertRefused(() -> published(english()).requireOpenToOffers(START), "NOT_A_NEGOTIATION");
    }

    @Test
    void aCancellationKeepsItsReasonAndEndsTheListing() {
        Listing.Change cancelled = published(english()).cancel("rights withdrawn", START);

        assertThat(cancelled.listing().status().isFinal()).isTrue();
        assertThat(cancelled.events().get(0).payload())
                .isEqualTo(Map.of("status", "CANCELLED", "reason", "rights withdrawn"));
        assertRefused(() -> cancelled.listing().cancel("again", START), "INVALID_STATUS_TRANSITION");
    }

    @Test
    void eachLifecycleStepIsLoggedUnderItsOwnNameWithTheStatusItReached() {
        Listing drafted = draft(english()).listing();
        Listing submitted = drafted.submit(START).listing();

        assertThat(drafted.submit(START).events().get(0).payload()).isEqualTo(Map.of("status", "SUBMITTED"));
        assertThat(drafted.withdraw(START).events()).singleElement().satisfies(e -> {
            assertThat(type(e)).isEqualTo("ListingWithdrawn");
            assertThat(e.payload()).isEqualTo(Map.of("status", "WITHDRAWN"));
        });
        assertThat(submitted.reject("incomplete disclosure", START).events())
                .singleElement()
                .satisfies(e -> {
                    assertThat(type(e)).isEqualTo("ListingRejected");
                    assertThat(e.payload()).isEqualTo(Map.of("status", "REJECTED", "reason", "incomplete disclosure"));
                });
        assertThat(submitted.approve(START.minusSeconds(1)).events())
                .extracting(ListingEvent::payload)
                .containsExactly(Map.of("status", "APPROVED"), Map.of("status", "PUBLISHED"));
        assertRefused(() -> drafted.approve(START), "INVALID_STATUS_TRANSITION");
    }

    private static Listing published(Mechanism mechanism) {
        return draft(mechanism)
                .listing()
                .submit(START)
                .listing()
                .approve(START.minusSeconds(60))
                .listing();
    }

    private static Listing.Change draft(Mechanism mechanism) {
        return Listing.draft(
                "listing-1",
                "venue-1",
                SELLER,
                "A battery patent",
                "",
                List.of("asset-1"),
                List.of("new-energy"),
                GrantKind.ASSIGNMENT,
                Optional.empty(),
                mechanism,
                START.minusSeconds(3600));
    }

    private static Mechanism english() {
        return new Mechanism(
                MechanismType.ENGLISH,
                cny(1_000_000),
                null,
                cny(100_000),
                null,
                cny(50_000),
                START,
                END,
                null,
                null,
                null,
                null);
    }

    private static Money cny(long fen) {
        return Money.of(fen, "CNY");
    }

    private static List<String> types(Listing.Change change) {
        return change.events().stream().map(ListingTest::type).toList();
    }

    private static String type(ListingEvent event) {
        return AuditLog.typeOf(event.getClass().asSubclass(Record.class));
    }
}
