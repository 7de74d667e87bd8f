package org.techmarket.valuation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The valuation table: reports stored once, as issued, and read back as their JSON text. */
@Repository
public class Valuations {

    /** A report as stored: its row's keys and figures, and the report's JSON text. */
    public record Stored(
            String id,
            String assetId,
            String purpose,
            LocalDate valuationDate,
            long valueMinor,
            long lowMinor,
            long highMinor,
            String currency,
            String requestedBy,
            Optional<String> organizationId,
            String report,
            Instant createdAt) {}

    /** A stored report's asset and JSON text. */
    public record Found(String assetId, String report) {}

    private final JdbcClient jdbc;

    Valuations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Stored v) {
        jdbc.sql("""
                insert into valuation (id, asset_id, purpose, valuation_date, value_minor, low_minor, high_minor,
                                       currency, requested_by, organization_id, report, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?)""")
                .params(
                        v.id(),
                        v.assetId(),
                        v.purpose(),
                        java.sql.Date.valueOf(v.valuationDate()),
                        v.valueMinor(),
                        v.lowMinor(),
                        v.highMinor(),
                        v.currency(),
                        v.requestedBy(),
                        v.organizationId().orElse(null),
                        v.report(),
                        Timestamp.from(v.createdAt()))
                .update();
    }

    public Optional<Found> find(String id) {
        return jdbc.sql("select asset_id, report::text from valuation where id = ?")
                .param(id)
                .query((rs, row) -> new Found(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The asset's latest report, as other modules cite it. */
    public Optional<org.techmarket.valuation.AssetValuations.Latest> latestOf(String assetId) {
        return jdbc.sql("""
                select id, asset_id, value_minor, currency, valuation_date from valuation where asset_id = ?
                order by created_at desc, id desc limit 1""")
                .param(assetId)
                .query((rs, row) -> new org.techmarket.valuation.AssetValuations.Latest(
                        rs.getString(1),
                        rs.getString(2),
                        org.techmarket.shared.Money.of(rs.getLong(3), rs.getString(4)),
                        rs.getDate(5).toLocalDate()))
                .optional();
    }

    /** The asset's reports, at most {@code limit}, the newest first. */
    public List<String> ofAsset(String assetId, int limit) {
        return jdbc.sql(
                        "select report::text from valuation where asset_id = ? order by created_at desc, id desc limit ?")
                .params(assetId, limit)
                .query(String.class)
                .list();
    }
}
