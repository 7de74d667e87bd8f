package org.techmarket.demand.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.DevelopmentCommissions;
import org.techmarket.deal.DevelopmentCommissions.Commission;
import org.techmarket.deal.DevelopmentCommissions.Instalment;
import org.techmarket.demand.ChallengeLost;
import org.techmarket.demand.ChallengeWon;
import org.techmarket.demand.DemandCodes;
import org.techmarket.demand.DemandEvents;
import org.techmarket.demand.ProposalReceived;
import org.techmarket.demand.domain.Milestone;
import org.techmarket.demand.domain.MilestonePayments;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.demand.domain.Proposal;
import org.techmarket.demand.domain.ProposalStatus;
import org.techmarket.demand.domain.Scorecard;
import org.techmarket.demand.persistence.Challenges;
import org.techmarket.demand.persistence.Challenges.Challenge;
import org.techmarket.demand.persistence.MarketUsers;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.demand.persistence.Proposals;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * A challenge's competition: verified organizations other than the poster propose (one each, at most the reward, none
 * whose people sit on the panel); each panel member scores each proposal once; the poster selects the winner before the
 * deadline, which releases the held reward to the poster and opens the winner's DEVELOPMENT deal, paid in instalments
 * that follow the milestones. Every step locks the challenge's need, so two selections or a proposal racing a selection
 * take turns: one winner, and the hold moves once.
 */
@Service
public class ChallengeAwards {

    /** What a proposal to a challenge brings. */
    public record Submission(String summary, String plan, Money price, List<String> team) {}

    private final Needs needs;
    private final Challenges challenges;
    private final Proposals proposals;
    private final MarketUsers users;
    private final Participants participants;
    private final Ledger ledger;
    private final DevelopmentCommissions commissions;
    private final NeedPosting posting;
    private final DemandJournal journal;
    private final ApplicationEventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;

