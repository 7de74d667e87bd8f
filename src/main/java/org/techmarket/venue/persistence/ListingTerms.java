package org.techmarket.venue.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fee schedule and rulebook versions each listing was approved under on its venue (0: none was set). */
@Repository
public class ListingTerms {

    private final JdbcClient jdbc;

    ListingTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A listing's terms at approval. */
    public record Terms(
            String listingId, String venueId, int feeScheduleVersion, int rulebookVersion, Instant approvedAt) {}

    /** Records the terms once; a second delivery of the same approval changes nothing. */
    public void record(Terms t) {
        jdbc.sql("insert into venue_listing_terms (listing_id, venue_id, fee_schedule_version, rulebook_version,"
                        + " approved_at) values (?, ?, ?, ?, ?) on conflict (listing_id) do nothing")
                .params(
                        t.listingId(),
                        t.venueId(),
                        t.feeScheduleVersion(),
                        t.rulebookVersion(),
                        Timestamp.from(t.approvedAt()))
                .update();
    }

    public Optional<Terms> find(String listingId) {
        return jdbc.sql("select listing_id, venue_id, fee_schedule_version, rulebook_version, approved_at"
                        + " from venue_listing_terms where listing_id = ?")
                .param(listingId)
                .query((rs, n) -> new Terms(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }
}
