package org.techmarket.demand.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.techmarket.demand.domain.Budget;
import org.techmarket.demand.domain.Matching;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;

/**
 * What scoring a need's candidates costs in memory, the part of {@code GET /needs/{id}/matches} after its one read of
 * candidates, against a baseline measured in the same run: the same candidates only tested for a shared industry or IPC
 * subclass (what the candidate read already decided). Candidates are synthetic assets with one to three IPC codes, one
 * or two industries and a 60-word bilingual abstract. Run it with:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.demand.bench.MatchingBenchmark [candidates] [rounds]
 * </pre>
 *
 * Defaults: 1,000 candidates (the read's cap), 300 rounds after 50 of warm-up.
 */
public final class MatchingBenchmark {

    private static final String[] WORDS = ("solid state electrolyte sulfide lithium anode cathode coating film sensor"
                    + " robot tactile array neural network accelerator quantum key distribution photon laser wafer"
                    + " 固态 电解质 传感器 机器人 芯片 量子 激光 储能 电池 材料")
            .split(" ");
    private static final String[] SUBCLASSES = {"H01M", "B25J", "G06N", "H04L", "H01L", "G01L", "C01B", "H02J"};

    private MatchingBenchmark() {}

    public static void main(String[] args) {
        int candidates = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Random random = new Random(12);
        Matching.Wanted need = new Matching.Wanted(
                List.of("H01M 10/0562", "C01B 25/14"),
                List.of("NEW_ENERGY_STORAGE", "ADVANCED_MATERIALS"),
                "Sulfide solid-state electrolyte for lithium batteries, pilot process 硫化物固态电解质中试工艺",
                "340100",
                new Budget(Money.cny(0), Money.cny(800_000_00)));
        List<Matching.Offered> offered = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            offered.add(asset(random));
        }
        long[] scoring = new long[rounds];
        long[] baseline = new long[rounds];
        int matched = 0;
        int filteredCount = 0;
        for (int round = -50; round < rounds; round++) {
            long start = System.nanoTime();
            int hits = 0;
            Matching.Scorer scorer = Matching.scorer(need);
            for (Matching.Offered asset : offered) {
                if (scorer.score(asset).matches()) {
                    hits++;
                }
            }
            long scored = System.nanoTime() - start;
            start = System.nanoTime();
            int related = 0;
            for (Matching.Offered asset : offered) {
                if (asset.industries().stream().anyMatch(need.industries()::contains)
                        || asset.ipc().stream().anyMatch(c -> c.startsWith("H01M") || c.startsWith("C01B"))) {
                    related++;
                }
            }
            long filtered = System.nanoTime() - start;
            if (round >= 0) {
                scoring[round] = scored;
                baseline[round] = filtered;
                matched = hits;
                filteredCount = related;
            }
        }
        Arrays.sort(scoring);
        Arrays.sort(baseline);
        System.out.printf(
                "%,d candidates, %,d related by industry or subclass, %,d matched, %d rounds%n",
                candidates, filteredCount, matched, rounds);
        System.out.printf(
                "scoring with reasons: p50 %.3f ms, p99 %.3f ms per need (%,.0f candidates/s)%n",
                ms(scoring, 0.5), ms(scoring, 0.99), candidates / (ms(scoring, 0.5) / 1000));
        System.out.printf(
                "baseline overlap test: p50 %.3f ms, p99 %.3f ms per need%n", ms(baseline, 0.5), ms(baseline, 0.99));
        System.out.printf("ratio scoring / baseline at p50: %.1f%n", ms(scoring, 0.5) / ms(baseline, 0.5));
    }

    private static Matching.Offered asset(Random random) {
        List<String> ipc = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            ipc.add(SUBCLASSES[random.nextInt(SUBCLASSES.length)] + " " + (1 + random.nextInt(30)) + "/"
                    + String.format("%02d", random.nextInt(100)));
        }
        FutureIndustry[] industries = FutureIndustry.values();
        List<String> tags = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            tags.add(industries[random.nextInt(industries.length)].name());
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return new Matching.Offered(
                ipc,
                tags.stream().distinct().toList(),
                text.toString(),
                random.nextBoolean() ? "340100" : "110000",
                Optional.of(1 + random.nextInt(9)),
                random.nextBoolean() ? Optional.of(random.nextLong(2_000_000_00L)) : Optional.empty());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
