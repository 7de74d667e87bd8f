package org.techmarket.statistics.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadReplica;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.statistics.domain.Cell;
import org.techmarket.statistics.domain.OpenDataQuery;
import org.techmarket.statistics.domain.Report;

/**
 * Reads the read models, one statement per question, and the same sums computed over the raw tables; rebuilds the
 * read models from the raw tables when they are empty.
 */
@Repository
public class Cubes {

    private static final Map<Cube, String> FACTS = Map.of(
            Cube.DEAL_MONTHS, RawFacts.DEALS,
            Cube.DEAL_CELLS, RawFacts.DEALS,
            Cube.FLOWS, RawFacts.COMPLETIONS,
            Cube.FUNNEL, RawFacts.LISTINGS,
            Cube.SALES, RawFacts.SALES,
            Cube.OPEN_LICENCES, RawFacts.OPEN_LICENCES);

    private final JdbcClient jdbc;
    private final ReadReplica replica;

    Cubes(JdbcClient jdbc, ReadReplica replica) {
        this.jdbc = jdbc;
        this.replica = replica;
    }

    /**
     * The query's cells as the read models hold them, read from the read replica when it is fresh enough: the read
     * models already follow the market by a few seconds, since they are kept by listeners after each commit.
     */
    public List<Cell> cells(OpenDataQuery query) {
        return run(replica.reads(), Cube.of(query).select(query), query.report());
    }

    /**
     * As {@link #cells(OpenDataQuery)}, read with the other queries of {@code batch} while such reads go to the
     * primary, and at once from the replica otherwise.
     */
    public ReadsTogether.Later<List<Cell>> cells(OpenDataQuery query, ReadsTogether.Batch batch) {
        if (!replica.readsPrimary()) {
            return ReadsTogether.Later.of(cells(query));
        }
        Cube.Statement statement = Cube.of(query).select(query);
        int keys = statement.keys();
        int sums = query.report().measures().size();
        return batch.list(statement.sql(), statement.params(), (rs, n) -> cell(rs, keys, sums));
    }

    /** The query's cells summed over the raw tables instead: what the read models must agree with. */
    public List<Cell> cellsFromRawTables(OpenDataQuery query) {
        Cube cube = Cube.of(query);
        return run(jdbc, cube.over(FACTS.get(cube)).select(query), query.report());
    }

    /** Each completed deal's value summed by industry, from the read model (on the read replica when fresh enough). */
    public Map<String, long[]> dealsByIndustry(java.util.Collection<String> provinces) {
        String[] named = provinces.toArray(String[]::new);
        return replica.reads().sql(DEALS_BY_INDUSTRY).params(named, named).query((ResultSetExtractor<
                        Map<String, long[]>>)
                Cubes::dealsByIndustry);
    }

    /**
     * As {@link #dealsByIndustry(java.util.Collection)}, read with the other queries of {@code batch} while such reads
     * go to the primary, and at once from the replica otherwise.
     */
    public ReadsTogether.Later<Map<String, long[]>> dealsByIndustry(
            java.util.Collection<String> provinces, ReadsTogether.Batch batch) {
        if (!replica.readsPrimary()) {
            return ReadsTogether.Later.of(dealsByIndustry(provinces));
        }
        String[] named = provinces.toArray(String[]::new);
        return batch.query(DEALS_BY_INDUSTRY, List.of(named, named), Cubes::dealsByIndustry);
    }

    private static final String DEALS_BY_INDUSTRY = "select industry, sum(deals)::bigint, sum(value)::bigint"
            + " from stat_deal_month where cardinality(?::text[]) = 0 or province = any(?::text[])"
            + " group by industry order by industry";

    private static Map<String, long[]> dealsByIndustry(ResultSet rs) throws SQLException {
        Map<String, long[]> values = new java.util.LinkedHashMap<>();
        while (rs.next()) {
            values.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
        return values;
    }

    /**
     * Fills the read models from the raw tables and records every fact they count as applied, unless some fact was
     * applied already; true when it rebuilt. The read models are locked meanwhile, so an event handled at the same
     * time waits and then finds its fact applied.
     */
    public boolean rebuildIfEmpty() {
        jdbc.sql("lock table stat_applied_fact in exclusive mode").update();
        boolean empty = jdbc.sql("select not exists (select 1 from stat_applied_fact)")
                .query(Boolean.class)
                .single();
        if (!empty) {
            return false;
        }
        FACTS.forEach((cube, facts) -> jdbc.sql(cube.rebuildFrom(facts)).update());
        jdbc.sql("insert into stat_listing_cohort (listing_id, industry, mechanism, month)"
                        + " select listing_id, industry, mechanism, month from (" + RawFacts.LISTINGS + ") f")
                .update();
        String applied = "insert into stat_applied_fact (key, applied_at) select key, now() from (%s) k"
                + " on conflict do nothing";
        jdbc.sql(applied.formatted("select 'deal:' || deal_id || ':COMPLETED' as key from (" + RawFacts.COMPLETIONS
                        + ") f union all select 'deal:' || deal_id || ':REGISTERED' from (" + RawFacts.REGISTRATIONS
                        + ") r union all select 'open-licence:' || grant_id from (" + RawFacts.OPEN_LICENCES + ") o"))
                .update();
        jdbc.sql(applied.formatted("select 'listing:' || listing_id || ':' || stage as key from (" + RawFacts.LISTINGS
                        + ") f cross join lateral (values ('LISTED', listed), ('BID_ON', bid_on),"
                        + " ('AWARDED', awarded), ('COMPLETED', completed)) s (stage, reached) where reached = 1"))
                .update();
        return true;
    }

    private static List<Cell> run(JdbcClient jdbc, Cube.Statement statement, Report report) {
        int keys = statement.keys();
        int sums = report.measures().size();
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> cell(rs, keys, sums))
                .list();
    }

    private static Cell cell(ResultSet rs, int keys, int sums) throws SQLException {
        List<String> values = new ArrayList<>(keys);
        for (int i = 1; i <= keys; i++) {
            values.add(rs.getString(i));
        }
        long[] totals = new long[sums];
        for (int i = 0; i < sums; i++) {
            totals[i] = rs.getLong(keys + 1 + i);
        }
        return new Cell(values, totals);
    }
}
