package org.techmarket.demand.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.demand.DemandCodes;
import org.techmarket.demand.application.ChallengeAwards.Submission;
import org.techmarket.demand.application.NeedReading.NeedRead;
import org.techmarket.demand.application.NeedReading.ProposalRead;
import org.techmarket.demand.domain.Budget;
import org.techmarket.demand.domain.ChallengeTerms;
import org.techmarket.demand.domain.Criterion;
import org.techmarket.demand.domain.Milestone;
import org.techmarket.demand.domain.NeedDetails;
import org.techmarket.demand.domain.Scorecard;
import org.techmarket.demand.domain.Visibility;
import org.techmarket.demand.persistence.Challenges.Challenge;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** The JSON of needs, challenges, proposals and scores. */
final class NeedJson {

    private NeedJson() {}

    record BudgetJson(Money min, Money max) {}

    record MilestoneJson(String title, String deliverable, Money amount, LocalDate dueDate) {}

    record CriterionJson(String name, Integer weight) {}

    /** A need as posted; a challenge adds reward, milestones, eligibility, criteria and panel. */
    record NeedRequest(
            String title,
            String description,
            List<String> industries,
            List<String> ipc,
            String region,
            BudgetJson budget,
            Instant deadline,
            String visibility,
            Money reward,
            List<MilestoneJson> milestones,
            String eligibility,
            List<CriterionJson> criteria,
            List<String> panel) {

        NeedDetails details() {
            if (budget == null) {
                throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "budget", "budget {min, max} is required");
            }
            return new NeedDetails(
                    title,
                    description,
                    industries,
                    ipc,
                    region,
                    new Budget(budget.min(), budget.max()),
                    deadline,
                    visibility(visibility));
        }

        ChallengeTerms terms() {
            if (milestones == null || criteria == null) {
                throw Rejection.invalid(
                        SharedCodes.VALIDATION_FAILED, "milestones", "a challenge has milestones and criteria");
            }
            return new ChallengeTerms(
                    reward,
                    milestones.stream()
                            .map(m -> m == null
                                    ? null
                                    : new Milestone(m.title(), m.deliverable(), m.amount(), m.dueDate()))
                            .toList(),
                    eligibility,
                    criteria.stream()
                            .map(c -> c == null ? null : new Criterion(c.name(), c.weight() == null ? 0 : c.weight()))
                            .toList(),
                    panel);
        }

        private static Visibility visibility(String value) {
            try {
                return value == null ? null : Visibility.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw Rejection.invalid(
                        DemandCodes.INVALID_VISIBILITY, "visibility", "visibility is PUBLIC or VERIFIED_ONLY");
            }
        }
    }

    record ProposalRequest(String summary, String plan, Money price, List<String> team) {
        Submission submission() {
            return new Submission(summary, plan, price, team);
        }
    }

    record ScoresRequest(List<Scorecard.Score> scores) {}

    record SelectionRequest(String proposalId) {}

    record BudgetView(Money min, Money max) {}

    record ChallengeView(
            Money reward,
            List<Milestone> milestones,
            String eligibility,
            List<Criterion> criteria,
            List<String> panel,
            String winnerProposalId,
            String dealId) {

        /** The panel's names are shown to the poster alone, so that no proposer lobbies it. */
        static ChallengeView of(Challenge c, boolean poster) {
            return new ChallengeView(
                    c.terms().reward(),
                    c.terms().milestones(),
                    c.terms().eligibility(),
                    c.terms().criteria(),
                    poster ? c.terms().panel() : null,
                    c.winnerProposalId().orElse(null),
                    c.dealId().orElse(null));
        }
    }

    record NeedView(
            String id,
            String kind,
            String organizationId,
            String title,
            String description,
            List<String> industries,
            List<String> ipc,
            String region,
            BudgetView budget,
            Instant deadline,
            String visibility,
            String status,
            Instant createdAt,
            Instant updatedAt,
            ChallengeView challenge) {

        static NeedView of(NeedRead read) {
            var n = read.need();
            var d = n.details();
            return new NeedView(
                    n.id(),
                    n.kind().name(),
                    n.organizationId(),
                    d.title(),
                    d.description(),
                    d.industries(),
                    d.ipc(),
                    d.region(),
                    new BudgetView(d.budget().min(), d.budget().max()),
                    d.deadline(),
                    d.visibility().name(),
                    n.status().name(),
                    n.createdAt(),
                    n.updatedAt(),
                    read.challenge().map(c -> ChallengeView.of(c, read.mine())).orElse(null));
        }
    }

    /** A proposal; {@code scores} (user id → criterion → score) and {@code meanScore} only for the poster and panel. */
    record ProposalView(
            String id,
            String challengeId,
            String organizationId,
            String summary,
            String plan,
            Money price,
            List<String> team,
            String status,
            Instant createdAt,
            Map<String, Map<String, Integer>> scores,
            String meanScore) {

        static ProposalView of(ProposalRead read) {
            var p = read.proposal();
            Optional<Map<String, Map<String, Integer>>> cards = read.scores()
                    .map(s -> s.cards().entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey, e -> e.getValue().scores())));
            return new ProposalView(
                    p.id(),
                    p.challengeId(),
                    p.organizationId(),
                    p.summary(),
                    p.plan(),
                    p.price(),
                    p.team(),
                    p.status().name(),
                    p.createdAt(),
                    cards.orElse(null),
                    read.scores()
                            .flatMap(s -> s.meanTotal())
                            .map(t -> java.math.BigDecimal.valueOf(t, 2).toPlainString())
                            .orElse(null));
        }
    }

    record SelectionView(String challengeId, String proposalId, String dealId) {}
}
