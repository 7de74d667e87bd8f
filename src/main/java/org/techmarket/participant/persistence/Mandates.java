package org.techmarket.participant.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.BrokerQualification;
import org.techmarket.participant.MandateAction;
import org.techmarket.participant.domain.Mandate;
import org.techmarket.participant.domain.MandateScope;
import org.techmarket.participant.domain.MandateStatus;
import org.techmarket.shared.Money;

/** The mandates table, brokers' qualifications, and which client each broker acts for on a listing. */
@Repository
public class Mandates {

    private static final String COLUMNS = "id, broker_id, client_id, scope_kind, scope_ids, actions, commission_bp,"
            + " commission_minimum, currency, valid_until, status, proposed_by, created_at, confirmed_at, revoked_at";

    private final JdbcClient jdbc;

    Mandates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Mandate m) {
        jdbc.sql("insert into mandate (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?)")
                .params(
                        m.id(),
                        m.brokerId(),
                        m.clientId(),
                        m.scope().kind().name(),
                        m.scope().sortedIds().toArray(String[]::new),
                        m.actions().stream().sorted().map(Enum::name).toArray(String[]::new),
                        m.commissionBasisPoints(),
                        m.commissionMinimum().minor(),
                        m.commissionMinimum().currency(),
                        Timestamp.from(m.validUntil()),
                        m.status().name(),
                        m.proposedBy(),
                        Timestamp.from(m.createdAt()),
                        null,
                        null)
                .update();
    }

    public void update(Mandate m) {
        jdbc.sql("update mandate set status = ?, confirmed_at = ?, revoked_at = ? where id = ?")
                .params(
                        m.status().name(),
                        m.confirmedAt().map(Timestamp::from).orElse(null),
                        m.revokedAt().map(Timestamp::from).orElse(null),
                        m.id())
                .update();
    }

    public Optional<Mandate> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from mandate where id = ?")
                .param(id)
                .query(Mandates::map)
                .optional();
    }

    /** The mandate locked for update, as confirming and revoking change it. */
    public Optional<Mandate> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from mandate where id = ? for update")
                .param(id)
                .query(Mandates::map)
                .optional();
    }

    /**
     * The mandate under a share lock held to the end of the caller's transaction: a revocation (which locks it for
     * update) comes wholly before or wholly after a broker's action under it.
     */
    public Optional<Mandate> lockShared(String id) {
        return jdbc.sql("select " + COLUMNS + " from mandate where id = ? for share")
                .param(id)
                .query(Mandates::map)
                .optional();
    }

    /** Every mandate between the broker and the client, newest first. */
    public List<Mandate> between(String brokerId, String clientId) {
        return jdbc.sql("select " + COLUMNS + " from mandate where broker_id = ? and client_id = ?"
                        + " order by created_at desc, id desc")
                .params(brokerId, clientId)
                .query(Mandates::map)
                .list();
    }

    /** The mandates the organization gave or took, newest first; every one for {@code null}. */
    public List<Mandate> of(Optional<String> organizationId, int limit) {
        return organizationId
                .map(org -> jdbc.sql("select " + COLUMNS + " from mandate where broker_id = :org or client_id = :org"
                                + " order by created_at desc, id desc limit :limit")
                        .param("org", org)
                        .param("limit", limit))
                .orElseGet(() -> jdbc.sql("select " + COLUMNS + " from mandate order by created_at desc, id desc"
                                + " limit :limit")
                        .param("limit", limit))
                .query(Mandates::map)
                .list();
    }

    public void recordQualification(BrokerQualification q, String recordedBy, Instant at) {
        jdbc.sql("""
                insert into broker_qualification (organization_id, number, issuer, issued_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (organization_id) do update set number = excluded.number, issuer = excluded.issuer,
                    issued_on = excluded.issued_on, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at""")
                .params(q.organizationId(), q.number(), q.issuer(), q.issuedOn(), recordedBy, Timestamp.from(at))
                .update();
    }

    public Optional<BrokerQualification> qualification(String organizationId) {
        return jdbc.sql("select organization_id, number, issuer, issued_on from broker_qualification"
                        + " where organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new BrokerQualification(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .optional();
    }

    /**
     * Claims {@code listingId} for the broker's client, or finds the client it was claimed for: the primary key makes a
     * second request for another client wait for the first and then find the first's claim.
     */
    public String claimListing(String listingId, String brokerId, String clientId, String mandateId, Instant at) {
        jdbc.sql("""
                insert into broker_listing (listing_id, broker_id, client_id, mandate_id, claimed_at)
                values (?, ?, ?, ?, ?) on conflict (listing_id, broker_id) do nothing""")
                .params(listingId, brokerId, clientId, mandateId, Timestamp.from(at))
                .update();
        return jdbc.sql("select client_id from broker_listing where listing_id = ? and broker_id = ?")
                .params(listingId, brokerId)
                .query(String.class)
                .single();
    }

    /** The broker and mandate through which {@code clientId} acted on {@code listingId}, if any. */
    public Optional<String> mandateOn(String listingId, String clientId) {
        return jdbc.sql("select mandate_id from broker_listing where listing_id = ? and client_id = ?"
                        + " order by claimed_at limit 1")
                .params(listingId, clientId)
                .query(String.class)
                .optional();
    }

    private static Mandate map(ResultSet rs, int row) throws SQLException {
        Set<MandateAction> actions = EnumSet.noneOf(MandateAction.class);
        Arrays.stream(strings(rs.getArray("actions")))
                .map(MandateAction::valueOf)
                .forEach(actions::add);
        return new Mandate(
                rs.getString("id"),
                rs.getString("broker_id"),
                rs.getString("client_id"),
                new MandateScope(
                        MandateScope.Kind.valueOf(rs.getString("scope_kind")),
                        Set.of(strings(rs.getArray("scope_ids")))),
                actions,
                rs.getInt("commission_bp"),
                Money.of(rs.getLong("commission_minimum"), rs.getString("currency")),
                rs.getTimestamp("valid_until").toInstant(),
                MandateStatus.valueOf(rs.getString("status")),
                rs.getString("proposed_by"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("confirmed_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
