package org.techmarket.participant.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.domain.ThrottleState;

/** The log-in throttling table: one row per account name and per client address tried, shared by every node. */
@Repository
public class LoginThrottles {

    private final JdbcClient jdbc;

    LoginThrottles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key's state, its row locked until the transaction ends (made first when the key is new). */
    public ThrottleState lock(String key, Instant now) {
        jdbc.sql(
                        "insert into login_throttle (key, failures, last_attempt_at) values (?, 0, ?) on conflict (key) do nothing")
                .params(key, Timestamp.from(now))
                .update();
        return jdbc.sql("select failures, last_attempt_at, blocked_until, locked_until from login_throttle"
                        + " where key = ? for update")
                .param(key)
                .query(LoginThrottles::map)
                .single();
    }

    public void save(String key, ThrottleState state) {
        jdbc.sql("update login_throttle set failures = ?, last_attempt_at = ?, blocked_until = ?, locked_until = ?"
                        + " where key = ?")
                .params(
                        state.failures(),
                        Timestamp.from(state.lastAttemptAt()),
                        state.blockedUntil().map(Timestamp::from).orElse(null),
                        state.lockedUntil().map(Timestamp::from).orElse(null),
                        key)
                .update();
    }

    /** Forgets the key: its failures, back-off and lock. */
    public void clear(String key) {
        jdbc.sql("delete from login_throttle where key = ?").param(key).update();
    }

    /** Whether the key is locked at this time. */
    public boolean lockedAt(String key, Instant now) {
        return jdbc.sql("select count(*) from login_throttle where key = ? and locked_until > ?")
                        .params(key, Timestamp.from(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Deletes up to {@code limit} rows of keys left alone since before this time and neither blocked nor locked any
     * longer; returns how many.
     */
    public int forgetIdleSince(Instant before, Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("delete from login_throttle where ctid in (select ctid from login_throttle"
                        + " where last_attempt_at < ? and coalesce(blocked_until, ?) <= ? and coalesce(locked_until, ?) <= ?"
                        + " limit ?)")
                .params(Timestamp.from(before), at, at, at, at, limit)
                .update();
    }

    private static ThrottleState map(ResultSet rs, int row) throws SQLException {
        return new ThrottleState(
                rs.getInt("failures"),
                rs.getTimestamp("last_attempt_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("blocked_until")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant));
    }
}
