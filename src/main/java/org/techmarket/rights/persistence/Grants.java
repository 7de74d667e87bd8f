package org.techmarket.rights.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.domain.Term;
import org.techmarket.shared.ReadsTogether;

/** The {@code rights_grant} table: every grant on every asset, and the queries a conflict check needs. */
@Repository
public class Grants {

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(RegisteredGrant entry, String recordedBy) {
        Grant g = entry.grant();
        jdbc.sql("""
                insert into rights_grant (id, asset_id, type, grantors, grantee_id, fields, territories, starts_on,
                    ends_on, sublicensable, pledgee_consent, status, parent_grant_id, open_licence_id, amount_due_minor,
                    amount_due_currency, cause_id, recorded_by, created_at, version)
                values (?, ?, ?, ?::text[], ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        g.id(),
                        entry.assetId(),
                        g.type().name(),
                        GrantRows.codes(g.grantors()),
                        g.grantee(),
                        GrantRows.codes(g.scope().fields()),
                        GrantRows.codes(g.scope().territories()),
                        Date.valueOf(g.scope().start()),
                        Date.valueOf(g.scope().end()),
                        g.sublicensable(),
                        g.pledgeeConsent(),
                        g.status().name(),
                        g.parentGrantId().orElse(null),
                        entry.openLicenceId().orElse(null),
                        entry.amountDue().map(a -> (Object) a.minor()).orElse(null),
                        entry.amountDue().map(a -> a.currency()).orElse(null),
                        entry.causeId().orElse(null),
                        recordedBy,
                        Timestamp.from(entry.createdAt()),
                        entry.version())
                .update();
    }

    public Optional<RegisteredGrant> find(String id) {
        return jdbc.sql("select " + GrantRows.COLUMNS + " from rights_grant where id = ?")
                .param(id)
                .query(GrantRows::map)
                .optional();
    }

    public Optional<RegisteredGrant> findByCause(String causeId) {
        return jdbc.sql("select " + GrantRows.COLUMNS + " from rights_grant where cause_id = ?")
                .param(causeId)
                .query(GrantRows::map)
                .optional();
    }

    /**
     * What a check of a grant over {@code term} needs (ADR 0004): the asset's grants that hold rights on some
     * day of the term, plus {@code parentId} and all its ancestors on the same asset.
     */
    public List<RegisteredGrant> relevantTo(String assetId, Term term, Optional<String> parentId) {
        return relevantTo(assetId, term, parentId, EnumSet.allOf(GrantType.class));
    }

    /** As {@link #relevantTo(String, Term, Optional)}, of the {@code kinds} given only, but the parent chain whole. */
    public List<RegisteredGrant> relevantTo(
            String assetId, Term term, Optional<String> parentId, Set<GrantType> kinds) {
        return jdbc.sql(RELEVANT)
                .params(relevantParams(assetId, term, parentId, kinds))
                .query(GrantRows::map)
                .list();
    }

    /** As {@link #relevantTo(String, Term, Optional)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<RegisteredGrant>> relevantTo(
            String assetId, Term term, Optional<String> parentId, ReadsTogether.Batch batch) {
        return batch.list(
                RELEVANT, relevantParams(assetId, term, parentId, EnumSet.allOf(GrantType.class)), GrantRows::map);
    }

    private static final String RELEVANT = """
            with recursive chain as (
                select * from rights_grant where id = ? and asset_id = ?
                union all
                select g.* from rights_grant g join chain c on g.id = c.parent_grant_id
            )
            select %1$s from rights_grant where asset_id = ? and starts_on < ? and effective_end > ?
                and type = any(?::text[])
            union
            select %1$s from chain""".formatted(GrantRows.COLUMNS);

    private static List<Object> relevantParams(
            String assetId, Term term, Optional<String> parentId, Set<GrantType> kinds) {
        return List.of(
                parentId.orElse(""),
                assetId,
                assetId,
                Date.valueOf(term.end()),
                Date.valueOf(term.start()),
                kinds.stream().map(Enum::name).toArray(String[]::new));
    }

    /** The asset's licences and assignments recorded after {@code after} that still hold rights on {@code day} or later. */
    public List<RegisteredGrant> grantedSince(String assetId, Instant after, LocalDate day) {
        return jdbc.sql("select " + GrantRows.COLUMNS + " from rights_grant where asset_id = ? and created_at > ?"
                        + " and type <> 'PLEDGE' and effective_end > ? order by created_at, id")
                .params(assetId, Timestamp.from(after), Date.valueOf(day))
                .query(GrantRows::map)
                .list();
    }

    /** Stores a pledge's release if it is still ACTIVE at {@code expectedVersion}; false when it is not. */
    public boolean release(RegisteredGrant released, long expectedVersion) {
        return expire(released, expectedVersion);
    }

    /** The asset's grants that still hold rights on {@code day} or later: what a declaration's check needs. */
    public List<RegisteredGrant> inForceOnOrAfter(String assetId, LocalDate day) {
        return jdbc.sql("select " + GrantRows.COLUMNS + " from rights_grant where asset_id = ? and effective_end > ?")
                .params(assetId, Date.valueOf(day))
                .query(GrantRows::map)
                .list();
    }

    /** Whether {@code licensee} holds an open licence on the asset, taken under a declaration, on {@code day} or later. */
    public boolean holdsOpenLicence(String assetId, String licensee, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from rights_grant where asset_id = ? and grantee_id = ?
                    and open_licence_id is not null and effective_end > ?)""")
                .params(assetId, licensee, Date.valueOf(day))
                .query(Boolean.class)
                .single();
    }

