package org.techmarket.surveillance.domain;

import java.util.List;

/**
 * What one detector found once: its kind, a key naming the finding (the same finding found again has the same key),
 * a score in [0, 1], the organizations concerned, the evidence it used ({@code bid:…}, {@code deal:…},
 * {@code listing:…}) and the rule's figures in words.
 */
public record Finding(
        AlertKind kind, String key, double score, List<String> parties, List<String> evidence, String rule) {

    public Finding {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a score lies in [0, 1]: " + score);
        }
        parties = List.copyOf(parties);
        evidence = List.copyOf(evidence);
    }

    /** A score rounded to three places, as alerts show it. */
    static double round(double score) {
        return Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
    }
}
