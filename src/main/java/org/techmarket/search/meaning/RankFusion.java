package org.techmarket.search.meaning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item scores the sum over the rankings that hold it of
 * {@code weight / (k + rank)}, rank counted from 1. Scores of different scales (BM25, cosine) never meet; only ranks
 * do, so no per-collection tuning is needed.
 */
public final class RankFusion {

    /** The constant the original paper found robust. */
    public static final int K = 60;

    private RankFusion() {}

    /** An item, its fused score, and in which of the rankings it appeared (by index). */
    public record Fused<T>(T item, double score, List<Integer> foundBy) {}

    /** The rankings fused, best first; {@code weights[i]} weighs ranking {@code i}. */
    public static <T> List<Fused<T>> fuse(List<List<T>> rankings, double[] weights, int k) {
        if (weights.length != rankings.size()) {
            throw new IllegalArgumentException("one weight per ranking");
        }
        Map<T, double[]> scores = new LinkedHashMap<>();
        Map<T, List<Integer>> foundBy = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<T> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                T item = ranking.get(i);
                scores.computeIfAbsent(item, x -> new double[1])[0] += weights[r] / (k + i + 1);
                foundBy.computeIfAbsent(item, x -> new ArrayList<>()).add(r);
            }
        }
        return scores.entrySet().stream()
                .map(e -> new Fused<>(e.getKey(), e.getValue()[0], List.copyOf(foundBy.get(e.getKey()))))
                .sorted(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed())
                .toList();
    }
}
