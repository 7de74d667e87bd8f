package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.english;
import static org.techmarket.listing.domain.Fixtures.englishWithReserve;
import static org.techmarket.listing.domain.Fixtures.minute;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.AuctionEvent.BidPlaced;
import org.techmarket.listing.domain.AuctionEvent.LeaderChanged;
import org.techmarket.listing.domain.AuctionEvent.PriceRaised;
import org.techmarket.listing.domain.AuctionEvent.ReserveMet;
import org.techmarket.listing.domain.Increment.Tier;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;

class EnglishAuctionTest {

    private final EnglishAuction auction = EnglishAuction.open(english(1_000, Increment.fixed(100)));
    private int bids;

    private AuctionResult bid(String bidder, long amount) {
        return auction.placeBid(PlaceBid.of("b" + ++bids, bidder, amount, minute(bids)));
    }

    private AuctionResult bid(String bidder, long amount, long maximum) {
        return auction.placeBid(PlaceBid.upTo("b" + ++bids, bidder, amount, maximum, minute(bids)));
    }

    private static long price(AuctionResult result) {
        return result.view().currentPrice().orElseThrow();
    }

    @Test
    void proxyBiddingWorkedByHand() {
        // Start 1,000 fen, step 100 fen.
        AuctionResult first = bid("alice", 1_000, 5_000);
        assertThat(price(first)).isEqualTo(1_000); // alone: the start price
        assertThat(first.view().isLeading("alice")).isTrue();
        assertThat(first.events()).hasSize(2).last().isEqualTo(new LeaderChanged("alice", Optional.empty(), minute(1)));

        AuctionResult second = bid("bob", 1_100); // bob's maximum 1,100 < alice's 5,000
        assertThat(price(second)).isEqualTo(1_200); // min(5,000, 1,100 + 100)
        assertThat(second.view().isLeading("bob")).isFalse();
        assertThat(second.events()).contains(new PriceRaised(1_000, 1_200, minute(2)));

        assertThat(price(bid("bob", 1_300, 3_000))).isEqualTo(3_100); // min(5,000, 3,000 + 100)

        AuctionResult carol = bid("carol", 3_200, 6_000); // 6,000 beats alice's 5,000
        assertThat(price(carol)).isEqualTo(5_100); // min(6,000, 5,000 + 100)
        assertThat(carol.view().leaderId()).contains("carol");
        assertThat(carol.events()).contains(new LeaderChanged("carol", Optional.of("alice"), minute(4)));

        AuctionResult tie = bid("alice", 5_200, 6_000); // equal maxima: carol bid first and keeps the lead
        assertThat(price(tie)).isEqualTo(6_000); // min(6,000, 6,000 + 100)
        assertThat(tie.view().leaderId()).contains("carol");
        assertThat(tie.events()).noneMatch(LeaderChanged.class::isInstance);

        assertThat(auction.close(END).outcome()).contains(new Award("carol", 6_000));
    }

    @Test
    void theStepComesFromTheScheduleAtTheRunnerUpsMaximumAndAtTheCurrentPrice() {
        Increment tiers = Increment.tiered(List.of(new Tier(0, 100), new Tier(5_000, 500), new Tier(20_000, 1_000)));
        EnglishAuction tiered = EnglishAuction.open(english(1_000, tiers));
        tiered.placeBid(PlaceBid.upTo("b1", "alice", 1_000, 30_000, minute(1)));
        assertThat(tiered.minimumBid()).isEqualTo(1_100); // 1,000 + step(1,000) = 100

        tiered.placeBid(PlaceBid.of("b2", "bob", 4_900, minute(2)));
        assertThat(tiered.state().currentPrice()).isEqualTo(5_000); // 4,900 + step(4,900) = 100
        assertThat(tiered.minimumBid()).isEqualTo(5_500); // 5,000 + step(5,000) = 500
        assertRefused(
                () -> tiered.placeBid(PlaceBid.of("b3", "bob", 5_400, minute(3))),
                "BID_BELOW_MINIMUM",
                rejection -> assertThat(rejection.properties()).containsEntry("minimumBid", 5_500L));

        tiered.placeBid(PlaceBid.of("b4", "bob", 19_800, minute(4)));
        assertThat(tiered.state().currentPrice()).isEqualTo(20_300); // 19,800 + step(19,800) = 500
        assertThat(tiered.minimumBid()).isEqualTo(21_300); // 20,300 + step(20,300) = 1,000
    }

