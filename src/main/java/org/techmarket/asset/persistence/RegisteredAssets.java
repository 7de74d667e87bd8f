package org.techmarket.asset.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.asset.AssetBrief;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.AssetTitle;
import org.techmarket.asset.Assets;
import org.techmarket.asset.LegalStatus;
import org.techmarket.asset.domain.Asset;
import org.techmarket.asset.domain.OwnerShare;
import org.techmarket.asset.domain.RegistrationStatus;
import org.techmarket.shared.ReadsTogether;

/** The asset and asset_owner tables. */
@Repository
public class RegisteredAssets {

    private static final String COLUMNS = """
            a.id, a.kind, a.title, a.abstract, a.language, a.patent_number, array_to_string(a.ipc, ';') as ipc,
            array_to_string(a.industries, ';') as industries, a.legal_status, a.filed_on, a.granted_on, a.expires_on,
            a.trl, a.registered_by, a.created_at, a.updated_at, a.version, a.registration""";

    /** The first key of the two-key advisory lock on a patent number, apart from other modules' locks. */
    private static final int PATENT_NUMBER_LOCK_SPACE = 0x50415445; // "PATE"

    private final JdbcClient jdbc;

    RegisteredAssets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters for listing assets; empty means any. */
    public record Filter(Optional<String> owner, Optional<String> industry, Optional<AssetKind> kind) {}

    public void add(Asset asset) {
        Asset.AssetDetails d = asset.details();
        jdbc.sql("""
                insert into asset (id, kind, title, abstract, language, patent_number, ipc, industries, legal_status,
                    filed_on, granted_on, expires_on, trl, registered_by, created_at, updated_at, version, registration)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ';'), string_to_array(?, ';'), ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?)""")
                .params(
                        asset.id(),
                        d.kind().name(),
                        d.title(),
                        d.abstractText(),
                        d.language(),
                        d.patentNumber().orElse(null),
                        String.join(";", d.ipc()),
                        String.join(";", d.industries()),
                        d.legalStatus().name(),
                        date(d.filedOn()),
                        date(d.grantedOn()),
                        date(d.expiresOn()),
                        d.trl(),
                        asset.registeredBy(),
                        Timestamp.from(asset.createdAt()),
                        Timestamp.from(asset.updatedAt()),
                        asset.version(),
                        asset.registration().name())
                .update();
        insertOwners(asset);
    }

    private void insertOwners(Asset asset) {
        for (OwnerShare owner : asset.owners()) {
            boolean confirmed = asset.confirmedOwners().contains(owner.organizationId());
            jdbc.sql("insert into asset_owner (asset_id, organization_id, share_hundredths, confirmed_at)"
                            + " values (?, ?, ?, ?)")
                    .params(
                            asset.id(),
                            owner.organizationId(),
                            owner.hundredths(),
                            confirmed ? Timestamp.from(asset.updatedAt()) : null)
                    .update();
        }
    }

    /**
     * Stores the registration's standing and which owners confirmed, if the stored version is still
     * {@code expectedVersion}; false when it is not. Confirmation times already stored are kept.
     */
    public boolean storeRegistration(Asset asset, long expectedVersion) {
        boolean updated = jdbc.sql("update asset set registration = ?, updated_at = ?, version = ?"
                                + " where id = ? and version = ?")
                        .params(
                                asset.registration().name(),
                                Timestamp.from(asset.updatedAt()),
                                asset.version(),
                                asset.id(),
                                expectedVersion)
                        .update()
                == 1;
        if (updated) {
            jdbc.sql("update asset_owner set confirmed_at = ? where asset_id = ? and confirmed_at is null"
                            + " and organization_id = any(string_to_array(?, ';'))")
                    .params(Timestamp.from(asset.updatedAt()), asset.id(), String.join(";", asset.confirmedOwners()))
                    .update();
        }
        return updated;
    }

