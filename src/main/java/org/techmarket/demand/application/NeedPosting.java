package org.techmarket.demand.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.demand.DemandCodes;
import org.techmarket.demand.DemandEvents;
import org.techmarket.demand.domain.ChallengeTerms;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedDetails;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.persistence.Challenges;
import org.techmarket.demand.persistence.Challenges.Challenge;
import org.techmarket.demand.persistence.MarketUsers;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.reference.Regions;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A verified organization posts a need or challenge as a draft, publishes it (a challenge's reward is then held on the
 * poster's account), and closes it or says a plain need is met; the deadline expires what is still published. Every
 * step locks the need, is audited in its transaction, and a step that ends a challenge without a winner releases the
 * reward's hold.
 */
@Service
public class NeedPosting {

    /** The ledger purpose of a challenge's held reward. */
    static final String REWARD = "CHALLENGE_REWARD";

    private final Needs needs;
    private final Challenges challenges;
    private final MarketUsers users;
    private final Participants participants;
    private final Ledger ledger;
    private final Regions regions;
    private final DateRules dates;
    private final DemandJournal journal;
    private final IdGenerator ids;
    private final Clock clock;

    NeedPosting(
            Needs needs,
            Challenges challenges,
            MarketUsers users,
            Participants participants,
            Ledger ledger,
            Regions regions,
            DateRules dates,
            DemandJournal journal,
            IdGenerator ids,
            Clock clock) {
        this.needs = needs;
        this.challenges = challenges;
        this.users = users;
        this.participants = participants;
        this.ledger = ledger;
        this.regions = regions;
        this.dates = dates;
        this.journal = journal;
        this.ids = ids;
        this.clock = clock;
    }

    /** Drafts a need, or a challenge when {@code terms} are given. */
    @Transactional
    public Need post(Actor actor, NeedDetails details, Optional<ChallengeTerms> terms) {
        OrganizationSummary poster = participants.permittedOnNeed(actor, MarketAction.POST_NEED, Optional.empty());
        if (regions.find(details.region()).isEmpty()) {
            throw Rejection.invalid(
                    DemandCodes.UNKNOWN_REGION, "region", details.region() + " is not a GB/T 2260 code");
        }
        Instant now = clock.instant();
        if (!details.deadline().isAfter(now)) {
            throw Rejection.invalid(SharedCodes.DATE_IN_PAST, "deadline", "the deadline has passed");
        }
        dates.requireWithinHorizon(details.deadline(), "deadline");
        terms.ifPresent(t -> requireChallengeTerms(details, t));
        Need need = Need.draft(
                ids.newId(), terms.isPresent() ? NeedKind.CHALLENGE : NeedKind.NEED, poster.id(), details, now);
        needs.add(need);
        terms.ifPresent(t -> challenges.add(need.id(), t));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", need.kind().name());
        payload.put("title", details.title());
        payload.put("organizationId", poster.id());
        terms.ifPresent(t -> payload.put("reward", t.reward().minor()));
        journal.need(actor, DemandEvents.NeedDrafted, need.id(), payload);
        return need;
    }

    /** Publishes the draft; a challenge's reward is held on the poster's account (409 INSUFFICIENT_FUNDS without it). */
    @Transactional
    public Need publish(Actor actor, String id) {
        Need need = posterLocks(actor, id).publish(clock.instant());
        Optional<String> holdId = Optional.empty();
        if (need.isChallenge()) {
            Challenge challenge = challenges.find(id).orElseThrow();
            Hold hold = ledger.hold(
                    actor,
                    new HoldRequest(
                            need.organizationId(),
                            challenge.terms().reward(),
                            REWARD,
                            "challenge:" + id,
                            Optional.empty()));
            challenges.holdReward(id, hold.id());
            holdId = Optional.of(hold.id());
        }
        needs.updateStatus(need);
        journal.need(
                actor,
                DemandEvents.NeedPublished,
                id,
                holdId.<Map<String, ?>>map(h -> Map.of("holdId", h)).orElse(Map.of()));
        return need;
    }

    /** The poster closes its draft or published need; a challenge's held reward goes back. */
    @Transactional
    public Need close(Actor actor, String id) {
        Need need = posterLocks(actor, id).close(clock.instant());
        releaseReward(actor, need);
        needs.updateStatus(need);
        journal.need(actor, DemandEvents.NeedClosed, id, Map.of());
        return need;
    }

    /** The poster says its plain need is met; a challenge is fulfilled by selecting its winner (409). */
    @Transactional
    public Need fulfil(Actor actor, String id) {
        Need locked = posterLocks(actor, id);
        if (locked.isChallenge()) {
            throw Rejection.conflict(
                    DemandCodes.FULFILLED_BY_SELECTION, "A challenge is fulfilled by selecting its winning proposal");
        }
        Need need = locked.fulfil(clock.instant());
        needs.updateStatus(need);
        journal.need(actor, DemandEvents.NeedFulfilled, id, Map.of());
        return need;
    }

    /** Expires the need if it is still published past its deadline and no other node holds it; true when it did. */
    @Transactional
    public boolean expireIfDue(String id, Instant asOf) {
        Optional<Need> due = needs.claimForExpiry(id, asOf);
        if (due.isEmpty()) {
            return false;
        }
        Need need = due.get().expire(asOf);
        releaseReward(Actor.SYSTEM, need);
        needs.updateStatus(need);
        journal.need(Actor.SYSTEM, DemandEvents.NeedExpired, id, Map.of());
        return true;
    }

    /** The need, locked, when the actor acts for its poster with a status that may post; else 404 or 403. */
    Need posterLocks(Actor actor, String id) {
        Need need = needs.lock(id).orElseThrow(() -> Rejection.notFound("Need", id));
        if (!actor.belongsTo(need.organizationId())) {
            throw Rejection.notFound("Need", id).hidingExisting();
        }
        participants.permittedOnNeed(actor, MarketAction.POST_NEED, Optional.of(id));
        return need;
    }

    /** Gives a challenge's held reward back when it ends without a winner; a plain need holds nothing. */
    private void releaseReward(Actor actor, Need need) {
        if (need.isChallenge()) {
            challenges.find(need.id()).flatMap(Challenge::holdId).ifPresent(hold -> ledger.release(actor, hold));
        }
    }

    private void requireChallengeTerms(NeedDetails details, ChallengeTerms terms) {
        terms.reward().requireSameCurrency(details.budget().max());
        for (int i = 0; i < terms.milestones().size(); i++) {
            dates.requireComing(terms.milestones().get(i).dueDate(), "milestones[" + i + "].dueDate");
        }
        Map<String, String> known = users.organizations(terms.panel());
        for (int i = 0; i < terms.panel().size(); i++) {
            if (!known.containsKey(terms.panel().get(i))) {
                throw Rejection.invalid(
                        DemandCodes.UNKNOWN_PANEL_MEMBER, "panel[" + i + "]", "panel members are users of the market");
            }
        }
    }
}
