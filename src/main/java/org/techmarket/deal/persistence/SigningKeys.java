package org.techmarket.deal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.OrganizationKey;

/** The organization_signing_key table: one sealed Ed25519 key pair per organization, made on first need. */
@Repository
public class SigningKeys {

    private final JdbcClient jdbc;

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the key unless the organization already has one (another node may have made it first). */
    public void addIfAbsent(String organizationId, OrganizationKey key, Instant at) {
        jdbc.sql("insert into organization_signing_key (organization_id, public_key, sealed_private_key, created_at)"
                        + " values (?, ?, ?, ?) on conflict (organization_id) do nothing")
                .params(organizationId, key.publicKey(), key.sealedPrivateKey(), Timestamp.from(at))
                .update();
    }

    public Optional<OrganizationKey> find(String organizationId) {
        return jdbc.sql("select public_key, sealed_private_key from organization_signing_key where organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new OrganizationKey(rs.getString("public_key"), rs.getString("sealed_private_key")))
                .optional();
    }
}
