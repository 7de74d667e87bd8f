package org.techmarket.demand.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.techmarket.demand.DemandCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * What a challenge adds to a need: the reward the poster holds while it runs; milestones on ascending due dates whose
 * amounts sum to at most the reward; who may take part; criteria whose weights sum to 100; and the panel of users who
 * score the proposals (their organizations may not propose, which the application checks).
 */
public record ChallengeTerms(
        Money reward, List<Milestone> milestones, String eligibility, List<Criterion> criteria, List<String> panel) {

    private static final int MAX_ENTRIES = 20;

    public ChallengeTerms {
        Fields.present(reward, "reward").requirePositive("reward");
        milestones = Fields.list(milestones, "milestones", 1, MAX_ENTRIES);
        eligibility = Fields.text(eligibility, "eligibility", NeedDetails.MAX_DESCRIPTION);
        criteria = Fields.list(criteria, "criteria", 1, MAX_ENTRIES);
        panel = Fields.list(panel, "panel", 1, MAX_ENTRIES).stream().distinct().toList();
        requireMilestonesWithin(reward, milestones);
        requireWholeWeights(criteria);
    }

    /** The criterion of this name, if the challenge has one. */
    public boolean hasCriterion(String name) {
        return criteria.stream().anyMatch(c -> c.name().equals(name));
    }

    public long milestonesTotal() {
        return milestones.stream().mapToLong(m -> m.amount().minor()).sum();
    }

    private static void requireMilestonesWithin(Money reward, List<Milestone> milestones) {
        long total = 0;
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = milestones.get(i);
            reward.requireSameCurrency(milestone.amount());
            total += milestone.amount().minor();
            if (total > reward.minor()) {
                throw Rejection.invalid(
                        DemandCodes.MILESTONES_EXCEED_REWARD,
                        "milestones",
                        "the milestones' amounts sum to more than the reward " + reward.grouped());
            }
            if (i > 0 && !milestone.dueDate().isAfter(milestones.get(i - 1).dueDate())) {
                throw Rejection.invalid(
                        DemandCodes.MILESTONES_OUT_OF_ORDER,
                        "milestones[" + i + "].dueDate",
                        "milestones fall due on ascending dates");
            }
        }
    }

    private static void requireWholeWeights(List<Criterion> criteria) {
        Set<String> names = new HashSet<>();
        int sum = 0;
        for (Criterion criterion : criteria) {
            if (!names.add(criterion.name())) {
                throw Rejection.invalid(
                        DemandCodes.CRITERIA_WEIGHTS_NOT_100,
                        "criteria",
                        "criterion '" + criterion.name() + "' is named twice");
            }
            sum += criterion.weight();
        }
        if (sum != 100) {
            throw Rejection.invalid(
                    DemandCodes.CRITERIA_WEIGHTS_NOT_100,
                    "criteria",
                    "the criteria's weights sum to " + sum + ", not 100");
        }
    }
}
