package org.techmarket.participant.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.domain.User;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Role;

/** The users table. */
@Repository
public class Users {

    private static final String COLUMNS =
            "id, username, password_hash, display_name, role, organization_id, venue_id, created_at, deactivated_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(User u) {
        jdbc.sql("insert into app_user (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        u.id(),
                        u.username(),
                        u.passwordHash(),
                        u.displayName(),
                        u.role().name(),
                        u.organizationId().orElse(null),
                        u.venueId().orElse(null),
                        Timestamp.from(u.createdAt()),
                        u.deactivatedAt().map(Timestamp::from).orElse(null))
                .update();
    }

    public Optional<User> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?")
                .param(id)
                .query(Users::map)
                .optional();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
                .param(username)
                .query(Users::map)
                .optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<User> ofOrganization(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where organization_id = ? order by id")
                .param(organizationId)
                .query(Users::map)
                .list();
    }

    /** A page of the organization's users after the user {@code after} (from the first when empty), by id. */
    public List<User> ofOrganization(String organizationId, Optional<String> after, int limit) {
        return jdbc.sql(OF_ORGANIZATION)
                .params(organizationId, after.orElse(""), limit)
                .query(Users::map)
                .list();
    }

    /** As {@link #ofOrganization(String, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<User>> ofOrganization(
            String organizationId, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        return batch.list(OF_ORGANIZATION, List.of(organizationId, after.orElse(""), limit), Users::map);
    }

    private static final String OF_ORGANIZATION =
            "select " + COLUMNS + " from app_user where organization_id = ? and id > ? order by id limit ?";

    /** Whether the user exists and is not deactivated: one look-up by key, made on every page request. */
    public boolean isActive(String id) {
        return jdbc.sql("select count(*) from app_user where id = ? and deactivated_at is null")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The organization's admins who are not deactivated. */
    public long activeAdmins(String organizationId) {
        return jdbc.sql("select count(*) from app_user where organization_id = ? and role = 'ORG_ADMIN'"
                        + " and deactivated_at is null")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    /** Marks the user deactivated from the given time, or active again with an empty one. */
    public void setDeactivatedAt(String id, Optional<Instant> at) {
        jdbc.sql("update app_user set deactivated_at = ? where id = ?")
                .params(at.map(Timestamp::from).orElse(null), id)
                .update();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("select count(*) from app_user where role = ?")
                        .param(role.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getString("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("organization_id")),
                Optional.ofNullable(rs.getString("venue_id")),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("deactivated_at")).map(Timestamp::toInstant));
    }
}
