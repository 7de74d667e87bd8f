package org.techmarket.demand.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.demand.DemandCodes;
import org.techmarket.shared.Rejection;

/**
 * One panel member's scores of one proposal: a score of 0 to 100 for every criterion of the challenge, each once.
 * Its total is the weighted sum in hundredths of a point (0 to 10000), so that averages stay exact enough to rank.
 */
public record Scorecard(Map<String, Integer> scores) {

    /** One score as the panel member gives it. */
    public record Score(String criterion, Integer score) {}

    public Scorecard {
        scores = Map.copyOf(scores);
    }

    /** The scorecard for these criteria, or the refusal naming what is wrong. */
    public static Scorecard of(List<Criterion> criteria, List<Score> given) {
        Fields.list(given, "scores", 1, criteria.size());
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Score score = given.get(i);
            String field = "scores[" + i + "]";
            if (score.criterion() == null
                    || criteria.stream().noneMatch(c -> c.name().equals(score.criterion()))
                    || scores.containsKey(score.criterion())) {
                throw Rejection.invalid(
                        DemandCodes.UNKNOWN_CRITERION,
                        field + ".criterion",
                        "each of the challenge's criteria is scored once; '" + score.criterion() + "' is not one");
            }
            if (score.score() == null || score.score() < 0 || score.score() > 100) {
                throw Rejection.invalid(DemandCodes.INVALID_SCORE, field + ".score", "a score is 0 to 100");
            }
            scores.put(score.criterion(), score.score());
        }
        if (scores.size() != criteria.size()) {
            throw Rejection.invalid(
                    DemandCodes.UNKNOWN_CRITERION, "scores", "every criterion of the challenge is scored at once");
        }
        return new Scorecard(scores);
    }

    /** The weighted total in hundredths of a point. */
    public int total(List<Criterion> criteria) {
        return criteria.stream()
                .mapToInt(c -> c.weight() * scores.getOrDefault(c.name(), 0))
                .sum();
    }
}