    /**
     * One page of the asset's grants in id order after {@code after}; with {@code party}, only the grants it
     * granted or holds.
     */
    public List<RegisteredGrant> page(String assetId, Optional<String> party, Optional<String> after, int limit) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql(page(assetId, party, after, limit, params))
                .params(params)
                .query(GrantRows::map)
                .list();
    }

    /** As {@link #page(String, Optional, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<RegisteredGrant>> page(
            String assetId, Optional<String> party, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        List<Object> params = new ArrayList<>();
        return batch.list(page(assetId, party, after, limit, params), params, GrantRows::map);
    }

    private static String page(
            String assetId, Optional<String> party, Optional<String> after, int limit, List<Object> params) {
        StringBuilder sql =
                new StringBuilder("select " + GrantRows.COLUMNS + " from rights_grant where asset_id = ? and id > ?");
        params.add(assetId);
        params.add(after.orElse(""));
        party.ifPresent(org -> {
            sql.append(" and (grantee_id = ? or ? = any (grantors))");
            params.add(org);
            params.add(org);
        });
        sql.append(" order by id limit ?");
        params.add(limit);
        return sql.toString();
    }

    /** The ids of up to {@code limit} ACTIVE grants whose term has run out by {@code today}, the earliest end first. */
    public List<String> dueToExpire(LocalDate today, int limit) {
        return jdbc.sql("select id from rights_grant where status = 'ACTIVE' and ends_on <= ? order by ends_on, id"
                        + " limit ?")
                .params(Date.valueOf(today), limit)
                .query(String.class)
                .list();
    }

    /**
     * Claims the grant if it is still ACTIVE with its term run out by {@code today}, locking it until the calling
     * transaction ends; a grant another transaction holds is skipped, so concurrent callers claim different grants.
     */
    public Optional<RegisteredGrant> claimDueToExpire(String id, LocalDate today) {
        return jdbc.sql(
                        "select " + GrantRows.COLUMNS
                                + " from rights_grant where id = ? and status = 'ACTIVE' and ends_on <= ? for update skip locked")
                .params(id, Date.valueOf(today))
                .query(GrantRows::map)
                .optional();
    }

    /** Stores a grant's expiry if it is still ACTIVE at {@code expectedVersion}; false when it is not. */
    public boolean expire(RegisteredGrant expired, long expectedVersion) {
        return jdbc.sql("""
                update rights_grant set status = ?, version = ? where id = ? and version = ? and status = 'ACTIVE'""")
                        .params(expired.grant().status().name(), expired.version(), expired.id(), expectedVersion)
                        .update()
                == 1;
    }

    /** Every sublicence carved from {@code grantId}, and theirs in turn, locked until the calling transaction ends. */
    public List<RegisteredGrant> sublicencesForUpdate(String grantId) {
        return jdbc.sql("""
                with recursive descendant as (
                    select id from rights_grant where parent_grant_id = ?
                    union
                    select g.id from rights_grant g join descendant d on g.parent_grant_id = d.id
                )
                select %s from rights_grant where id in (select id from descendant) order by id for update""".formatted(GrantRows.COLUMNS))
                .param(grantId)
                .query(GrantRows::map)
                .list();
    }

    /** Stores an early termination if the grant is still at {@code expectedVersion}; false when it is not. */
    public boolean terminate(RegisteredGrant terminated, long expectedVersion, Instant at) {
        Grant g = terminated.grant();
        return jdbc.sql("""
                update rights_grant set status = ?, terminated_from = ?, termination_reason = ?, terminated_at = ?,
                    version = ?
                where id = ? and version = ?""")
                        .params(
                                g.status().name(),
                                Date.valueOf(g.terminatedFrom().orElseThrow()),
                                terminated.terminationReason().orElseThrow(),
                                Timestamp.from(at),
                                terminated.version(),
                                g.id(),
                                expectedVersion)
                        .update()
                == 1;
    }
}
