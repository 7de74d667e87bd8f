package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.EnglishAuctionProperties.refusalOf;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.NaiveSealedBidAuction.Accepted;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.SealedBidTerms.Pricing;

class SealedBidAuctionProperties {

    @Test
    void theEngineAgreesWithTheNaiveReferenceAndTheWinnerIsTheBestBidAtOrAboveTheReserve() {
        Set<String> reached = new HashSet<>();
        SeededCases.check("Sealed-bid auction", 1_000, (random, input) -> {
            SealedBidTerms terms = randomTerms(random);
            input.add(terms.toString());
            SealedBidAuction engine = SealedBidAuction.open(terms);
            NaiveSealedBidAuction naive = new NaiveSealedBidAuction(terms);
            List<AuctionCommand> acceptedCommands = new ArrayList<>();
            Instant at = START.minusSeconds(60);
            int bidders = 1 + random.nextInt(5);
            for (int i = 0, n = random.nextInt(30); i < n; i++) {
                at = at.plusSeconds(random.nextInt(300));
                PlaceBid bid = randomBid(random, terms, "b" + i, bidders, at);
                input.add(bid.toString());
                var expected = naive.placeBid(bid);
                var actual = refusalOf(() -> engine.placeBid(bid));
                assertThat(actual).as("refusal of %s", bid).isEqualTo(expected);
                reached.add(actual.orElse("accepted"));
                actual.ifPresentOrElse(code -> {}, () -> acceptedCommands.add(bid));
                assertThat(engine.view(at).currentPrice())
                        .as("nothing shown before the close")
                        .isEmpty();
            }
            Instant closeAt = at.isAfter(END) ? at : END;
            input.add("close at " + closeAt);
            Outcome outcome = engine.close(closeAt).outcome().orElseThrow();
            acceptedCommands.add(new CloseAuction(closeAt));
            reached.add(outcome.getClass().getSimpleName());
            assertThat(outcome).as("outcome").isEqualTo(naive.close(closeAt));
            if (outcome instanceof Award award) {
                checkAward(terms, naive.ranking(), award);
            }
            assertThat(Auction.replay(terms, acceptedCommands).state())
                    .as("replay")
                    .isEqualTo(engine.state());
        });
        assertThat(reached)
                .contains(
                        "accepted",
                        "AUCTION_ENDED",
                        "AUCTION_NOT_OPEN",
                        "BID_BELOW_MINIMUM",
                        "NOT_ENGLISH",
                        "Award",
                        "Unsold");
    }

    private static void checkAward(SealedBidTerms terms, List<Accepted> ranking, Award award) {
        Accepted winning = ranking.stream()
                .filter(bid -> bid.bidderId().equals(award.winnerId()))
                .findFirst()
                .orElseThrow();
        ranking.forEach(
                bid -> assertThat(bid.amount()).as("no bid above the winner's").isLessThanOrEqualTo(winning.amount()));
        assertThat(award.price()).as("price within the winner's bid").isLessThanOrEqualTo(winning.amount());
        assertThat(award.price())
                .as("price at least the reserve and the start")
                .isGreaterThanOrEqualTo(terms.reservePrice().orElse(terms.startPrice()));
    }

    private static SealedBidTerms randomTerms(Random random) {
        long start = 1 + random.nextInt(1_000);
        OptionalLong reserve =
                random.nextBoolean() ? OptionalLong.of(start + random.nextInt(3_000)) : OptionalLong.empty();
        Pricing pricing = random.nextBoolean() ? Pricing.FIRST_PRICE : Pricing.SECOND_PRICE;
        return new SealedBidTerms(pricing, start, reserve, START, END);
    }

    /** Amounts from a small range so that ties and replacements with the same amount happen often. */
    private static PlaceBid randomBid(Random random, SealedBidTerms terms, String bidId, int bidders, Instant at) {
        String bidder = String.valueOf((char) ('A' + random.nextInt(bidders)));
        long amount = Math.max(1, terms.startPrice() - 50 + 50L * random.nextInt(60));
        if (random.nextInt(20) == 0) {
            return PlaceBid.upTo(bidId, bidder, amount, amount + 1, at);
        }
        return PlaceBid.of(bidId, bidder, amount, at);
    }
}
