package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.minute;
import static org.techmarket.listing.domain.Fixtures.sealed;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.AuctionEvent.SealedBidPlaced;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;
import org.techmarket.listing.domain.SealedBidTerms.Pricing;

class SealedBidAuctionTest {

    private static SealedBidAuction withBids(Pricing pricing, OptionalLong reserve, long... amounts) {
        SealedBidAuction auction = SealedBidAuction.open(sealed(pricing, 1_000, reserve));
        for (int i = 0; i < amounts.length; i++) {
            auction.placeBid(PlaceBid.of("b" + i, "bidder" + i, amounts[i], minute(i + 1)));
        }
        return auction;
    }

    private static Optional<Outcome> closed(SealedBidAuction auction) {
        return auction.close(END).outcome();
    }

    @Test
    void firstPriceTheHighestBidWinsAndPaysItsBid() {
        assertThat(closed(withBids(Pricing.FIRST_PRICE, OptionalLong.empty(), 5_000, 7_000, 6_000)))
                .contains(new Award("bidder1", 7_000));
    }

    @Test
    void secondPriceTheHighestBidWinsAndPaysTheSecondHighest() {
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.empty(), 5_000, 7_000, 6_000)))
                .contains(new Award("bidder1", 6_000));
    }

    @Test
    void secondPricePaysTheReserveWhenItIsAboveTheSecondBid() {
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.of(6_500), 5_000, 7_000, 6_000)))
                .contains(new Award("bidder1", 6_500));
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.of(5_500), 5_000, 7_000, 6_000)))
                .contains(new Award("bidder1", 6_000));
    }

    @Test
    void secondPriceWithASingleBidderPaysTheReserveOrElseTheStartPrice() {
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.empty(), 5_000)))
                .contains(new Award("bidder0", 1_000));
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.of(2_000), 5_000)))
                .contains(new Award("bidder0", 2_000));
        assertThat(closed(withBids(Pricing.FIRST_PRICE, OptionalLong.of(2_000), 5_000)))
                .contains(new Award("bidder0", 5_000));
    }

    @Test
    void bidsBelowTheReserveAreTakenButCannotWin() {
        SealedBidAuction auction = withBids(Pricing.SECOND_PRICE, OptionalLong.of(8_000), 5_000, 7_000);
        assertThat(auction.state().bids()).hasSize(2);
        assertThat(closed(auction)).contains(new Unsold(UnsoldReason.RESERVE_NOT_MET));
    }

    @Test
    void aBidExactlyAtTheReserveWins() {
        assertThat(closed(withBids(Pricing.FIRST_PRICE, OptionalLong.of(7_000), 5_000, 7_000)))
                .contains(new Award("bidder1", 7_000));
    }

    @Test
    void withoutBidsTheSaleIsUnsold() {
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.empty())))
                .contains(new Unsold(UnsoldReason.NO_BIDS));
    }

    @Test
    void equalBidsGoToTheEarlierAndTheWinnerThenPaysTheTiedAmount() {
        assertThat(closed(withBids(Pricing.SECOND_PRICE, OptionalLong.empty(), 5_000, 5_000)))
                .contains(new Award("bidder0", 5_000));
    }

    @Test
    void aChangedBidTakesTheTimeOfTheChange() {
        SealedBidAuction auction = withBids(Pricing.FIRST_PRICE, OptionalLong.empty(), 5_000, 5_000);
        AuctionResult change = auction.placeBid(PlaceBid.of("b9", "bidder0", 5_000, minute(9)));
        assertThat(change.events())
                .singleElement()
                .isEqualTo(new SealedBidPlaced("b9", "bidder0", 5_000, 3, Optional.of("b0"), minute(9)));
        assertThat(closed(auction)).contains(new Award("bidder1", 5_000));
    }

    @Test
    void aBidderMayLowerTheirBidBeforeTheEnd() {
        SealedBidAuction auction = withBids(Pricing.SECOND_PRICE, OptionalLong.empty(), 9_000, 5_000);
        auction.placeBid(PlaceBid.of("b9", "bidder0", 4_000, minute(9)));
        assertThat(auction.bidOf("bidder0").map(SealedBid::amount)).hasValue(4_000L);
        assertThat(auction.state().bids()).extracting(SealedBid::bidderId).containsExactly("bidder1", "bidder0");
        assertThat(closed(auction)).contains(new Award("bidder1", 4_000));
    }

    @Test
    void nothingIsVisibleBeforeTheCloseAndEverythingAfter() {
        SealedBidAuction auction = withBids(Pricing.SECOND_PRICE, OptionalLong.of(2_000), 5_000, 7_000);
        AuctionView open = auction.view(minute(30));
        assertThat(open.currentPrice()).isEmpty();
        assertThat(open.bidCount()).isEmpty();
        assertThat(open.leaderId()).isEmpty();
        assertThat(open.reserve()).isEqualTo(ReserveStatus.UNDISCLOSED);
        assertThat(open.minimumBid()).hasValue(1_000);
        assertThat(open.toString()).doesNotContain("7000", "5000", "2000");

        AuctionView after = auction.close(END).view();
        assertThat(after.currentPrice()).hasValue(5_000);
        assertThat(after.bidCount()).hasValue(2);
        assertThat(after.leaderId()).contains("bidder1");
        assertThat(after.reserve()).isEqualTo(ReserveStatus.MET);
    }

    @Test
    void refusesMaximaBidsBelowTheStartAndBidsOutsideTheSchedule() {
        SealedBidAuction auction = withBids(Pricing.FIRST_PRICE, OptionalLong.empty());
        assertRefused(() -> auction.placeBid(PlaceBid.upTo("b", "x", 2_000, 3_000, minute(1))), "NOT_ENGLISH");
        assertRefused(() -> auction.placeBid(PlaceBid.of("b", "x", 999, minute(1))), "BID_BELOW_MINIMUM");
        assertRefused(() -> auction.placeBid(PlaceBid.of("b", "x", 2_000, START.minusSeconds(1))), "AUCTION_NOT_OPEN");
        assertRefused(() -> auction.placeBid(PlaceBid.of("b", "x", 2_000, END)), "AUCTION_ENDED");
        assertRefused(() -> auction.acceptPrice(new AcceptPrice("a", "x", minute(1))), "WRONG_MECHANISM");
        assertThat(auction.state().bids()).isEmpty();
    }

    @Test
    void closesOnceAtOrAfterTheEndAndThenTakesNoBids() {
        SealedBidAuction auction = withBids(Pricing.FIRST_PRICE, OptionalLong.empty(), 5_000);
        assertRefused(() -> auction.close(END.minusNanos(1)), "AUCTION_NOT_ENDED");
        auction.close(END);
        assertRefused(() -> auction.close(END), "ALREADY_CLOSED");
        assertRefused(() -> auction.placeBid(PlaceBid.of("b", "x", 9_000, minute(59))), "AUCTION_ENDED");
    }

    @Test
    void aRehydratedAuctionHasTheSameStateAndOutcome() {
        SealedBidAuction auction = withBids(Pricing.SECOND_PRICE, OptionalLong.empty(), 5_000, 7_000, 6_000);
        SealedBidAuction copy = SealedBidAuction.rehydrate(auction.terms(), auction.state());
        assertThat(copy.state()).isEqualTo(auction.state());
        PlaceBid next = PlaceBid.of("b9", "bidder2", 8_000, minute(9));
        assertThat(copy.placeBid(next).events())
                .isEqualTo(auction.placeBid(next).events());
        assertThat(closed(copy)).isEqualTo(closed(auction)).contains(new Award("bidder2", 7_000));
    }

    @Test
    void refusesAStoredStateThatCouldMisorderTies() {
        SealedBid first = new SealedBid("b1", "alice", 5_000, 1, START);
        assertThatThrownBy(() -> new SealedState(
                        List.of(first, new SealedBid("b2", "alice", 6_000, 2, START)), 2, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedState(List.of(first), 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
