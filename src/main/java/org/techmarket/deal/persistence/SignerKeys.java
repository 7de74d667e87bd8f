package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.SignerKey;

/**
 * The signer_key table (public keys users registered, each once per organization) and organization_signing_choice
 * (whether an organization lets the market sign for it with a key the market holds).
 */
@Repository
public class SignerKeys {

    private static final String COLUMNS = "id, organization_id, user_id, public_key, registered_at, revoked_at";

    private final JdbcClient jdbc;

    SignerKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the key; false when the organization already registered the same public key. */
    public boolean add(SignerKey key) {
        return jdbc.sql("insert into signer_key (" + COLUMNS + ", fingerprint) values (?, ?, ?, ?, ?, null, ?)"
                                + " on conflict (organization_id, public_key) do nothing")
                        .params(
                                key.id(),
                                key.organizationId(),
                                key.userId(),
                                key.publicKey(),
                                Timestamp.from(key.registeredAt()),
                                key.fingerprint())
                        .update()
                == 1;
    }

    /** The organization's key, locked for this transaction. */
    public Optional<SignerKey> lock(String organizationId, String keyId) {
        return jdbc.sql("select " + COLUMNS + " from signer_key where organization_id = ? and id = ? for update")
                .params(organizationId, keyId)
                .query(SignerKeys::map)
                .optional();
    }

    public void markRevoked(SignerKey key) {
        jdbc.sql("update signer_key set revoked_at = ? where id = ?")
                .params(Timestamp.from(key.revokedAt().orElseThrow()), key.id())
                .update();
    }

    /** The organization's keys, newest first, revoked ones included. */
    public List<SignerKey> of(String organizationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from signer_key where organization_id = ? order by registered_at desc, id desc")
                .param(organizationId)
                .query(SignerKeys::map)
                .list();
    }

    /** The organization's choice about server-held keys, when it made one. */
    public Optional<Boolean> serverHeldChoice(String organizationId) {
        return jdbc.sql("select server_held from organization_signing_choice where organization_id = ?")
                .param(organizationId)
                .query(Boolean.class)
                .optional();
    }

    public void choose(String organizationId, boolean serverHeld, Instant at) {
        jdbc.sql("insert into organization_signing_choice (organization_id, server_held, chosen_at) values (?, ?, ?)"
                        + " on conflict (organization_id) do update set server_held = excluded.server_held,"
                        + " chosen_at = excluded.chosen_at")
                .params(organizationId, serverHeld, Timestamp.from(at))
                .update();
    }

    /** Records that server-held keys are off unless the organization already chose otherwise. */
    public boolean chooseSignerHeldUnlessChosen(String organizationId, Instant at) {
        return jdbc.sql("insert into organization_signing_choice (organization_id, server_held, chosen_at)"
                                + " values (?, false, ?) on conflict (organization_id) do nothing")
                        .params(organizationId, Timestamp.from(at))
                        .update()
                == 1;
    }

    private static SignerKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new SignerKey(
                rs.getString("id"),
                rs.getString("organization_id"),
                rs.getString("user_id"),
                rs.getString("public_key"),
                rs.getTimestamp("registered_at").toInstant(),
                Optional.ofNullable(revoked).map(Timestamp::toInstant));
    }
}
