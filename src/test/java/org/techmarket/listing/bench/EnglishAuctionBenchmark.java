package org.techmarket.listing.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.techmarket.listing.domain.AuctionResult;
import org.techmarket.listing.domain.EnglishAuction;
import org.techmarket.listing.domain.EnglishState;
import org.techmarket.listing.domain.EnglishTerms;
import org.techmarket.listing.domain.Increment;
import org.techmarket.listing.domain.PlaceBid;

/**
 * Placing one bid on an English auction that already holds 10, 1,000 or 100,000 bids, against the baseline of
 * appending the same bid to a list of as many bids without any rules.
 *
 * <p>Each engine invocation does what a request does: re-hydrate the auction from its stored state and place a
 * new highest proxy bid (minimum check, proxy price, tiered step, reserve, soft close, events, view). Run:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.techmarket.listing.bench.EnglishAuctionBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EnglishAuctionBenchmark {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(30));

    @Param({"10", "1000", "100000"})
    public int priorBids;

    private EnglishTerms terms;
    private EnglishState stored;
    private PlaceBid next;
    private List<PlaceBid> history;

    @Setup(Level.Trial)
    public void placePriorBids() {
        Increment tiers = Increment.tiered(List.of(
                new Increment.Tier(0, 100),
                new Increment.Tier(100_000, 1_000),
                new Increment.Tier(10_000_000, 10_000)));
        terms = new EnglishTerms(
                1_000,
                OptionalLong.of(50_000_000),
                tiers,
                START,
                END,
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                Optional.empty());
        EnglishAuction auction = EnglishAuction.open(terms);
        history = new ArrayList<>(priorBids + 1);
        Instant at = START;
        for (int i = 0; i < priorBids; i++) {
            // Bidders take turns outbidding each other with a little proxy headroom, as a busy auction would see.
            long amount = auction.minimumBid();
            PlaceBid bid = PlaceBid.upTo("bid-" + i, "bidder-" + (i % 7), amount, amount + 50, at);
            auction.placeBid(bid);
            history.add(bid);
            at = at.plusMillis(10);
        }
        stored = auction.state();
        long amount = auction.minimumBid();
        next = PlaceBid.upTo("bid-next", "bidder-new", amount, amount * 2, at);
    }

    @Benchmark
    public AuctionResult placeBidWithTheRules() {
        return EnglishAuction.rehydrate(terms, stored).placeBid(next);
    }

    @Benchmark
    public int appendBidWithoutRules() {
        history.add(next);
        int size = history.size();
        // Take it off again so every invocation appends to a list of exactly priorBids bids.
        history.remove(size - 1);
        return size;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(EnglishAuctionBenchmark.class.getName() + ".*")
                        .build())
                .run();
    }
}
