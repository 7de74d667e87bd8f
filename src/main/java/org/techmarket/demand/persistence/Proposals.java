package org.techmarket.demand.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.demand.domain.Proposal;
import org.techmarket.demand.domain.ProposalStatus;
import org.techmarket.demand.domain.Scorecard;
import org.techmarket.shared.Money;

/** Proposals to challenges and the panel's scores of them. */
@Repository
public class Proposals {

    private static final String COLUMNS =
            "p.id, p.need_id, p.organization_id, p.summary, p.plan, p.price, p.team, p.status, p.created_at, n.currency";

    private final JdbcClient jdbc;

    Proposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the proposal unless its organization already proposed to the challenge; true when added. */
    public boolean add(Proposal p) {
        return jdbc.sql("insert into proposal (id, need_id, organization_id, summary, plan, price, team, status,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (need_id, organization_id) do nothing")
                        .params(
                                p.id(),
                                p.challengeId(),
                                p.organizationId(),
                                p.summary(),
                                p.plan(),
                                p.price().minor(),
                                p.team().toArray(String[]::new),
                                p.status().name(),
                                Timestamp.from(p.createdAt()))
                        .update()
                == 1;
    }

    public Optional<Proposal> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from proposal p join need n on n.id = p.need_id where p.id = ?")
                .param(id)
                .query(Proposals::map)
                .optional();
    }

    /** The challenge's proposals, oldest first. */
    public List<Proposal> of(String challengeId) {
        return jdbc.sql("select " + COLUMNS + " from proposal p join need n on n.id = p.need_id"
                        + " where p.need_id = ? order by p.id")
                .param(challengeId)
                .query(Proposals::map)
                .list();
    }

    /** Marks the winner WON and every other proposal of its challenge LOST. */
    public void decide(String challengeId, String winnerId) {
        jdbc.sql("update proposal set status = case when id = ? then 'WON' else 'LOST' end where need_id = ?")
                .params(winnerId, challengeId)
                .update();
    }

    /** Adds a panel member's scorecard; false when the member had already scored the proposal. */
    public boolean score(String proposalId, String userId, Scorecard card, Instant at) {
        Integer scored = jdbc.sql("select count(*) from proposal_score where proposal_id = ? and user_id = ?")
                .params(proposalId, userId)
                .query(Integer.class)
                .single();
        if (scored > 0) {
            return false;
        }
        card.scores()
                .forEach((criterion, score) -> jdbc.sql("insert into proposal_score (proposal_id, user_id, criterion,"
                                + " score, scored_at) values (?, ?, ?, ?, ?)")
                        .params(proposalId, userId, criterion, score, Timestamp.from(at))
                        .update());
        return true;
    }

    /** Every panel member's scorecard of each of these proposals: proposal id → user id → card; one statement. */
    public Map<String, Map<String, Scorecard>> scorecards(Collection<String> proposalIds) {
        Map<String, Map<String, Map<String, Integer>>> rows = new HashMap<>();
        jdbc.sql("select proposal_id, user_id, criterion, score from proposal_score where proposal_id = any(?)")
                .param(proposalIds.toArray(String[]::new))
                .query(rs -> {
                    rows.computeIfAbsent(rs.getString("proposal_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString("user_id"), k -> new HashMap<>())
                            .put(rs.getString("criterion"), rs.getInt("score"));
                });
        Map<String, Map<String, Scorecard>> cards = new HashMap<>();
        rows.forEach((proposal, byUser) -> byUser.forEach((user, scores) ->
                cards.computeIfAbsent(proposal, k -> new HashMap<>()).put(user, new Scorecard(scores))));
        return cards;
    }

    private static Proposal map(ResultSet rs, int row) throws SQLException {
        return new Proposal(
                rs.getString("id"),
                rs.getString("need_id"),
                rs.getString("organization_id"),
                rs.getString("summary"),
                rs.getString("plan"),
                Money.of(rs.getLong("price"), rs.getString("currency")),
                Needs.strings(rs.getArray("team")),
                ProposalStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
