package org.techmarket.deal.persistence;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deal_delivery_document and deal_grant tables: what the seller delivered and what rights the deal recorded. */
@Repository
public class DealDeliveries {

    /** A delivered document: its SHA-256 (lowercase hex) and what it is. */
    public record Document(String sha256, String description) {}

    /** A grant the rights registry recorded for the deal on one asset. */
    public record RecordedGrant(String assetId, String grantId) {}

    private final JdbcClient jdbc;

    DealDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addDocuments(String dealId, List<Document> documents) {
        for (int i = 0; i < documents.size(); i++) {
            jdbc.sql("insert into deal_delivery_document (deal_id, position, sha256, description) values (?, ?, ?, ?)")
                    .params(
                            dealId,
                            i,
                            documents.get(i).sha256(),
                            documents.get(i).description())
                    .update();
        }
    }

    public void addGrant(String dealId, RecordedGrant grant) {
        jdbc.sql("insert into deal_grant (deal_id, asset_id, grant_id) values (?, ?, ?)")
                .params(dealId, grant.assetId(), grant.grantId())
                .update();
    }

    public List<RecordedGrant> grants(String dealId) {
        return jdbc.sql("select asset_id, grant_id from deal_grant where deal_id = ? order by asset_id")
                .param(dealId)
                .query((rs, n) -> new RecordedGrant(rs.getString("asset_id"), rs.getString("grant_id")))
                .list();
    }
}
