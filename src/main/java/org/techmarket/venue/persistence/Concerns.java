package org.techmarket.venue.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Concerns venues raised about organizations another venue verified. */
@Repository
public class Concerns {

    private final JdbcClient jdbc;

    Concerns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A concern as recorded. */
    public record Concern(
            String id,
            String organizationId,
            String verifyingVenueId,
            String raisedByVenueId,
            String raisedBy,
            String reason,
            Instant raisedAt) {}

    public void add(Concern c) {
        jdbc.sql("insert into venue_concern (id, organization_id, verifying_venue, raised_by_venue, raised_by, reason,"
                        + " raised_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.organizationId(),
                        c.verifyingVenueId(),
                        c.raisedByVenueId(),
                        c.raisedBy(),
                        c.reason(),
                        Timestamp.from(c.raisedAt()))
                .update();
    }

    /** The concerns raised about organizations the venue verified, or raised by it, newest first. */
    public List<Concern> ofVenue(String venueId, int limit) {
        return jdbc.sql("select id, organization_id, verifying_venue, raised_by_venue, raised_by, reason, raised_at"
                        + " from venue_concern where verifying_venue = ? or raised_by_venue = ?"
                        + " order by raised_at desc, id limit ?")
                .params(venueId, venueId, limit)
                .query((rs, n) -> new Concern(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
