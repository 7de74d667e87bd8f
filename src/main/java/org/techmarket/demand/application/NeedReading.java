package org.techmarket.demand.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.demand.domain.Criterion;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.demand.domain.Proposal;
import org.techmarket.demand.domain.Scorecard;
import org.techmarket.demand.domain.Visibility;
import org.techmarket.demand.persistence.Challenges;
import org.techmarket.demand.persistence.Challenges.Challenge;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.demand.persistence.Proposals;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * Reads needs and challenges as the reader may see them: VERIFIED_ONLY needs only by verified organizations, drafts
 * only by their poster; and proposals, which are confidential: the poster and the panel see them all with their
 * scores, a proposer its own. A page costs the same few statements whatever its length.
 */
@Service
@Transactional(readOnly = true)
public class NeedReading {

    /** A need and, for a challenge, its terms and where its award stands; {@code mine} when the reader posted it. */
    public record NeedRead(Need need, Optional<Challenge> challenge, boolean mine) {}

    /** A proposal and the panel's scores of it, when the reader may see them (else empty). */
    public record ProposalRead(Proposal proposal, Optional<Scores> scores) {}

    /** The panel's scorecards of a proposal (user id → card) and their mean weighted total in hundredths of a point. */
    public record Scores(Map<String, Scorecard> cards, Optional<Long> meanTotal) {}

    private final Needs needs;
    private final Challenges challenges;
    private final Proposals proposals;
    private final Readers readers;
    private final ReadsTogether together;

    NeedReading(Needs needs, Challenges challenges, Proposals proposals, Readers readers, ReadsTogether together) {
        this.together = together;
        this.needs = needs;
        this.challenges = challenges;
        this.proposals = proposals;
        this.readers = readers;
    }

    /**
     * The need, with its challenge's terms when it is one. The reader's organization, the need and the terms are read
     * in one round trip (ADR 0117), which is its own transaction when the caller has none; the terms of a need the
     * reader may not see are read and dropped unshown.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public NeedRead get(Actor actor, String id) {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<Needs.Reader> reading = readers.of(actor, batch);
        ReadsTogether.Later<Optional<Need>> found = needs.find(id, batch);
        ReadsTogether.Later<List<Challenge>> terms = challenges.all(List.of(id), batch);
        batch.send();
        Needs.Reader reader = reading.get();
        Need need = found.get().filter(n -> visible(reader, n)).orElseThrow(() -> Rejection.notFound("Need", id));
        return new NeedRead(
                need, need.isChallenge() ? terms.get().stream().findFirst() : Optional.empty(), mine(reader, need));
    }

    public Page<NeedRead> page(Actor actor, Needs.Filter filter, String cursor, Integer limit) {
        Needs.Reader reader = readers.of(actor);
        int size = Cursor.limit(limit);
        Page<Need> page = Page.of(needs.page(reader, filter, Cursor.decode(cursor), size), size, Need::id);
        List<String> challengeIds =
                page.items().stream().filter(Need::isChallenge).map(Need::id).toList();
        Map<String, Challenge> terms = challengeIds.isEmpty()
                ? Map.of()
                : challenges.all(challengeIds).stream()
                        .collect(Collectors.toMap(Challenge::needId, Function.identity()));
        return page.map(n -> new NeedRead(n, Optional.ofNullable(terms.get(n.id())), mine(reader, n)));
    }

    /** The newest published needs (or challenges alone) the reader may see, as a list shows them: one statement. */
    public List<Needs.Line> lines(Actor actor, boolean challengesOnly, int limit) {
        return needs.lines(
                readers.of(actor), challengesOnly ? Optional.of(NeedKind.CHALLENGE) : Optional.empty(), limit);
    }

    /**
     * As {@link #lines(Actor, boolean, int)}, read with the other queries of {@code batch}: adding a query to a batch
     * opens no transaction (the class's would take a connection and commit nothing).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public ReadsTogether.Later<List<Needs.Line>> lines(
            Actor actor, boolean challengesOnly, int limit, ReadsTogether.Batch batch) {
        return needs.lines(
                readers.of(actor), challengesOnly ? Optional.of(NeedKind.CHALLENGE) : Optional.empty(), limit, batch);
    }

    /** The challenge's proposals the reader may see: all for the poster and panel, its own for a proposer. */
    public List<ProposalRead> proposals(Actor actor, String challengeId) {
        return proposals(actor, get(actor, challengeId));
    }

    /**
     * As {@link #proposals(Actor, String)}, of a challenge {@link #get} has just read for the same reader. Like
     * {@link #get}, it reads in the caller's transaction when there is one and opens none of its own.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ProposalRead> proposals(Actor actor, NeedRead read) {
        String challengeId = read.need().id();
        Challenge challenge = read.challenge().orElseThrow(() -> Rejection.notFound("Challenge", challengeId));
        if (actor == null) {
            return List.of();
        }
        boolean judges = judges(actor, read.need(), challenge);
        List<Proposal> seen = proposals.of(challengeId).stream()
                .filter(p -> judges || actor.belongsTo(p.organizationId()))
                .toList();
        return withScores(seen, challenge, judges);
    }

    public ProposalRead proposal(Actor actor, String proposalId) {
        Proposal proposal = proposals.find(proposalId).orElseThrow(() -> Rejection.notFound("Proposal", proposalId));
        Need need = needs.find(proposal.challengeId()).orElseThrow();
        Challenge challenge = challenges.find(need.id()).orElseThrow();
        boolean judges = actor != null && judges(actor, need, challenge);
        if (!judges && (actor == null || !actor.belongsTo(proposal.organizationId()))) {
            throw Rejection.notFound("Proposal", proposalId).hidingExisting();
        }
        return withScores(List.of(proposal), challenge, judges).get(0);
    }

    private List<ProposalRead> withScores(List<Proposal> seen, Challenge challenge, boolean judges) {
        if (!judges || seen.isEmpty()) {
            return seen.stream().map(p -> new ProposalRead(p, Optional.empty())).toList();
        }
        Map<String, Map<String, Scorecard>> cards =
                proposals.scorecards(seen.stream().map(Proposal::id).toList());
        List<Criterion> criteria = challenge.terms().criteria();
        return seen.stream()
                .map(p -> {
                    Map<String, Scorecard> mine = cards.getOrDefault(p.id(), Map.of());
                    Optional<Long> mean = mine.isEmpty()
                            ? Optional.empty()
                            : Optional.of(Math.round(mine.values().stream()
                                    .mapToInt(card -> card.total(criteria))
                                    .average()
                                    .orElse(0)));
                    return new ProposalRead(p, Optional.of(new Scores(mine, mean)));
                })
                .toList();
    }

    /** The poster's people, the panel, and the market's operators and regulators. */
    private static boolean judges(Actor actor, Need need, Challenge challenge) {
        return actor.seesWholeMarket()
                || actor.belongsTo(need.organizationId())
                || challenge.terms().panel().contains(actor.userId());
    }

    private static boolean visible(Needs.Reader reader, Need need) {
        if (reader.seesEverything() || mine(reader, need)) {
            return true;
        }
        return need.status() != NeedStatus.DRAFT
                && (reader.verified() || need.details().visibility() == Visibility.PUBLIC);
    }

    private static boolean mine(Needs.Reader reader, Need need) {
        return reader.organizationId().map(need.organizationId()::equals).orElse(false);
    }
}
