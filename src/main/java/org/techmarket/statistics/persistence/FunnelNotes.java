package org.techmarket.statistics.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.statistics.persistence.ReadModel.Cohort;
import org.techmarket.statistics.persistence.ReadModel.FunnelStage;

/**
 * Funnel facts noted in the transaction of the step that passed them, one row per fact, and folded later into the
 * funnel's cells: a batch of notes is taken with its rows locked, claimed as facts, added to its cells and deleted,
 * all in the caller's transaction, so a note is counted once or, rolled back, waits for the next fold.
 */
@Repository
public class FunnelNotes {

    private final JdbcClient jdbc;

    FunnelNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fact waiting to be counted: its key, its listing, stage and cohort's mechanism and month, and first asset. */
    public record Note(
            String key,
            String listingId,
            FunnelStage stage,
            String mechanism,
            LocalDate month,
            Optional<String> assetId) {}

    /** Notes the fact; a fact noted already is left as it is. */
    public void note(Note note, Instant at) {
        jdbc.sql("insert into stat_funnel_pending (key, listing_id, stage, mechanism, month, asset_id, noted_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        note.key(),
                        note.listingId(),
                        note.stage().name(),
                        note.mechanism(),
                        note.month(),
                        note.assetId().orElse(null),
                        Timestamp.from(at))
                .update();
    }

    /**
     * Up to {@code limit} notes, oldest first, each with its listing's cohort when the read models know it, locked
     * until the caller's transaction ends; notes another fold holds are passed over.
     */
    public List<Taken> take(int limit) {
        return jdbc.sql("select p.key, p.listing_id, p.stage, p.mechanism, p.month, p.asset_id, c.industry,"
                        + " c.mechanism as cohort_mechanism, c.month as cohort_month from stat_funnel_pending p"
                        + " left join stat_listing_cohort c on c.listing_id = p.listing_id"
                        + " order by p.noted_at, p.key limit ? for update of p skip locked")
                .param(limit)
                .query((rs, n) -> new Taken(
                        new Note(
                                rs.getString("key"),
                                rs.getString("listing_id"),
                                FunnelStage.valueOf(rs.getString("stage")),
                                rs.getString("mechanism"),
                                rs.getDate("month").toLocalDate(),
                                Optional.ofNullable(rs.getString("asset_id"))),
                        rs.getString("industry") == null
                                ? Optional.empty()
                                : Optional.of(new Cohort(
                                        rs.getString("industry"),
                                        rs.getString("cohort_mechanism"),
                                        rs.getDate("cohort_month").toLocalDate()))))
                .list();
    }

    /** A note taken for folding, with its listing's cohort if the read models know it. */
    public record Taken(Note note, Optional<Cohort> cohort) {}

    /**
     * Claims the facts of {@code keys} as {@link ReadModel#claim} does, in one statement, in the keys' order; answers
     * those that were new (the others were counted before: by an award that implied the bid, or by a rebuild).
     */
    public Set<String> claimAll(Collection<String> keys, Instant at) {
        String[] sorted = keys.stream().sorted().toArray(String[]::new);
        return new HashSet<>(jdbc.sql("insert into stat_applied_fact (key, applied_at)"
                        + " select k, ? from unnest(cast(? as text[])) with ordinality as u (k, n) order by n"
                        + " on conflict do nothing returning key")
                .params(Timestamp.from(at), sorted)
                .query(String.class)
                .list());
    }

    /** Adds {@code counts} listings to the stage of each cohort, with one statement for all the cohorts. */
    public void addToFunnel(FunnelStage stage, Map<Cohort, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<Cohort, Long>> cells = List.copyOf(counts.entrySet());
        String column = stage.column();
        jdbc.sql("insert into stat_funnel_cell (industry, mechanism, month, " + column + ")"
                        + " select i, m, d, n from unnest(cast(? as text[]), cast(? as text[]), cast(? as date[]),"
                        + " cast(? as bigint[])) as c (i, m, d, n)"
                        + " on conflict (industry, mechanism, month) do update set " + column
                        + " = stat_funnel_cell." + column + " + excluded." + column)
                .params(
                        cells.stream().map(e -> e.getKey().industry()).toArray(String[]::new),
                        cells.stream().map(e -> e.getKey().mechanism()).toArray(String[]::new),
                        cells.stream()
                                .map(e -> java.sql.Date.valueOf(e.getKey().month()))
                                .toArray(java.sql.Date[]::new),
                        cells.stream().map(Map.Entry::getValue).toArray(Long[]::new))
                .update();
    }

    /** Remembers the cohorts of listings the read models did not know, as {@link ReadModel#rememberCohort} does. */
    public void rememberCohorts(Map<String, Cohort> byListing) {
        byListing.forEach((listing, cohort) -> jdbc.sql("insert into stat_listing_cohort (listing_id, industry,"
                        + " mechanism, month) values (?, ?, ?, ?) on conflict do nothing")
                .params(listing, cohort.industry(), cohort.mechanism(), cohort.month())
                .update());
    }

    /** Deletes the folded notes. */
    public void forget(Collection<String> keys) {
        jdbc.sql("delete from stat_funnel_pending where key = any(?)")
                .param(keys.toArray(String[]::new))
                .update();
    }
}
