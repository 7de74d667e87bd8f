package org.techmarket.demand.domain;

import java.time.Instant;
import java.util.List;
import org.techmarket.demand.DemandCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * A verified organization's answer to a challenge: what it proposes, its plan, its price (at most the reward, and at
 * least one minor unit per milestone, so that every milestone pays something) and its team.
 */
public record Proposal(
        String id,
        String challengeId,
        String organizationId,
        String summary,
        String plan,
        Money price,
        List<String> team,
        ProposalStatus status,
        Instant createdAt) {

    public Proposal {
        summary = Fields.text(summary, "summary", NeedDetails.MAX_DESCRIPTION);
        plan = Fields.text(plan, "plan", NeedDetails.MAX_DESCRIPTION);
        Fields.present(price, "price").requirePositive("price");
        team = Fields.list(team, "team", 1, 50).stream()
                .map(member -> Fields.name(member, "team", NeedDetails.MAX_TITLE))
                .toList();
    }

    /** Refuses a price above the reward or below one minor unit per milestone (400 PRICE_ABOVE_REWARD). */
    public void requireWithin(ChallengeTerms terms) {
        terms.reward().requireSameCurrency(price);
        if (price.minor() > terms.reward().minor()
                || price.minor() < terms.milestones().size()) {
            throw Rejection.invalid(
                    DemandCodes.PRICE_ABOVE_REWARD,
                    "price",
                    "the price must be at most the reward " + terms.reward().grouped()
                            + " and at least one minor unit per milestone");
        }
    }
}
