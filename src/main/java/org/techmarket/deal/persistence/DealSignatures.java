package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.KeyKind;

/** The deal_signature table: at most one signature per party of a deal. */
@Repository
public class DealSignatures {

    /**
     * A party's signature over the contract hash, with the key that verifies it, who signed when, and who holds the
     * private key: the signer (its registered key's id) or the market. A lender enforcing its pledge signs for the
     * seller with its own key, and is named as the pledgee that signed.
     */
    public record SignatureRow(
            String id,
            String dealId,
            String organizationId,
            String userId,
            String contractHash,
            String publicKey,
            String signature,
            Instant signedAt,
            KeyKind keyKind,
            Optional<String> signerKeyId,
            Optional<String> pledgeeId,
            Optional<String> pledgeeName) {}

    private static final String COLUMNS =
            "id, deal_id, organization_id, user_id, contract_hash, public_key, signature, signed_at, key_kind,"
                    + " signer_key_id, pledgee_id, pledgee_name";

    private final JdbcClient jdbc;

    DealSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(SignatureRow s) {
        jdbc.sql("insert into deal_signature (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.dealId(),
                        s.organizationId(),
                        s.userId(),
                        s.contractHash(),
                        s.publicKey(),
                        s.signature(),
                        Timestamp.from(s.signedAt()),
                        s.keyKind().name(),
                        s.signerKeyId().orElse(null),
                        s.pledgeeId().orElse(null),
                        s.pledgeeName().orElse(null))
                .update();
    }

    public List<SignatureRow> of(String dealId) {
        return jdbc.sql("select " + COLUMNS + " from deal_signature where deal_id = ? order by signed_at, id")
                .param(dealId)
                .query(DealSignatures::map)
                .list();
    }

    public Optional<SignatureRow> find(String dealId, String signatureId) {
        return jdbc.sql("select " + COLUMNS + " from deal_signature where deal_id = ? and id = ?")
                .params(dealId, signatureId)
                .query(DealSignatures::map)
                .optional();
    }

    private static SignatureRow map(ResultSet rs, int row) throws SQLException {
        return new SignatureRow(
                rs.getString("id"),
                rs.getString("deal_id"),
                rs.getString("organization_id"),
                rs.getString("user_id"),
                rs.getString("contract_hash"),
                rs.getString("public_key"),
                rs.getString("signature"),
                rs.getTimestamp("signed_at").toInstant(),
                KeyKind.valueOf(rs.getString("key_kind")),
                Optional.ofNullable(rs.getString("signer_key_id")),
                Optional.ofNullable(rs.getString("pledgee_id")),
                Optional.ofNullable(rs.getString("pledgee_name")));
    }
}
