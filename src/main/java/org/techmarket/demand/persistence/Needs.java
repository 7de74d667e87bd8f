package org.techmarket.demand.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.demand.domain.Budget;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedDetails;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.demand.domain.Visibility;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/** The needs and challenges posted, with what may change of them: their status. */
@Repository
public class Needs {

    private static final String COLUMNS = "id, kind, organization_id, title, description, industries, ipc, region,"
            + " currency, budget_min, budget_max, deadline, visibility, status, created_at, updated_at";

    /**
     * Who reads: a verified organization's members see VERIFIED_ONLY needs too; every organization sees its own drafts;
     * operators and regulators see everything.
     */
    public record Reader(Optional<String> organizationId, boolean verified, boolean seesEverything) {

        public static final Reader ANONYMOUS = new Reader(Optional.empty(), false, false);
    }

    /** The list's filters; each empty means "any". */
    public record Filter(
            Optional<NeedKind> kind,
            Optional<NeedStatus> status,
            Optional<String> industry,
            Optional<String> region,
            Optional<String> organizationId) {}

    private final JdbcClient jdbc;

    Needs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Need need) {
        NeedDetails d = need.details();
        jdbc.sql("insert into need (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        need.id(),
                        need.kind().name(),
                        need.organizationId(),
                        d.title(),
                        d.description(),
                        d.industries().toArray(String[]::new),
                        d.ipc().toArray(String[]::new),
                        d.region(),
                        d.budget().currency(),
                        d.budget().min().minor(),
                        d.budget().max().minor(),
                        Timestamp.from(d.deadline()),
                        d.visibility().name(),
                        need.status().name(),
                        Timestamp.from(need.createdAt()),
                        Timestamp.from(need.updatedAt()))
                .update();
    }

    public void updateStatus(Need need) {
        jdbc.sql("update need set status = ?, updated_at = ? where id = ?")
                .params(need.status().name(), Timestamp.from(need.updatedAt()), need.id())
                .update();
    }

    public Optional<Need> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from need where id = ?")
                .param(id)
                .query(Needs::map)
                .optional();
    }

    /** As {@link #find(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<Need>> find(String id, ReadsTogether.Batch batch) {
        return batch.optional("select " + COLUMNS + " from need where id = ?", List.of(id), Needs::map);
    }

    /** Reads the need and locks its row until the transaction ends, so steps on it (and its challenge) run in turn. */
    public Optional<Need> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from need where id = ? for update")
                .param(id)
                .query(Needs::map)
                .optional();
    }

    /** The needs of these ids, in any order. */
    public List<Need> all(Collection<String> ids) {
        return jdbc.sql("select " + COLUMNS + " from need where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(Needs::map)
                .list();
    }

    /** Newest first, up to {@code limit + 1} the reader may see, after the cursor's id. */
    public List<Need> page(Reader reader, Filter filter, Optional<String> after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from need where true");
        List<Object> params = new ArrayList<>();
        visibleTo(reader, sql, params);
        filter.kind().ifPresent(k -> add(sql, params, " and kind = ?", k.name()));
        filter.status().ifPresent(s -> add(sql, params, " and status = ?", s.name()));
        filter.industry().ifPresent(i -> add(sql, params, " and industries @> array[?]::text[]", i));
        filter.region().ifPresent(r -> add(sql, params, " and region like ?", provincePrefix(r) + "%"));
        filter.organizationId().ifPresent(o -> add(sql, params, " and organization_id = ?", o));
        after.ifPresent(id -> add(sql, params, " and id < ?", id));
        sql.append(" order by id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Needs::map).list();
    }

    /** A published need or challenge with only what a list of them shows; {@code reward} is a challenge's. */
    public record Line(
            String id,
            boolean challenge,
            String organizationId,
            String title,
            Money budgetMax,
            Instant deadline,
            Optional<Money> reward) {}

    /**
     * The newest published needs and challenges the reader may see, at most {@code limit}, with each challenge's reward:
     * one statement of the columns a list shows, no description, terms or milestones.
     */
    public List<Line> lines(Reader reader, Optional<NeedKind> kind, int limit) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql(lines(reader, kind, limit, params))
                .params(params)
                .query(Needs::line)
                .list();
    }

    /** As {@link #lines(Reader, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Line>> lines(
            Reader reader, Optional<NeedKind> kind, int limit, ReadsTogether.Batch batch) {
        List<Object> params = new ArrayList<>();
        return batch.list(lines(reader, kind, limit, params), params, Needs::line);
    }

    private static String lines(Reader reader, Optional<NeedKind> kind, int limit, List<Object> params) {
        StringBuilder sql = new StringBuilder(
                "select n.id, n.kind, n.organization_id, n.title, n.currency, n.budget_max,"
                        + " n.deadline, c.reward from need n left join challenge c on c.need_id = n.id where status = 'PUBLISHED'");
        visibleTo(reader, sql, params);
        kind.ifPresent(k -> add(sql, params, " and kind = ?", k.name()));
        sql.append(" order by n.id desc limit ?");
        params.add(limit);
        return sql.toString();
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        long reward = rs.getLong("reward");
        Optional<Money> challengeReward = rs.wasNull() ? Optional.empty() : Optional.of(Money.of(reward, currency));
        return new Line(
                rs.getString("id"),
                NeedKind.valueOf(rs.getString("kind")) == NeedKind.CHALLENGE,
                rs.getString("organization_id"),
                rs.getString("title"),
                Money.of(rs.getLong("budget_max"), currency),
                rs.getTimestamp("deadline").toInstant(),
                challengeReward);
    }

    /** The published needs the reader may see, for matching an asset against them (at most {@code limit}). */
    public List<Need> published(Reader reader, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from need where status = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        visibleTo(reader, sql, params);
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Needs::map).list();
    }

    /** Published needs whose deadline has come, most overdue first. */
    public List<String> dueForExpiry(Instant asOf, int limit) {
        return jdbc.sql("select id from need where status = 'PUBLISHED' and deadline <= ? order by deadline limit ?")
                .params(Timestamp.from(asOf), limit)
                .query(String.class)
                .list();
    }

    /** The need, locked, when it is still published past its deadline and no other node holds it. */
    public Optional<Need> claimForExpiry(String id, Instant asOf) {
        return jdbc.sql("select " + COLUMNS + " from need where id = ? and status = 'PUBLISHED' and deadline <= ?"
                        + " for update skip locked")
                .params(id, Timestamp.from(asOf))
                .query(Needs::map)
                .optional();
    }

    /** Up to {@code limit} ids of published needs of a kind after {@code after} ({@code null} first), ascending. */
    public List<String> publishedIds(NeedKind kind, String after, int limit) {
        return jdbc.sql("select id from need where kind = ? and status = 'PUBLISHED' and id > ? order by id limit ?")
                .params(kind.name(), after == null ? "" : after, limit)
                .query(String.class)
                .list();
    }

    private static void visibleTo(Reader reader, StringBuilder sql, List<Object> params) {
        if (reader.seesEverything()) {
            return;
        }
        sql.append(reader.verified() ? " and (status <> 'DRAFT'" : " and (status <> 'DRAFT' and visibility = 'PUBLIC'");
        reader.organizationId().ifPresent(org -> {
            sql.append(" or organization_id = ?");
            params.add(org);
        });
        sql.append(")");
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, Object param) {
        sql.append(clause);
        params.add(param);
    }

    /** A province's code stands for its cities: 440000 finds 440300. */
    private static String provincePrefix(String region) {
        return region.endsWith("0000") ? region.substring(0, 2) : region;
    }

    private static Need map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        NeedDetails details = new NeedDetails(
                rs.getString("title"),
                rs.getString("description"),
                strings(rs.getArray("industries")),
                strings(rs.getArray("ipc")),
                rs.getString("region"),
                new Budget(Money.of(rs.getLong("budget_min"), currency), Money.of(rs.getLong("budget_max"), currency)),
                rs.getTimestamp("deadline").toInstant(),
                Visibility.valueOf(rs.getString("visibility")));
        return new Need(
                rs.getString("id"),
                NeedKind.valueOf(rs.getString("kind")),
                rs.getString("organization_id"),
                details,
                NeedStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