    @Test
    void theFirstBidMayBeTheStartPriceAndNotLess() {
        assertRefused(
                () -> bid("alice", 999),
                "BID_BELOW_MINIMUM",
                rejection -> assertThat(rejection.properties()).containsEntry("minimumBid", 1_000L));
        assertThat(price(bid("alice", 1_000))).isEqualTo(1_000);
        assertRefused(() -> bid("bob", 1_099), "BID_BELOW_MINIMUM");
        assertThat(price(bid("bob", 1_100))).isEqualTo(1_100);
    }

    @Test
    void aLeaderRaisesTheirMaximumWithoutRaisingThePrice() {
        bid("alice", 1_000, 5_000);
        bid("bob", 1_100);
        AuctionResult raise = bid("alice", 1_300, 9_000);
        assertThat(price(raise)).isEqualTo(1_200);
        assertThat(raise.events()).singleElement().isInstanceOf(BidPlaced.class);
        assertThat(auction.state().leader().orElseThrow().maximum()).isEqualTo(9_000);
        assertThat(auction.state().runnerUpMaximum()).hasValue(1_100);
    }

    @Test
    void aLeaderMustRaiseTheirMaximumAndStillBidAtLeastTheMinimum() {
        bid("alice", 1_000, 5_000);
        bid("bob", 1_100);
        EnglishState before = auction.state();
        assertRefused(() -> bid("alice", 1_300, 5_000), "MAXIMUM_NOT_RAISED");
        assertRefused(() -> bid("alice", 1_300), "MAXIMUM_NOT_RAISED");
        assertRefused(() -> bid("alice", 1_200, 9_000), "BID_BELOW_MINIMUM");
        assertThat(auction.state()).isEqualTo(before);
    }

    @Test
    void theOutbidLeaderMayComeBack() {
        bid("alice", 1_000, 2_000);
        bid("bob", 1_100, 3_000); // bob leads at min(3,000, 2,000 + 100)
        assertThat(auction.state().currentPrice()).isEqualTo(2_100);
        AuctionResult back = bid("alice", 2_200, 4_000);
        assertThat(price(back)).isEqualTo(3_100); // min(4,000, 3,000 + 100)
        assertThat(back.view().leaderId()).contains("alice");
    }

    @Test
    void theReserveIsHiddenUntilMetAndThenSetsThePrice() {
        EnglishAuction reserved = EnglishAuction.open(englishWithReserve(1_000, 8_000, Increment.fixed(100)));
        assertThat(reserved.view(START).reserve()).isEqualTo(ReserveStatus.NOT_MET);
        reserved.placeBid(PlaceBid.upTo("b1", "alice", 1_000, 5_000, minute(1)));
        assertThat(reserved.view(minute(1)).reserve()).isEqualTo(ReserveStatus.NOT_MET);

        AuctionResult met = reserved.placeBid(PlaceBid.upTo("b2", "bob", 1_100, 9_000, minute(2)));
        // The proxy price would be min(9,000, 5,000 + 100) = 5,100; bob would pay the reserve, so it shows.
        assertThat(price(met)).isEqualTo(8_000);
        assertThat(met.view().reserve()).isEqualTo(ReserveStatus.MET);
        assertThat(met.events()).contains(new ReserveMet(minute(2)), new PriceRaised(1_000, 8_000, minute(2)));
        assertThat(reserved.close(END).outcome()).contains(new Award("bob", 8_000));
    }

    @Test
    void aLeaderRaisingTheirMaximumPastTheReserveLiftsThePriceToIt() {
        EnglishAuction reserved = EnglishAuction.open(englishWithReserve(1_000, 8_000, Increment.fixed(100)));
        reserved.placeBid(PlaceBid.upTo("b1", "alice", 1_000, 5_000, minute(1)));
        AuctionResult raise = reserved.placeBid(PlaceBid.upTo("b2", "alice", 1_100, 8_500, minute(2)));
        assertThat(price(raise)).isEqualTo(8_000);
        assertThat(raise.events()).contains(new ReserveMet(minute(2)));
    }

