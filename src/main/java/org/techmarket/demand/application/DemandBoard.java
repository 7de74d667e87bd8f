package org.techmarket.demand.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.techmarket.demand.NeedBoard;
import org.techmarket.demand.domain.Matching.Reason;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;

/** The need board other modules read: the application services the API uses, their answers as plain cards. */
@Service
class DemandBoard implements NeedBoard {

    private final NeedReading reading;
    private final Matchmaking matchmaking;
    private final ChallengeAwards awards;
    private final Clock clock;

    DemandBoard(NeedReading reading, Matchmaking matchmaking, ChallengeAwards awards, Clock clock) {
        this.reading = reading;
        this.matchmaking = matchmaking;
        this.awards = awards;
        this.clock = clock;
    }

    @Override
    public Page<NeedCard> published(Actor reader, boolean challengesOnly, String cursor, Integer limit) {
        var filter = new Needs.Filter(
                challengesOnly ? Optional.of(NeedKind.CHALLENGE) : Optional.empty(),
                Optional.of(NeedStatus.PUBLISHED),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return reading.page(reader, filter, cursor, limit).map(this::card);
    }

    @Override
    public List<NeedLine> newest(Actor reader, boolean challengesOnly, int limit) {
        return needLines(reading.lines(reader, challengesOnly, limit));
    }

    @Override
    public ReadsTogether.Later<List<NeedLine>> newest(
            Actor reader, boolean challengesOnly, int limit, ReadsTogether.Batch batch) {
        return reading.lines(reader, challengesOnly, limit, batch).map(DemandBoard::needLines);
    }

    private static List<NeedLine> needLines(List<Needs.Line> lines) {
        return lines.stream()
                .map(line -> new NeedLine(
                        line.id(),
                        line.challenge(),
                        line.title(),
                        line.organizationId(),
                        line.budgetMax(),
                        line.reward(),
                        line.deadline()))
                .toList();
    }

    @Override
    public NeedPage page(Actor reader, String id) {
        NeedReading.NeedRead read = reading.get(reader, id);
        return new NeedPage(
                card(read), read.challenge().isPresent() ? proposals(reading.proposals(reader, read)) : List.of());
    }

    private static List<ProposalCard> proposals(List<NeedReading.ProposalRead> read) {
        return read.stream()
                .map(NeedReading.ProposalRead::proposal)
                .map(p -> new ProposalCard(
                        p.id(),
                        p.organizationId(),
                        p.summary(),
                        p.plan(),
                        p.price(),
                        p.team(),
                        p.status().name(),
                        p.createdAt()))
                .toList();
    }

    @Override
    public List<AssetMatch> matches(Actor reader, String needId) {
        return matchmaking.forNeed(reader, needId).assets().stream()
                .map(m -> new AssetMatch(
                        m.asset().id(),
                        m.asset().title(),
                        m.score().points(),
                        m.score().reasons().stream().map(DemandBoard::reason).toList()))
                .toList();
    }

    @Override
    public String propose(
            Actor proposer, String challengeId, String summary, String plan, Money price, List<String> team) {
        return awards.propose(proposer, challengeId, new ChallengeAwards.Submission(summary, plan, price, team))
                .id();
    }

    @Override
    public String selectWinner(Actor poster, String challengeId, String proposalId) {
        return awards.select(poster, challengeId, proposalId);
    }

    private NeedCard card(NeedReading.NeedRead read) {
        Need need = read.need();
        var details = need.details();
        return new NeedCard(
                need.id(),
                need.isChallenge(),
                details.title(),
                details.description(),
                need.status().name(),
                details.industries(),
                details.ipc(),
                details.region(),
                details.budget().min(),
                details.budget().max(),
                details.deadline(),
                need.organizationId(),
                read.challenge().map(c -> c.terms().reward()),
                need.isOpenAt(clock.instant()),
                read.mine());
    }

    private static MatchReason reason(Reason reason) {
        return new MatchReason(reason.kind(), reason.found(), reason.points());
    }
}
