package org.techmarket.demand.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.demand.domain.ChallengeTerms;
import org.techmarket.demand.domain.Criterion;
import org.techmarket.demand.domain.Milestone;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/** What challenges add to their needs: terms, milestones, the reward's hold, the winner and its deal. */
@Repository
public class Challenges {

    /** A challenge's terms and where its award stands. */
    public record Challenge(
            String needId,
            ChallengeTerms terms,
            Optional<String> holdId,
            Optional<String> winnerProposalId,
            Optional<String> dealId) {}

    /** A milestone of a won challenge whose developer has not yet been told it is due. */
    public record DueMilestone(
            String needId, int number, String title, LocalDate dueDate, String developerId, String dealId) {}

    private final JdbcClient jdbc;
    private final ReadsTogether together;

    Challenges(JdbcClient jdbc, ReadsTogether together) {
        this.jdbc = jdbc;
        this.together = together;
    }

    public void add(String needId, ChallengeTerms terms) {
        jdbc.sql("insert into challenge (need_id, reward, eligibility, criterion_names, criterion_weights, panel)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        needId,
                        terms.reward().minor(),
                        terms.eligibility(),
                        terms.criteria().stream().map(Criterion::name).toArray(String[]::new),
                        terms.criteria().stream().map(Criterion::weight).toArray(Integer[]::new),
                        terms.panel().toArray(String[]::new))
                .update();
        List<Milestone> milestones = terms.milestones();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            jdbc.sql("insert into challenge_milestone (need_id, number, title, deliverable, amount, due_date)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            needId,
                            i + 1,
                            m.title(),
                            m.deliverable(),
                            m.amount().minor(),
                            Date.valueOf(m.dueDate()))
                    .update();
        }
    }

    public Optional<Challenge> find(String needId) {
        return all(List.of(needId)).stream().findFirst();
    }

    /**
     * The challenges of these needs (in any order), with their milestones: two queries whatever their number, sent
     * together in one round trip (ADR 0117).
     */
    public List<Challenge> all(Collection<String> needIds) {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<List<Challenge>> challenges = all(needIds, batch);
        batch.send();
        return challenges.get();
    }

    /** As {@link #all(Collection)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Challenge>> all(Collection<String> needIds, ReadsTogether.Batch batch) {
        String[] distinct = needIds.stream().distinct().toArray(String[]::new);
        // one need by "= ?": PostgreSQL plans "= any(?)" anew on every call (ADR 0116), for a need's page each time
        String which = distinct.length == 1 ? " = ?" : " = any(?)";
        Object ids = distinct.length == 1 ? distinct[0] : distinct;
        ReadsTogether.Later<Map<String, List<Milestone>>> milestones = batch.query(
                "select m.need_id, m.title, m.deliverable, m.amount, m.due_date, n.currency"
                        + " from challenge_milestone m join need n on n.id = m.need_id"
                        + " where m.need_id" + which + " order by m.need_id, m.number",
                List.of(ids),
                Challenges::milestones);
        // A batch's answers are read in the order its queries were added: the milestones are known before the
        // challenges' rows are.
        ReadsTogether.Later<List<Challenge>> challenges = batch.list(
                "select c.need_id, c.reward, c.eligibility, c.criterion_names, c.criterion_weights, c.panel,"
                        + " c.hold_id, c.winner_proposal_id, c.deal_id, n.currency"
                        + " from challenge c join need n on n.id = c.need_id where c.need_id" + which,
                List.of(ids),
                (rs, row) -> map(rs, milestones.get().get(rs.getString("need_id"))));
        return challenges;
    }

    private static Map<String, List<Milestone>> milestones(ResultSet rs) throws SQLException {
        Map<String, List<Milestone>> milestones = new HashMap<>();
        while (rs.next()) {
            milestones
                    .computeIfAbsent(rs.getString("need_id"), k -> new ArrayList<>())
                    .add(new Milestone(
                            rs.getString("title"),
                            rs.getString("deliverable"),
                            Money.of(rs.getLong("amount"), rs.getString("currency")),
                            rs.getDate("due_date").toLocalDate()));
        }
        return milestones;
    }

    public void holdReward(String needId, String holdId) {
        jdbc.sql("update challenge set hold_id = ? where need_id = ?")
                .params(holdId, needId)
                .update();
    }

    public void award(String needId, String proposalId, String dealId) {
        jdbc.sql("update challenge set winner_proposal_id = ?, deal_id = ? where need_id = ?")
                .params(proposalId, dealId, needId)
                .update();
    }

    /** Milestones of won challenges due on or before {@code until} whose developer was not told yet. */
    public List<String> milestonesDue(LocalDate until, int limit) {
        return jdbc.sql("select m.need_id || '#' || m.number from challenge_milestone m"
                        + " join challenge c on c.need_id = m.need_id"
                        + " where m.noticed_at is null and c.deal_id is not null and m.due_date <= ?"
                        + " order by m.due_date limit ?")
                .params(Date.valueOf(until), limit)
                .query(String.class)
                .list();
    }

    /** The milestone, claimed, when it is still to be told and no other node holds it. */
    public Optional<DueMilestone> claimDue(String needId, int number) {
        return jdbc.sql("select m.need_id, m.number, m.title, m.due_date, p.organization_id, c.deal_id"
                        + " from challenge_milestone m join challenge c on c.need_id = m.need_id"
                        + " join proposal p on p.id = c.winner_proposal_id"
                        + " where m.need_id = ? and m.number = ? and m.noticed_at is null for update of m skip locked")
                .params(needId, number)
                .query((rs, row) -> new DueMilestone(
                        rs.getString("need_id"),
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getDate("due_date").toLocalDate(),
                        rs.getString("organization_id"),
                        rs.getString("deal_id")))
                .optional();
    }

    public void noticed(String needId, int number, Instant at) {
        jdbc.sql("update challenge_milestone set noticed_at = ? where need_id = ? and number = ?")
                .params(Timestamp.from(at), needId, number)
                .update();
    }

    private static Challenge map(ResultSet rs, List<Milestone> milestones) throws SQLException {
        String currency = rs.getString("currency");
        List<String> names = Needs.strings(rs.getArray("criterion_names"));
        Integer[] weights = (Integer[]) rs.getArray("criterion_weights").getArray();
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            criteria.add(new Criterion(names.get(i), weights[i]));
        }
        ChallengeTerms terms = new ChallengeTerms(
                Money.of(rs.getLong("reward"), currency),
                milestones,
                rs.getString("eligibility"),
                criteria,
                Needs.strings(rs.getArray("panel")));
        return new Challenge(
                rs.getString("need_id"),
                terms,
                Optional.ofNullable(rs.getString("hold_id")),
                Optional.ofNullable(rs.getString("winner_proposal_id")),
                Optional.ofNullable(rs.getString("deal_id")));
    }
}