    @Test
    void anAuctionWhoseReserveIsNotMetEndsUnsold() {
        EnglishAuction reserved = EnglishAuction.open(englishWithReserve(1_000, 8_000, Increment.fixed(100)));
        reserved.placeBid(PlaceBid.upTo("b1", "alice", 1_000, 5_000, minute(1)));
        reserved.placeBid(PlaceBid.upTo("b2", "bob", 1_100, 6_000, minute(2)));
        assertThat(reserved.state().currentPrice()).isEqualTo(5_100);
        assertThat(reserved.close(END).outcome()).contains(new Unsold(UnsoldReason.RESERVE_NOT_MET));
    }

    @Test
    void anAuctionWithoutBidsEndsUnsold() {
        assertThat(auction.close(END).outcome()).contains(new Unsold(UnsoldReason.NO_BIDS));
    }

    @Test
    void bidsAreTakenFromTheStartUntilJustBeforeTheEnd() {
        assertRefused(
                () -> auction.placeBid(PlaceBid.of("b0", "alice", 1_000, START.minusNanos(1))), "AUCTION_NOT_OPEN");
        assertRefused(() -> auction.placeBid(PlaceBid.of("b0", "alice", 1_000, END)), "AUCTION_ENDED");
        auction.placeBid(PlaceBid.of("b1", "alice", 1_000, START));
        auction.placeBid(PlaceBid.of("b2", "bob", 1_100, END.minusNanos(1)));
        assertThat(auction.state().bidCount()).isEqualTo(2);
    }

    @Test
    void closingHappensOnceAndOnlyAtOrAfterTheEnd() {
        bid("alice", 1_000);
        assertRefused(() -> auction.close(END.minusNanos(1)), "AUCTION_NOT_ENDED");
        assertThat(auction.close(END).events())
                .singleElement()
                .isEqualTo(new AuctionEvent.AuctionClosed(new Award("alice", 1_000), END));
        assertRefused(() -> auction.close(END.plusSeconds(1)), "ALREADY_CLOSED");
        assertRefused(() -> auction.placeBid(PlaceBid.of("late", "bob", 5_000, minute(30))), "AUCTION_ENDED");
        assertThat(auction.view(END).minimumBid()).isEmpty();
    }

    @Test
    void refusesDutchAndFixedPriceCommands() {
        assertRefused(() -> auction.acceptPrice(new AcceptPrice("a1", "alice", minute(1))), "WRONG_MECHANISM");
        assertRefused(() -> auction.purchase(new Purchase("p1", "alice", minute(1))), "WRONG_MECHANISM");
    }

    @Test
    void refusesAmountsThatAreNotPositiveAbsurdOrBelowThemselves() {
        assertRefused(() -> PlaceBid.of("b", "alice", 0, minute(1)), "INVALID_AMOUNT");
        assertRefused(() -> PlaceBid.of("b", "alice", -100, minute(1)), "INVALID_AMOUNT");
        assertRefused(() -> PlaceBid.of("b", "alice", AuctionRefusals.MAX_AMOUNT + 1, minute(1)), "INVALID_AMOUNT");
        assertRefused(
                () -> PlaceBid.upTo("b", "alice", 2_000, 1_999, minute(1)),
                "INVALID_AMOUNT",
                rejection -> assertThat(rejection.errors()).extracting("field").containsExactly("maxAmount"));
    }

    @Test
    void theViewShowsNoPriceBeforeTheFirstBidAndNeverAMaximum() {
        AuctionView before = auction.view(START);
        assertThat(before.currentPrice()).isEmpty();
        assertThat(before.minimumBid()).hasValue(1_000);
        assertThat(before.bidCount()).hasValue(0);
        assertThat(before.reserve()).isEqualTo(ReserveStatus.NO_RESERVE);
        bid("alice", 1_000, 50_000);
        assertThat(auction.view(minute(1)).toString()).doesNotContain("50000");
    }

    @Test
    void aRehydratedAuctionContinuesExactlyAsTheOriginal() {
        bid("alice", 1_000, 5_000);
        bid("bob", 1_100, 2_000);
        EnglishAuction copy = EnglishAuction.rehydrate(auction.terms(), auction.state());
        PlaceBid next = PlaceBid.upTo("b9", "carol", 2_200, 7_000, minute(9));
        assertThat(copy.placeBid(next)).isEqualTo(auction.placeBid(next));
        assertThat(copy.state()).isEqualTo(auction.state());
    }
}
