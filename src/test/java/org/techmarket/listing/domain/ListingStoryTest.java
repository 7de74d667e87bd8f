package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.minute;
import static org.techmarket.listing.domain.ListingStatus.APPROVED;
import static org.techmarket.listing.domain.ListingStatus.AWARDED;
import static org.techmarket.listing.domain.ListingStatus.CLOSED;
import static org.techmarket.listing.domain.ListingStatus.DRAFT;
import static org.techmarket.listing.domain.ListingStatus.OPEN;
import static org.techmarket.listing.domain.ListingStatus.PUBLISHED;
import static org.techmarket.listing.domain.ListingStatus.SUBMITTED;
import static org.techmarket.listing.domain.ListingStatus.WITHDRAWN;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.AuctionEvent.AuctionExtended;
import org.techmarket.listing.domain.Increment.Tier;
import org.techmarket.listing.domain.Outcome.Award;

/** A university sells an exclusive licence to a battery patent by English auction, told as the market sees it. */
class ListingStoryTest {

    @Test
    void aPatentLicenceIsAuctionedFromDraftToAward() {
        // The technology transfer office drafts the listing: start at 50,000 yuan, a hidden reserve of 120,000,
        // steps of 1,000 yuan (2,000 from 100,000 up), and a ten-minute soft close capped at half an hour.
        EnglishTerms terms = new EnglishTerms(
                5_000_000,
                OptionalLong.of(12_000_000),
                Increment.tiered(List.of(new Tier(0, 100_000), new Tier(10_000_000, 200_000))),
                START,
                END,
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                Optional.of(END.plus(Duration.ofMinutes(30))));
        ListingStatus status = DRAFT.transitionTo(SUBMITTED, false);
        status = status.transitionTo(APPROVED, false); // the venue's operator approves
        status = status.transitionTo(PUBLISHED, false); // the disclosure period starts
        status = status.transitionTo(OPEN, false); // bidding opens
        Auction auction = Auction.open(terms);

        // A battery maker bids the start price and lets the platform go up to 90,000 yuan for it.
        auction.placeBid(PlaceBid.upTo("bid-1", "ningde-cells", 5_000_000, 9_000_000, minute(5)));
        // A storage integrator bids 60,000 outright and is immediately outbid by the proxy.
        AuctionResult integrator = auction.placeBid(PlaceBid.of("bid-2", "huabei-storage", 6_000_000, minute(12)));
        assertThat(integrator.view().isLeading("huabei-storage")).isFalse();
        assertThat(integrator.view().currentPrice()).hasValue(6_100_000);
        assertThat(integrator.view().reserve()).isEqualTo(ReserveStatus.NOT_MET);

        // Now the seller may no longer walk away.
        ListingStatus open = status;
        assertRefused(() -> open.transitionTo(WITHDRAWN, true), "LISTING_HAS_BIDS");

        // The integrator comes back with a maximum of 150,000 yuan: it leads, and the reserve is met.
        AuctionResult comeback =
                auction.placeBid(PlaceBid.upTo("bid-3", "huabei-storage", 6_200_000, 15_000_000, minute(30)));
        assertThat(comeback.view().isLeading("huabei-storage")).isTrue();
        assertThat(comeback.view().reserve()).isEqualTo(ReserveStatus.MET);
        assertThat(comeback.view().currentPrice()).hasValue(12_000_000);

        // The battery maker tries to snipe two minutes before the end; the close moves ten minutes out.
        AuctionResult snipe =
                auction.placeBid(PlaceBid.upTo("bid-4", "ningde-cells", 12_200_000, 14_000_000, minute(58)));
        assertThat(snipe.events()).contains(new AuctionExtended(END, minute(68), minute(58)));
        assertThat(snipe.view().currentPrice()).hasValue(14_200_000); // 140,000 + the 2,000 step
        assertThat(snipe.view().isLeading("huabei-storage")).isTrue();

        // Nobody else bids; the closing job ends the auction at the extended end.
        assertRefused(() -> auction.close(END), "AUCTION_NOT_ENDED");
        AuctionResult closing = auction.close(minute(68));
        status = status.transitionTo(CLOSED, true);
        assertThat(closing.outcome()).contains(new Award("huabei-storage", 14_200_000));
        status = status.transitionTo(AWARDED, true);
        assertThat(status.isFinal()).isTrue();

        // The stored state alone brings the same auction back, say on another node.
        Auction again = Auction.rehydrate(terms, auction.state());
        assertThat(again.view(minute(70))).isEqualTo(auction.view(minute(70)));
    }
}
