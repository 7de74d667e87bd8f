package org.techmarket.venue.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.techmarket.deal.domain.FeeShare;
import org.techmarket.deal.domain.Settlement;
import org.techmarket.shared.Money;
import org.techmarket.venue.domain.FeeSchedule;

/**
 * Fees worked out per second by a venue's schedule (the most particular rate among mechanism × contract type, the
 * bounds, and the introducer's share) against the flat configured rate measured in the same run, on the same
 * generated payouts. Both also check that seller, listing venue and introducer sum to the payout, to the fen. A third
 * run shares each deal's bounded fee over three instalments and checks the shares sum to the deal's fee. Run it
 * with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.venue.bench.FeeScheduleBenchmark [seconds]
 * </pre>
 */
public final class FeeScheduleBenchmark {

    private static final String[] MECHANISMS = {"ENGLISH", "DUTCH", "FIXED_PRICE", "NEGOTIATION", "SEALED_FIRST_PRICE"};
    private static final String[] CONTRACTS = {"TRANSFER", "LICENSING", "SERVICE"};

    private FeeScheduleBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        FeeSchedule schedule = FeeSchedule.propose(
                1,
                150,
                List.of(
                        new FeeSchedule.Rate("ENGLISH", "TRANSFER", 250),
                        new FeeSchedule.Rate("ENGLISH", "*", 220),
                        new FeeSchedule.Rate("*", "LICENSING", 120),
                        new FeeSchedule.Rate("FIXED_PRICE", "SERVICE", 80)),
                Money.cny(10_000),
                Money.cny(50_000_000),
                3000);
        Settlement flat = new Settlement(100);
        long[] amounts =
                new SplittableRandom(7).longs(1 << 16, 1, 10_000_000_000L).toArray();
        run("warm-up flat", seconds / 2, i -> flatFee(flat, amounts[i & 0xFFFF]));
        run("warm-up schedule", seconds / 2, i -> scheduledFee(schedule, amounts[i & 0xFFFF], i));
        double baseline = run("baseline: flat rate, no share", seconds, i -> flatFee(flat, amounts[i & 0xFFFF]));
        double scheduled = run(
                "venue schedule, bounds and introducer share",
                seconds,
                i -> scheduledFee(schedule, amounts[i & 0xFFFF], i));
        System.out.printf("ratio schedule / flat = %.3f%n", scheduled / baseline);
        run("warm-up instalments", seconds / 2, i -> feeOverInstalments(schedule, amounts[i & 0xFFFF], i));
        double instalments = run(
                "the same fee shared over three instalments (1 = a deal)",
                seconds,
                i -> feeOverInstalments(schedule, amounts[i & 0xFFFF], i));
        System.out.printf("ratio instalment deals / flat payouts = %.3f%n", instalments / baseline);
    }

    private interface Step {
        long apply(int i);
    }

    private static double run(String name, double seconds, Step step) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long done = 0;
        long sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1024; i++) {
                sink += step.apply((int) done + i);
            }
            done += 1024;
        }
        double perSecond = done / ((System.nanoTime() - start) / 1e9);
        if (!name.startsWith("warm-up")) {
            System.out.printf("%-45s %,.0f payouts/s (checksum %d)%n", name, perSecond, sink & 0xFF);
        }
        return perSecond;
    }

    private static long flatFee(Settlement flat, long amount) {
        var payout = flat.release(amount);
        if (payout.total() != amount) {
            throw new IllegalStateException("a fen was lost");
        }
        return payout.toFees();
    }

    // a deal paid in three instalments: each payout's share of the deal's fee, checked to sum to it to the fen
    private static long feeOverInstalments(FeeSchedule schedule, long amount, int i) {
        int rate = schedule.basisPointsFor(MECHANISMS[i % MECHANISMS.length], CONTRACTS[i % CONTRACTS.length]);
        Settlement settlement = new Settlement(
                rate, schedule.minimum().minor(), schedule.maximum().minor());
        long first = amount / 3;
        long[] parts = {first, first, amount - 2 * first};
        long paid = 0;
        long fees = 0;
        for (long part : parts) {
            fees += settlement.partOf(amount, paid).release(part).toFees();
            paid += part;
        }
        if (fees != settlement.fee(amount)) {
            throw new IllegalStateException("the instalments' fees do not sum to the deal's fee");
        }
        return fees;
    }

    private static long scheduledFee(FeeSchedule schedule, long amount, int i) {
        int rate = schedule.basisPointsFor(MECHANISMS[i % MECHANISMS.length], CONTRACTS[i % CONTRACTS.length]);
        Settlement settlement = new Settlement(
                rate, schedule.minimum().minor(), schedule.maximum().minor());
        var payout = settlement.release(amount);
        FeeShare share = FeeShare.of(payout.toFees(), schedule.introducerShareBasisPoints());
        if (payout.toSeller() + share.toListingVenue() + share.toIntroducer() != amount) {
            throw new IllegalStateException("a fen was lost");
        }
        return share.toIntroducer();
    }
}
