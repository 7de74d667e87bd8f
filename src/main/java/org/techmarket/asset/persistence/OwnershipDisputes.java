package org.techmarket.asset.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.asset.domain.OwnershipDispute;
import org.techmarket.asset.domain.OwnershipDisputeStatus;

/** The asset_ownership_dispute table: claims against an asset's registration and their decisions. */
@Repository
public class OwnershipDisputes {

    private final JdbcClient jdbc;

    OwnershipDisputes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(OwnershipDispute d) {
        jdbc.sql("""
                insert into asset_ownership_dispute (id, asset_id, claimant_id, respondents, statement, evidence,
                    status, created_at)
                values (?, ?, ?, string_to_array(?, ';'), ?, string_to_array(?, ';'), ?, ?)""")
                .params(
                        d.id(),
                        d.assetId(),
                        d.claimantId(),
                        String.join(";", d.respondents()),
                        d.statement(),
                        String.join(";", d.evidence()),
                        d.status().name(),
                        Timestamp.from(d.createdAt()))
                .update();
    }

    /** Stores the decision if the dispute is still OPEN; false when another decision came first. */
    public boolean decide(OwnershipDispute d) {
        return jdbc.sql("""
                update asset_ownership_dispute set status = ?, reason = ?, decided_by = ?, decided_at = ?
                where id = ? and status = 'OPEN'""")
                        .params(
                                d.status().name(),
                                d.reason().orElseThrow(),
                                d.decidedBy().orElseThrow(),
                                Timestamp.from(d.decidedAt().orElseThrow()),
                                d.id())
                        .update()
                == 1;
    }

    public Optional<OwnershipDispute> find(String id) {
        return jdbc.sql("select * from asset_ownership_dispute where id = ?")
                .param(id)
                .query(OwnershipDisputes::map)
                .optional();
    }

    /** The dispute, its row locked until the calling transaction ends. */
    public Optional<OwnershipDispute> lock(String id) {
        return jdbc.sql("select * from asset_ownership_dispute where id = ? for update")
                .param(id)
                .query(OwnershipDisputes::map)
                .optional();
    }

    /** The ids of the asset's OPEN disputes, oldest first. */
    public List<String> openOn(String assetId) {
        return jdbc.sql("select id from asset_ownership_dispute where asset_id = ? and status = 'OPEN' order by id")
                .param(assetId)
                .query(String.class)
                .list();
    }

    /** Whether {@code claimantId} has an OPEN dispute on the asset. */
    public boolean openBy(String assetId, String claimantId) {
        return jdbc.sql("select count(*) from asset_ownership_dispute where asset_id = ? and claimant_id = ?"
                                + " and status = 'OPEN'")
                        .params(assetId, claimantId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static OwnershipDispute map(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new OwnershipDispute(
                rs.getString("id"),
                rs.getString("asset_id"),
                rs.getString("claimant_id"),
                strings(rs.getArray("respondents")),
                rs.getString("statement"),
                strings(rs.getArray("evidence")),
                OwnershipDisputeStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(decidedAt).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
