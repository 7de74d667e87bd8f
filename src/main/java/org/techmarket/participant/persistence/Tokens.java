package org.techmarket.participant.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API tokens table: only hashes of tokens are stored. */
@Repository
public class Tokens {

    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored token, without its secret. */
    public record StoredToken(
            String id,
            String userId,
            String label,
            Instant createdAt,
            Optional<Instant> expiresAt,
            Optional<Instant> revokedAt) {
        public boolean usableAt(Instant now) {
            return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
        }
    }

    public void add(
            String id, String userId, String tokenHash, String label, Instant createdAt, Optional<Instant> expiresAt) {
        jdbc.sql(
                        "insert into api_token (id, user_id, token_hash, label, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        userId,
                        tokenHash,
                        label,
                        Timestamp.from(createdAt),
                        expiresAt.map(Timestamp::from).orElse(null))
                .update();
    }

    public Optional<StoredToken> findByHash(String tokenHash) {
        return jdbc.sql(select() + " where token_hash = ?")
                .param(tokenHash)
                .query(this::map)
                .optional();
    }

    public Optional<StoredToken> find(String id) {
        return jdbc.sql(select() + " where id = ?").param(id).query(this::map).optional();
    }

    public List<StoredToken> ofUser(String userId) {
        return jdbc.sql(select() + " where user_id = ? order by id")
                .param(userId)
                .query(this::map)
                .list();
    }

    public void revoke(String id, Instant at) {
        jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), id)
                .update();
    }

    private static String select() {
        return "select id, user_id, label, created_at, expires_at, revoked_at from api_token";
    }

    private StoredToken map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredToken(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("label"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
    }
}
