package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.KeyKind;
import org.techmarket.shared.ReadsTogether;

/**
 * What a deal's view lists besides the deal and its money, read in one statement: its history (deal_history), its
 * signatures (deal_signature), the documents delivered (deal_delivery_document) and the grants it recorded
 * (deal_grant), each in the order its own table's reader gives.
 */
@Repository
public class DealParticulars {

    /** A deal's history, signatures, delivered documents and recorded grants. */
    public record Particulars(
            List<DealHistory.Step> history,
            List<DealSignatures.SignatureRow> signatures,
            List<DealDeliveries.Document> documents,
            List<DealDeliveries.RecordedGrant> grants) {}

    /** The deal's particulars, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Particulars> of(String dealId, ReadsTogether.Batch batch) {
        return batch.query(OF, Map.of("deal", dealId), (ResultSetExtractor<Particulars>) rs -> particulars(dealId, rs));
    }

    // the four lists travel as rows of one shape: a part, its order within the part, a time and text columns
    private static final String OF = """
                select 'H' as part, id as n, at, status as c1, event as c2, actor as c3, null::text as c4,
                    null::text as c5, null::text as c6, null::text as c7, null::text as c8, null::text as c9,
                    null::text as c10
                from deal_history where deal_id = :deal
                union all
                select 'S', row_number() over (order by signed_at, id), signed_at, id, organization_id, user_id,
                    contract_hash, public_key, signature, key_kind, signer_key_id, pledgee_id, pledgee_name
                from deal_signature where deal_id = :deal
                union all
                select 'D', position, null, sha256, description, null, null, null, null, null, null, null, null
                from deal_delivery_document where deal_id = :deal
                union all
                select 'G', row_number() over (order by asset_id), null, asset_id, grant_id, null, null, null, null,
                    null, null, null, null
                from deal_grant where deal_id = :deal
                order by part, n""";

    private static Particulars particulars(String dealId, ResultSet rs) throws SQLException {
        List<DealHistory.Step> history = new ArrayList<>();
        List<DealSignatures.SignatureRow> signatures = new ArrayList<>(2);
        List<DealDeliveries.Document> documents = new ArrayList<>();
        List<DealDeliveries.RecordedGrant> grants = new ArrayList<>(1);
        while (rs.next()) {
            switch (rs.getString("part")) {
                case "H" ->
                    history.add(new DealHistory.Step(
                            DealStatus.valueOf(rs.getString("c1")),
                            rs.getString("c2"),
                            rs.getString("c3"),
                            rs.getTimestamp("at").toInstant()));
                case "S" -> signatures.add(signature(dealId, rs));
                case "D" -> documents.add(new DealDeliveries.Document(rs.getString("c1"), rs.getString("c2")));
                default -> grants.add(new DealDeliveries.RecordedGrant(rs.getString("c1"), rs.getString("c2")));
            }
        }
        return new Particulars(
                List.copyOf(history), List.copyOf(signatures), List.copyOf(documents), List.copyOf(grants));
    }

    private static DealSignatures.SignatureRow signature(String dealId, ResultSet rs) throws SQLException {
        return new DealSignatures.SignatureRow(
                rs.getString("c1"),
                dealId,
                rs.getString("c2"),
                rs.getString("c3"),
                rs.getString("c4"),
                rs.getString("c5"),
                rs.getString("c6"),
                rs.getTimestamp("at").toInstant(),
                KeyKind.valueOf(rs.getString("c7")),
                Optional.ofNullable(rs.getString("c8")),
                Optional.ofNullable(rs.getString("c9")),
                Optional.ofNullable(rs.getString("c10")));
    }
}
