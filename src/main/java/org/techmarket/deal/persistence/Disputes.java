package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.DisputeOutcome;
import org.techmarket.shared.ReadsTogether;

/** The deal_dispute table: one dispute per deal, open until an operator's written decision. */
@Repository
public class Disputes {

    /** An operator's decision: the outcome, the seller's gross share for a split, the written reasons. */
    public record Decision(
            DisputeOutcome outcome, long sellerGrossMinor, String text, String decidedBy, Instant decidedAt) {}

    /** A dispute as stored. */
    public record DisputeRow(
            String id,
            String dealId,
            String currency,
            String openedBy,
            String reasons,
            List<String> evidence,
            Instant openedAt,
            Optional<Decision> decision) {}

    private static final String SELECT =
            "select d.*, deal.currency from deal_dispute d join deal on deal.id = d.deal_id";

    private final JdbcClient jdbc;

    Disputes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void open(DisputeRow d) {
        jdbc.sql(
                        "insert into deal_dispute (id, deal_id, opened_by, reasons, evidence, opened_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.dealId(),
                        d.openedBy(),
                        d.reasons(),
                        String.join("\n", d.evidence()),
                        Timestamp.from(d.openedAt()))
                .update();
    }

    public void decide(String id, Decision decision) {
        jdbc.sql("update deal_dispute set outcome = ?, seller_gross_minor = ?, decision = ?, decided_by = ?,"
                        + " decided_at = ? where id = ?")
                .params(
                        decision.outcome().name(),
                        decision.sellerGrossMinor(),
                        decision.text(),
                        decision.decidedBy(),
                        Timestamp.from(decision.decidedAt()),
                        id)
                .update();
    }

    public Optional<DisputeRow> find(String id) {
        return jdbc.sql(SELECT + " where d.id = ?")
                .param(id)
                .query(Disputes::map)
                .optional();
    }

    public Optional<DisputeRow> ofDeal(String dealId) {
        return jdbc.sql(SELECT + " where d.deal_id = ?")
                .param(dealId)
                .query(Disputes::map)
                .optional();
    }

    /** The disputes no operator has decided yet, oldest first, of one venue's deals or of every venue's. */
    public List<DisputeRow> undecided(Optional<String> venueId, int limit) {
        return jdbc.sql(UNDECIDED)
                .param("venue", venueId.orElse(null))
                .param("limit", limit)
                .query(Disputes::map)
                .list();
    }

    /** As {@link #undecided(Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<DisputeRow>> undecided(
            Optional<String> venueId, int limit, ReadsTogether.Batch batch) {
        Map<String, Object> params = new HashMap<>();
        params.put("venue", venueId.orElse(null));
        params.put("limit", limit);
        return batch.list(UNDECIDED, params, Disputes::map);
    }

    private static final String UNDECIDED = SELECT
            + " where d.outcome is null and (:venue::text is null or deal.venue_id = :venue)"
            + " order by d.opened_at, d.id limit :limit";

    private static DisputeRow map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Optional<Decision> decision = outcome == null
                ? Optional.empty()
                : Optional.of(new Decision(
                        DisputeOutcome.valueOf(outcome),
                        rs.getLong("seller_gross_minor"),
                        rs.getString("decision"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant()));
        String evidence = rs.getString("evidence");
        return new DisputeRow(
                rs.getString("id"),
                rs.getString("deal_id"),
                rs.getString("currency"),
                rs.getString("opened_by"),
                rs.getString("reasons"),
                evidence.isEmpty() ? List.of() : Arrays.asList(evidence.split("\n")),
                rs.getTimestamp("opened_at").toInstant(),
                decision);
    }
}