    ChallengeAwards(
            Needs needs,
            Challenges challenges,
            Proposals proposals,
            MarketUsers users,
            Participants participants,
            Ledger ledger,
            DevelopmentCommissions commissions,
            NeedPosting posting,
            DemandJournal journal,
            ApplicationEventPublisher events,
            IdGenerator ids,
            Clock clock) {
        this.needs = needs;
        this.challenges = challenges;
        this.proposals = proposals;
        this.users = users;
        this.participants = participants;
        this.ledger = ledger;
        this.commissions = commissions;
        this.posting = posting;
        this.journal = journal;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Proposal propose(Actor actor, String challengeId, Submission submission) {
        OrganizationSummary proposer = participants.permitted(actor, MarketAction.PROPOSE_CONTRACT);
        Instant now = clock.instant();
        Need need = openChallenge(challengeId, now);
        if (need.organizationId().equals(proposer.id())) {
            throw Rejection.conflict(DemandCodes.POSTER_CANNOT_PROPOSE, "The poster does not answer its own challenge");
        }
        Challenge challenge = challenges.find(challengeId).orElseThrow();
        if (users.organizations(challenge.terms().panel()).containsValue(proposer.id())) {
            throw Rejection.conflict(
                    DemandCodes.PANEL_MEMBER_OF_PROPOSER,
                    "A member of your organization sits on this challenge's panel; it may not propose");
        }
        Proposal proposal = new Proposal(
                ids.newId(),
                challengeId,
                proposer.id(),
                submission.summary(),
                submission.plan(),
                submission.price(),
                submission.team(),
                ProposalStatus.SUBMITTED,
                now);
        proposal.requireWithin(challenge.terms());
        if (!proposals.add(proposal)) {
            throw Rejection.conflict(
                    DemandCodes.PROPOSAL_ALREADY_SUBMITTED, "Your organization has already proposed to this challenge");
        }
        journal.proposal(
                actor,
                DemandEvents.ProposalSubmitted,
                proposal.id(),
                Map.of(
                        "challengeId",
                        challengeId,
                        "organizationId",
                        proposer.id(),
                        "price",
                        proposal.price().minor()));
        events.publishEvent(
                new ProposalReceived(challengeId, need.details().title(), proposal.id(), need.organizationId()));
        return proposal;
    }

    /** A panel member scores a proposal, once; 404 for anyone else (the proposal is confidential). */
    @Transactional
    public Scorecard score(Actor actor, String proposalId, List<Scorecard.Score> scores) {
        Proposal proposal = proposals.find(proposalId).orElseThrow(() -> Rejection.notFound("Proposal", proposalId));
        Need need = needs.lock(proposal.challengeId()).orElseThrow();
        Challenge challenge = challenges.find(need.id()).orElseThrow();
        if (!challenge.terms().panel().contains(actor.userId())) {
            if (actor.belongsTo(need.organizationId()) || actor.belongsTo(proposal.organizationId())) {
                throw Rejection.conflict(DemandCodes.NOT_ON_PANEL, "Only the challenge's panel scores proposals");
            }
            throw Rejection.notFound("Proposal", proposalId).hidingExisting();
        }
        if (!need.isOpenAt(clock.instant()) || challenge.winnerProposalId().isPresent()) {
            throw Rejection.conflict(DemandCodes.NEED_NOT_PUBLISHED, "The challenge no longer takes scores");
        }
        Scorecard card = Scorecard.of(challenge.terms().criteria(), scores);
        if (!proposals.score(proposalId, actor.userId(), card, clock.instant())) {
            throw Rejection.conflict(DemandCodes.ALREADY_SCORED, "You have already scored this proposal");
        }
        journal.proposal(
                actor,
                DemandEvents.ProposalScored,
                proposalId,
                Map.of(
                        "userId",
                        actor.userId(),
                        "total",
                        card.total(challenge.terms().criteria())));
        return card;
    }

    /**
     * The poster selects the winning proposal: the winner's DEVELOPMENT deal opens in SIGNING with the milestones as
     * its instalments and the reward's hold as its reserve (the deal's escrow is funded and each milestone paid from
     * it; the part of the reward above the winning price goes back to the poster now), the challenge is FULFILLED, and
     * every proposer hears whether it won. Returns the deal's id.
     */
    @Transactional
    public String select(Actor actor, String challengeId, String proposalId) {
        Need locked = posting.posterLocks(actor, challengeId);
        Challenge challenge = challenges
                .find(challengeId)
                .orElseThrow(() -> Rejection.conflict(DemandCodes.NOT_A_CHALLENGE, "Only a challenge has a winner"));
        if (challenge.winnerProposalId().isPresent()) {
            throw Rejection.conflict(DemandCodes.WINNER_ALREADY_SELECTED, "The challenge's winner is already selected");
        }
        Instant now = clock.instant();
        if (!locked.isOpenAt(now)) {
            throw Rejection.conflict(DemandCodes.NEED_NOT_PUBLISHED, "The challenge is not open for selection");
        }
        Proposal winner = proposals
                .find(proposalId)
                .filter(p -> p.challengeId().equals(challengeId))
                .orElseThrow(() -> Rejection.notFound("Proposal", proposalId));
        challenge.holdId().ifPresent(hold -> returnWhatTheWinnerDidNotAsk(actor, hold, winner.price()));
        String dealId = commissions.commission(actor, commission(locked, challenge, winner));
        Need fulfilled = locked.fulfil(now);
        needs.updateStatus(fulfilled);
        proposals.decide(challengeId, proposalId);
        challenges.award(challengeId, proposalId, dealId);
        journal.need(
                actor,
                DemandEvents.WinnerSelected,
                challengeId,
                Map.of("proposalId", proposalId, "winnerId", winner.organizationId(), "dealId", dealId));
        String title = locked.details().title();
        for (Proposal proposal : proposals.of(challengeId)) {
            events.publishEvent(
                    proposal.id().equals(proposalId)
                            ? new ChallengeWon(challengeId, title, proposalId, winner.organizationId(), dealId)
                            : new ChallengeLost(challengeId, title, proposal.id(), proposal.organizationId()));
        }
        return dealId;
    }

    private Need openChallenge(String challengeId, Instant now) {
        Need need = needs.lock(challengeId).orElseThrow(() -> Rejection.notFound("Challenge", challengeId));
        if (need.status() == NeedStatus.DRAFT) {
            throw Rejection.notFound("Challenge", challengeId).hidingExisting();
        }
        if (!need.isChallenge()) {
            throw Rejection.conflict(DemandCodes.NOT_A_CHALLENGE, "Need " + challengeId + " is not a challenge");
        }
        if (!need.isOpenAt(now)) {
            throw Rejection.conflict(DemandCodes.NEED_NOT_PUBLISHED, "The challenge does not take proposals now");
        }
        return need;
    }

    /** The reward's hold keeps the winning price for the deal; the rest goes back to the poster's available funds. */
    private void returnWhatTheWinnerDidNotAsk(Actor actor, String holdId, Money price) {
        Hold hold = ledger.findHold(holdId).orElseThrow();
        long excess = hold.remaining().minor() - price.minor();
        if (excess > 0) {
            ledger.capture(actor, holdId, Money.of(excess, price.currency()), hold.availableAccount());
        }
    }

    private static Commission commission(Need need, Challenge challenge, Proposal winner) {
        List<Milestone> milestones = challenge.terms().milestones();
        List<Long> amounts = MilestonePayments.split(
                winner.price().minor(),
                milestones.stream().map(m -> m.amount().minor()).toList());
        List<Instalment> instalments = new ArrayList<>();
        StringBuilder work = new StringBuilder(need.details().title()).append(": ");
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = milestones.get(i);
            instalments.add(
                    new Instalment(Money.of(amounts.get(i), winner.price().currency()), milestone.dueDate()));
            work.append(i == 0 ? "" : "; ")
                    .append(i + 1)
                    .append(". ")
                    .append(milestone.title())
                    .append(" (")
                    .append(milestone.deliverable())
                    .append(')');
        }
        return new Commission(
                "challenge:" + need.id(),
                winner.organizationId(),
                need.organizationId(),
                winner.price(),
                instalments,
                work.toString(),
                challenge.holdId());
    }
}
