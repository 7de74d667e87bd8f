package org.techmarket.venue.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.Money;
import org.techmarket.venue.domain.FeeSchedule;
import org.techmarket.venue.domain.Rulebook;

/** Venues' fee schedules and rulebooks, every version kept. */
@Repository
public class VenueTerms {

    private static final String SCHEDULE_COLUMNS = "venue_id, version, default_basis_points, minimum_fen, maximum_fen,"
            + " introducer_share_basis_points, currency";

    private final JdbcClient jdbc;

    VenueTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the venue's row so that versions are numbered one at a time, and returns the next fee schedule's. */
    public int nextScheduleVersion(String venueId) {
        jdbc.sql("select id from venue where id = ? for update")
                .param(venueId)
                .query(String.class)
                .single();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from venue_fee_schedule where venue_id = ?")
                .param(venueId)
                .query(Integer.class)
                .single();
    }

    public int nextRulebookVersion(String venueId) {
        jdbc.sql("select id from venue where id = ? for update")
                .param(venueId)
                .query(String.class)
                .single();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from venue_rulebook where venue_id = ?")
                .param(venueId)
                .query(Integer.class)
                .single();
    }

    public void add(String venueId, FeeSchedule s, Instant at) {
        jdbc.sql("insert into venue_fee_schedule (" + SCHEDULE_COLUMNS + ", effective_from)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        venueId,
                        s.version(),
                        s.defaultBasisPoints(),
                        s.minimum().minor(),
                        s.maximum().minor(),
                        s.introducerShareBasisPoints(),
                        s.minimum().currency(),
                        Timestamp.from(at))
                .update();
        for (FeeSchedule.Rate rate : s.rates()) {
            jdbc.sql("insert into venue_fee_rate (venue_id, version, mechanism, contract_type, basis_points)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(venueId, s.version(), rate.mechanism(), rate.contractType(), rate.basisPoints())
                    .update();
        }
    }

    public void add(String venueId, Rulebook r, Instant at) {
        jdbc.sql("insert into venue_rulebook (venue_id, version, title, body, sha256, effective_from)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(venueId, r.version(), r.title(), r.text(), r.sha256(), Timestamp.from(at))
                .update();
    }

    /** The version of each venue's fee schedule and rulebook in force at {@code at}; 0 where there was none. */
    public Versions inForce(String venueId, Instant at) {
        Timestamp t = Timestamp.from(at);
        return jdbc.sql(
                        "select (select coalesce(max(version), 0) from venue_fee_schedule"
                                + " where venue_id = ? and effective_from <= ?),"
                                + " (select coalesce(max(version), 0) from venue_rulebook where venue_id = ? and effective_from <= ?)")
                .params(venueId, t, venueId, t)
                .query((rs, n) -> new Versions(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** A fee schedule and rulebook version pair; 0 means none. */
    public record Versions(int feeSchedule, int rulebook) {}

    public Optional<FeeSchedule> schedule(String venueId, int version) {
        return schedules(List.of(new Key(venueId, version))).values().stream().findFirst();
    }

    /** The latest fee schedule of each venue that has one, by venue: two statements whatever the number. */
    public Map<String, FeeSchedule> currentSchedules(Collection<String> venueIds) {
        List<Key> keys = jdbc.sql("select venue_id, max(version) from venue_fee_schedule where venue_id = any(?)"
                        + " group by venue_id")
                .param(venueIds.toArray(String[]::new))
                .query((rs, n) -> new Key(rs.getString(1), rs.getInt(2)))
                .list();
        Map<String, FeeSchedule> byVenue = new HashMap<>();
        schedules(keys).forEach((key, schedule) -> byVenue.put(key.venueId(), schedule));
        return byVenue;
    }

    /** The latest rulebook of each venue that has one, by venue. */
    public Map<String, Rulebook> currentRulebooks(Collection<String> venueIds) {
        Map<String, Rulebook> byVenue = new HashMap<>();
        jdbc.sql("select distinct on (venue_id) venue_id, version, title, body, sha256 from venue_rulebook"
                        + " where venue_id = any(?) order by venue_id, version desc")
                .param(venueIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    byVenue.put(
                            rs.getString(1),
                            new Rulebook(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return byVenue;
    }

    public Optional<Rulebook> rulebook(String venueId, int version) {
        return jdbc.sql("select version, title, body, sha256 from venue_rulebook where venue_id = ? and version = ?")
                .params(venueId, version)
                .query((rs, n) -> new Rulebook(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private record Key(String venueId, int version) {}

    private Map<Key, FeeSchedule> schedules(List<Key> keys) {
        Map<Key, FeeSchedule> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] venues = keys.stream().map(Key::venueId).toArray(String[]::new);
        Integer[] versions = keys.stream().map(Key::version).toArray(Integer[]::new);
        Map<Key, List<FeeSchedule.Rate>> rates = new HashMap<>();
        jdbc.sql("select r.venue_id, r.version, r.mechanism, r.contract_type, r.basis_points from venue_fee_rate r"
                        + " join unnest(?::text[], ?::int[]) k(venue_id, version)"
                        + " on k.venue_id = r.venue_id and k.version = r.version"
                        + " order by r.mechanism, r.contract_type")
                .params(venues, versions)
                .query((ResultSet rs) -> {
                    rates.computeIfAbsent(new Key(rs.getString(1), rs.getInt(2)), k -> new ArrayList<>())
                            .add(new FeeSchedule.Rate(rs.getString(3), rs.getString(4), rs.getInt(5)));
                });
        jdbc.sql("select s.venue_id, s.version, s.default_basis_points, s.minimum_fen, s.maximum_fen,"
                        + " s.introducer_share_basis_points, s.currency from venue_fee_schedule s"
                        + " join unnest(?::text[], ?::int[]) k(venue_id, version)"
                        + " on k.venue_id = s.venue_id and k.version = s.version")
                .params(venues, versions)
                .query((ResultSet rs) -> {
                    Key key = new Key(rs.getString(1), rs.getInt(2));
                    found.put(key, schedule(rs, rates.getOrDefault(key, List.of())));
                });
        return found;
    }

    private static FeeSchedule schedule(ResultSet rs, List<FeeSchedule.Rate> rates) throws SQLException {
        String currency = rs.getString(7);
        return new FeeSchedule(
                rs.getInt(2),
                rs.getInt(3),
                rates,
                Money.of(rs.getLong(4), currency),
                Money.of(rs.getLong(5), currency),
                rs.getInt(6));
    }
}
