package org.techmarket.participant.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.domain.Organization;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Text;

/** The organizations table. */
@Repository
public class Organizations {

    private static final String COLUMNS =
            "id, name, type, credit_code, identity_number, region, status, venue_id, created_at, updated_at, version,"
                    + " legal_representative, registered_address";

    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Organization o) {
        jdbc.sql("insert into organization (" + COLUMNS
                        + ", name_key, legal_representative_key, registered_address_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        o.id(),
                        o.name(),
                        o.type().name(),
                        o.creditCode().orElse(null),
                        o.identityNumber().orElse(null),
                        o.region(),
                        o.status().name(),
                        o.venueId(),
                        Timestamp.from(o.createdAt()),
                        Timestamp.from(o.updatedAt()),
                        o.version(),
                        o.particulars().legalRepresentative().orElse(null),
                        o.particulars().registeredAddress().orElse(null),
                        Text.sameNameKey(o.name()),
                        o.particulars().legalRepresentativeKey().orElse(null),
                        o.particulars().registeredAddressKey().orElse(null))
                .update();
    }

    /** An organization known by its id and name. */
    public record Named(String id, String name) {}

    /** The verified organizations whose name has one of these same-name keys ({@link Text#sameNameKey}), by key. */
    public Map<String, List<Named>> verifiedByNameKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Named>> found = new HashMap<>();
        jdbc.sql("select id, name, name_key from organization where status = 'VERIFIED' and name_key in (:keys)"
                        + " order by id")
                .param("keys", List.copyOf(keys))
                .query((rs, row) -> found.computeIfAbsent(rs.getString("name_key"), k -> new ArrayList<>())
                        .add(new Named(rs.getString("id"), rs.getString("name"))))
                .list();
        return found;
    }

    /** Gives organizations stored before names had a same-name key their key; returns how many it gave one. */
    public int fillMissingNameKeys(int batch) {
        List<Named> missing = jdbc.sql("select id, name from organization where name_key is null order by id limit ?")
                .param(batch)
                .query((rs, row) -> new Named(rs.getString("id"), rs.getString("name")))
                .list();
        missing.forEach(o -> jdbc.sql("update organization set name_key = ? where id = ?")
                .params(Text.sameNameKey(o.name()), o.id())
                .update());
        return missing.size();
    }

    public Optional<Organization> find(String id) {
        return jdbc.sql(FIND).param(id).query(Organizations::map).optional();
    }

    /** As {@link #find(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<Organization>> find(String id, ReadsTogether.Batch batch) {
        return batch.optional(FIND, List.of(id), Organizations::map);
    }

    private static final String FIND = "select " + COLUMNS + " from organization where id = ?";

    /** The organizations of these ids that exist, in one query. */
    public List<Organization> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() == 1) {
            // PostgreSQL plans "= any(?)" anew on every call, a cost larger than the read's (ADR 0117)
            return find(ids.iterator().next()).stream().toList();
        }
        return jdbc.sql(FIND_ALL)
                .param(ids.stream().distinct().toArray(String[]::new))
                .query(Organizations::map)
                .list();
    }

    /** As {@link #findAll(Collection)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Organization>> findAll(Collection<String> ids, ReadsTogether.Batch batch) {
        String[] distinct = ids.stream().distinct().toArray(String[]::new);
        if (distinct.length == 0) {
            return ReadsTogether.Later.of(List.of());
        }
        return distinct.length == 1
                ? batch.list(FIND, List.of(distinct[0]), Organizations::map)
                : batch.list(FIND_ALL, List.of((Object) distinct), Organizations::map);
    }

    private static final String FIND_ALL = "select " + COLUMNS + " from organization where id = any(?)";

    /** Reads the organization and locks its row until the transaction ends. */
    public Optional<Organization> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from organization where id = ? for update")
                .param(id)
                .query(Organizations::map)
                .optional();
    }

    /**
     * Reads the organization and holds a share lock on its row until the transaction ends: actions checked against
     * its status commit before a change of status, or wait for it and see the new status.
     */
    public Optional<Organization> lockShared(String id) {
        return jdbc.sql("select " + COLUMNS + " from organization where id = ? for share")
                .param(id)
                .query(Organizations::map)
                .optional();
    }

    /** As {@link #lockShared}, for several organizations in one statement; those that exist. */
    public List<Organization> lockSharedAll(Collection<String> ids) {
        return jdbc.sql("select " + COLUMNS + " from organization where id = any(?) order by id for share")
                .param(ids.stream().distinct().toArray(String[]::new))
                .query(Organizations::map)
                .list();
    }

    public boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("select count(*) from organization where credit_code = ?")
                        .param(creditCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean identityNumberTaken(String identityNumber) {
        return jdbc.sql("select count(*) from organization where identity_number = ?")
                        .param(identityNumber)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void updateStatus(Organization o) {
        jdbc.sql("update organization set status = ?, updated_at = ?, version = ? where id = ?")
                .params(o.status().name(), Timestamp.from(o.updatedAt()), o.version(), o.id())
                .update();
    }

    /**
     * Records the venue that verified the organization, the first time one does, and makes it the organization's venue:
     * its listings are that venue's. Later verifications keep it.
     */
    public void recordVerifyingVenue(String organizationId, String venueId) {
        jdbc.sql(
                        "update organization set verified_by_venue = ?, venue_id = ? where id = ? and verified_by_venue is null")
                .params(venueId, venueId, organizationId)
                .update();
    }

    public Optional<String> verifyingVenue(String organizationId) {
        return jdbc.sql("select verified_by_venue from organization where id = ? and verified_by_venue is not null")
                .param(organizationId)
                .query(String.class)
                .optional();
    }

    /** Stores the organization's particulars and the version and time of their change. */
    public void updateParticulars(Organization o) {
        jdbc.sql(
                        "update organization set legal_representative = ?, legal_representative_key = ?,"
                                + " registered_address = ?, registered_address_key = ?, updated_at = ?, version = ? where id = ?")
                .params(
                        o.particulars().legalRepresentative().orElse(null),
                        o.particulars().legalRepresentativeKey().orElse(null),
                        o.particulars().registeredAddress().orElse(null),
                        o.particulars().registeredAddressKey().orElse(null),
                        Timestamp.from(o.updatedAt()),
                        o.version(),
                        o.id())
                .update();
    }

    public List<Organization> page(Optional<String> after, Optional<OrganizationStatus> status, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from organization where id > ? and (cast(? as text) is null or status = ?)"
                        + " order by id limit ?")
                .params(
                        after.orElse(""),
                        status.map(Enum::name).orElse(null),
                        status.map(Enum::name).orElse(null),
                        limit)
                .query(Organizations::map)
                .list();
    }

    /** The newest {@code limit} organizations waiting for verification, newest first, read with {@code batch}. */
    public ReadsTogether.Later<List<Organization>> newestPending(int limit, ReadsTogether.Batch batch) {
        return batch.list(NEWEST_PENDING, List.of(limit), Organizations::map);
    }

    private static final String NEWEST_PENDING =
            "select " + COLUMNS + " from organization where status = 'PENDING' order by id desc limit ?";

    /**
     * The verified organizations whose names read the same as one of the {@code limit} newest pending organizations'
     * ({@link #newestPending(int, ReadsTogether.Batch)}), by that pending organization's id, read with the other queries of {@code batch}
     * rather than after the pending ones.
     */
    public ReadsTogether.Later<Map<String, List<Named>>> verifiedNamesakesOfNewestPending(
            int limit, ReadsTogether.Batch batch) {
        return batch.query("""
                select p.id as pending_id, o.id, o.name
                from (select id, name_key from organization where status = 'PENDING' order by id desc limit ?) p
                join organization o on o.status = 'VERIFIED' and o.name_key = p.name_key and o.id <> p.id
                order by o.id""", List.of(limit), rs -> {
            Map<String, List<Named>> found = new HashMap<>();
            while (rs.next()) {
                found.computeIfAbsent(rs.getString("pending_id"), k -> new ArrayList<>())
                        .add(new Named(rs.getString("id"), rs.getString("name")));
            }
            return found;
        });
    }

    public long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getString("id"),
                rs.getString("name"),
                OrganizationType.valueOf(rs.getString("type")),
                Optional.ofNullable(rs.getString("credit_code")),
                Optional.ofNullable(rs.getString("identity_number")),
                rs.getString("region"),
                OrganizationStatus.valueOf(rs.getString("status")),
                rs.getString("venue_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"),
                new OrganizationParticulars(
                        Optional.ofNullable(rs.getString("legal_representative")),
                        Optional.ofNullable(rs.getString("registered_address"))));
    }
}