    /** Waits until no other transaction registers {@code patentNumber}, then holds it until this one ends. */
    public void lockPatentNumber(String patentNumber) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .params(PATENT_NUMBER_LOCK_SPACE, patentNumber)
                .query(rs -> {});
    }

    /**
     * The asset, share-locked until the calling transaction ends: others may read it, but its owners, registration
     * and disputes (filed under its row lock) cannot change meanwhile.
     */
    public Optional<Asset> lockShared(String id) {
        return withOwners(jdbc.sql("select " + COLUMNS + " from asset a where a.id = ? for share")
                        .param(id)
                        .query(RegisteredAssets::map)
                        .list())
                .stream()
                .findFirst();
    }

    /** Stores new details if the stored version is still {@code expectedVersion}; false when it is not. */
    public boolean update(Asset asset, long expectedVersion) {
        Asset.AssetDetails d = asset.details();
        return jdbc.sql("""
                update asset set kind = ?, title = ?, abstract = ?, language = ?, patent_number = ?,
                    ipc = string_to_array(?, ';'), industries = string_to_array(?, ';'), legal_status = ?,
                    filed_on = ?, granted_on = ?, expires_on = ?, trl = ?, updated_at = ?, version = ?
                where id = ? and version = ?""")
                        .params(
                                d.kind().name(),
                                d.title(),
                                d.abstractText(),
                                d.language(),
                                d.patentNumber().orElse(null),
                                String.join(";", d.ipc()),
                                String.join(";", d.industries()),
                                d.legalStatus().name(),
                                date(d.filedOn()),
                                date(d.grantedOn()),
                                date(d.expiresOn()),
                                d.trl(),
                                Timestamp.from(asset.updatedAt()),
                                asset.version(),
                                asset.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /** The asset, its row locked until the calling transaction ends. */
    public Optional<Asset> lock(String id) {
        return withOwners(jdbc.sql("select " + COLUMNS + " from asset a where a.id = ? for update")
                        .param(id)
                        .query(RegisteredAssets::map)
                        .list())
                .stream()
                .findFirst();
    }

    /** Stores new owners if the stored version is still {@code expectedVersion}; false when it is not. */
    public boolean replaceOwners(Asset asset, long expectedVersion) {
        boolean updated = jdbc.sql("update asset set updated_at = ?, version = ? where id = ? and version = ?")
                        .params(Timestamp.from(asset.updatedAt()), asset.version(), asset.id(), expectedVersion)
                        .update()
                == 1;
        if (!updated) {
            return false;
        }
        jdbc.sql("update asset set registration = ? where id = ?")
                .params(asset.registration().name(), asset.id())
                .update();
        jdbc.sql("delete from asset_owner where asset_id = ?").param(asset.id()).update();
        insertOwners(asset);
        return true;
    }

    public boolean patentNumberTaken(String patentNumber, Optional<String> exceptAsset) {
        return jdbc.sql("select count(*) from asset where patent_number = ? and id <> ? and registration <> 'DECLINED'")
                        .params(patentNumber, exceptAsset.orElse(""))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The asset with its owners, in one statement. */
    public Optional<Asset> find(String id) {
        return jdbc.sql(FIND_ONE)
                .param(id)
                .query(RegisteredAssets::mapWithOwners)
                .optional();
    }

    /** The assets of these ids that exist, with their owners: one statement whatever their number. */
    public List<Asset> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] distinct = ids.stream().distinct().toArray(String[]::new);
        return jdbc.sql(distinct.length == 1 ? FIND_ONE : FIND_ALL)
                .param(distinct.length == 1 ? distinct[0] : distinct)
                .query(RegisteredAssets::mapWithOwners)
                .list();
    }

    /** As {@link #findAll(Collection)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Asset>> findAll(Collection<String> ids, ReadsTogether.Batch batch) {
        if (ids.isEmpty()) {
            return ReadsTogether.Later.of(List.of());
        }
        String[] distinct = ids.stream().distinct().toArray(String[]::new);
        return distinct.length == 1
                ? batch.list(FIND_ONE, List.of(distinct[0]), RegisteredAssets::mapWithOwners)
                : batch.list(FIND_ALL, List.of((Object) distinct), RegisteredAssets::mapWithOwners);
    }

    public List<Asset> page(Filter filter, Optional<String> after, int limit) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql(page(filter, after, limit, params))
                .params(params)
                .query(RegisteredAssets::mapWithOwners)
                .list();
    }

    /** As {@link #page(Filter, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Asset>> page(
            Filter filter, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        List<Object> params = new ArrayList<>();
        return batch.list(page(filter, after, limit, params), params, RegisteredAssets::mapWithOwners);
    }

    private static String page(Filter filter, Optional<String> after, int limit, List<Object> params) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", " + OWNER_SHARES + " from asset a");
        if (filter.owner().isPresent()) {
            // read from the owner's shares in asset order (asset_owner_organization), so that a page costs its own
            // rows, not a walk of every asset to test each for the owner
            sql.append(" join asset_owner o on o.asset_id = a.id where o.organization_id = ? and o.asset_id > ?");
            params.add(filter.owner().get());
        } else {
            sql.append(" where a.id > ?");
        }
        params.add(after.orElse(""));
        filter.industry().ifPresent(industry -> {
            sql.append(" and a.industries @> array[?]::text[]");
            params.add(industry);
        });
        filter.kind().ifPresent(kind -> {
            sql.append(" and a.kind = ?");
            params.add(kind.name());
        });
        sql.append(" order by a.id limit ?");
        params.add(limit);
        return sql.toString();
    }

    /** The most assets a picker offers. */
    public static final int LISTABLE_AT_MOST = 1000;

    /** The organization's assets whose registration is complete, by title, with only the columns a picker shows. */
    public List<AssetTitle> listableBy(String organizationId) {
        return jdbc.sql(LISTABLE_BY)
                .params(organizationId, LISTABLE_AT_MOST)
                .query(RegisteredAssets::title)
                .list();
    }

    /** As {@link #listableBy(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<AssetTitle>> listableBy(String organizationId, ReadsTogether.Batch batch) {
        return batch.list(LISTABLE_BY, List.of(organizationId, LISTABLE_AT_MOST), RegisteredAssets::title);
    }

    /**
     * The owner's shares are read first and the assets by their ids. Joined, the plan kept for every organization
     * expected the demo's average of fifty assets an owner and read the whole asset table to hash it, for an
     * organization that owns two.
     */
    private static final String LISTABLE_BY = """
            select a.id, a.title from asset a
             where a.id = any(array(select o.asset_id from asset_owner o where o.organization_id = ?))
               and a.registration = 'CONFIRMED'
             order by a.title, a.id limit ?""";

    private static AssetTitle title(ResultSet rs, int row) throws SQLException {
        return new AssetTitle(rs.getString("id"), rs.getString("title"));
    }

    /**
     * The count of every asset and the newest {@code count} assets' listed columns in one statement: the count comes
     * once as a row of its own joined to the newest (none when there is no asset), so an empty registry still answers
     * one row. Neither abstracts nor owners are read: a list of the newest shows neither. The count is the sum of the
     * tally the asset table's triggers keep (V64), not a count of the table (ADR 0080).
     */
    public Assets.Newest newest(int count) {
        return jdbc.sql(newestQuery(count)).query((ResultSetExtractor<Assets.Newest>) RegisteredAssets::newest);
    }

    /** As {@link #newest(int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Assets.Newest> newest(int count, ReadsTogether.Batch batch) {
        return batch.query(newestQuery(count), List.of(), RegisteredAssets::newest);
    }

    // The count is written into the statement, not bound: with a bound limit PostgreSQL planned it on every execution.
    private static String newestQuery(int count) {
        return """
                select n.registered, a.id, a.kind, a.title, a.legal_status,
                       array_to_string(a.ipc, ';') as ipc, array_to_string(a.industries, ';') as industries
                  from (select coalesce(sum(assets), 0) as registered from asset_tally) n
                  left join lateral (select id, kind, title, legal_status, ipc, industries
                                       from asset order by id desc limit %d) a on true
                 order by a.id desc""".formatted(count);
    }

    private static Assets.Newest newest(ResultSet rs) throws SQLException {
        long registered = 0;
        List<AssetBrief> newest = new ArrayList<>();
        while (rs.next()) {
            registered = rs.getLong("registered");
            String id = rs.getString("id");
            if (id != null) {
                newest.add(new AssetBrief(
                        id,
                        AssetKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        LegalStatus.valueOf(rs.getString("legal_status")),
                        split(rs.getString("ipc")),
                        split(rs.getString("industries"))));
            }
        }
        return new Assets.Newest(registered, newest);
    }

    /** The asset and those sharing an IPC main group with it or its kind and a future industry, newest first. */
    public List<Asset> alike(String assetId, int limit) {
        return withOwners(jdbc.sql("select " + COLUMNS + """
                         from asset a, asset s
                        where s.id = ? and a.registration <> 'DECLINED'
                          and (a.id = s.id
                               or exists (select 1 from unnest(a.ipc) c, unnest(s.ipc) t
                                           where split_part(c, '/', 1) = split_part(t, '/', 1))
                               or (a.kind = s.kind and a.industries && s.industries))
                        order by a.id desc limit ?""")
                .params(assetId, limit)
                .query(RegisteredAssets::map)
                .list());
    }

    /** Whether the organization holds a share of any of these assets, in one statement. */
    public boolean anyOwnedBy(Collection<String> ids, String organizationId) {
        return jdbc.sql("select exists (select 1 from asset_owner where asset_id = any(string_to_array(?, ';'))"
                        + " and organization_id = ?)")
                .params(String.join(";", ids), organizationId)
                .query(Boolean.class)
                .single();
    }

    private List<Asset> withOwners(List<Asset> assets) {
        if (assets.isEmpty()) {
            return assets;
        }
        Map<String, List<OwnerShare>> owners = new LinkedHashMap<>();
        Map<String, Set<String>> confirmed = new HashMap<>();
        jdbc.sql("""
                select asset_id, organization_id, share_hundredths, confirmed_at is not null as confirmed
                from asset_owner where asset_id = any(string_to_array(?, ';'))
                order by asset_id, share_hundredths desc, organization_id""")
                .param(String.join(";", assets.stream().map(Asset::id).toList()))
                .query(rs -> {
                    owners.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new OwnerShare(rs.getString(2), rs.getInt(3)));
                    if (rs.getBoolean(4)) {
                        confirmed
                                .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                                .add(rs.getString(2));
                    }
                });
        return assets.stream()
                .map(a -> new Asset(
                        a.id(),
                        a.details(),
                        owners.getOrDefault(a.id(), List.of()),
                        a.registeredBy(),
                        a.createdAt(),
                        a.updatedAt(),
                        a.version(),
                        confirmed.getOrDefault(a.id(), Set.of()),
                        a.registration()))
                .toList();
    }

    /**
     * Each asset's owners as one text, "organization:share:confirmed" for each in the order {@link #withOwners} reads
     * them, joined by semicolons: a page of assets is then one statement with its owners. Ids hold neither separator.
     */
    private static final String OWNER_SHARES = """
            (select string_agg(s.organization_id || ':' || s.share_hundredths || ':' || (s.confirmed_at is not null),
                               ';' order by s.share_hundredths desc, s.organization_id)
               from asset_owner s where s.asset_id = a.id) as owner_shares""";

    private static final String FIND_ONE = "select " + COLUMNS + ", " + OWNER_SHARES + " from asset a where a.id = ?";

    /**
     * Several assets by id. Only for two or more: PostgreSQL plans {@code = any(?)} anew on every call (ADR 0116),
     * which cost a listing's page more than reading its one asset did; {@link #FIND_ONE} keeps its plan.
     */
    private static final String FIND_ALL =
            "select " + COLUMNS + ", " + OWNER_SHARES + " from asset a where a.id = any(?)";

    private static Asset mapWithOwners(ResultSet rs, int row) throws SQLException {
        Asset a = map(rs, row);
        List<OwnerShare> owners = new ArrayList<>();
        Set<String> confirmed = new HashSet<>();
        for (String share : split(rs.getString("owner_shares"))) {
            String[] parts = share.split(":");
            owners.add(new OwnerShare(parts[0], Integer.parseInt(parts[1])));
            if (Boolean.parseBoolean(parts[2])) {
                confirmed.add(parts[0]);
            }
        }
        return new Asset(
                a.id(),
                a.details(),
                owners,
                a.registeredBy(),
                a.createdAt(),
                a.updatedAt(),
                a.version(),
                confirmed,
                a.registration());
    }

    private static Asset map(ResultSet rs, int row) throws SQLException {
        Asset.AssetDetails details = new Asset.AssetDetails(
                AssetKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("abstract"),
                rs.getString("language"),
                Optional.ofNullable(rs.getString("patent_number")),
                split(rs.getString("ipc")),
                split(rs.getString("industries")),
                LegalStatus.valueOf(rs.getString("legal_status")),
                localDate(rs.getDate("filed_on")),
                localDate(rs.getDate("granted_on")),
                localDate(rs.getDate("expires_on")),
                rs.getInt("trl"));
        return new Asset(
                rs.getString("id"),
                details,
                List.of(),
                rs.getString("registered_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"),
                Set.of(),
                RegistrationStatus.valueOf(rs.getString("registration")));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    private static Optional<LocalDate> localDate(Date date) {
        return Optional.ofNullable(date).map(Date::toLocalDate);
    }

    private static Date date(Optional<LocalDate> date) {
        return date.map(Date::valueOf).orElse(null);
    }
}
