package org.techmarket.venue.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.venue.domain.CrossListing;

/** Listings offered on venues other than their own. */
@Repository
public class CrossListings {

    private static final String COLUMNS =
            "listing_id, venue_id, listing_venue_id, requested_by, requested_at, approved_by, approved_at";

    private final JdbcClient jdbc;

    CrossListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the request; false when the listing was already asked for on that venue. */
    public boolean add(CrossListing c) {
        return jdbc.sql("insert into venue_cross_listing (listing_id, venue_id, listing_venue_id, status, requested_by,"
                                + " requested_at) values (?, ?, ?, 'REQUESTED', ?, ?) on conflict do nothing")
                        .params(
                                c.listingId(),
                                c.venueId(),
                                c.listingVenueId(),
                                c.requestedBy(),
                                Timestamp.from(c.requestedAt()))
                        .update()
                == 1;
    }

    public Optional<CrossListing> lock(String listingId, String venueId) {
        return jdbc.sql("select " + COLUMNS
                        + " from venue_cross_listing where listing_id = ? and venue_id = ? for update")
                .params(listingId, venueId)
                .query(CrossListings::map)
                .optional();
    }

    public void approve(CrossListing c) {
        jdbc.sql("update venue_cross_listing set status = 'APPROVED', approved_by = ?, approved_at = ?"
                        + " where listing_id = ? and venue_id = ?")
                .params(
                        c.approvedBy().orElseThrow(),
                        Timestamp.from(c.approvedAt().orElseThrow()),
                        c.listingId(),
                        c.venueId())
                .update();
    }

    /** Whether the listing is cross-listed, approved, on the venue. */
    public boolean approvedOn(String listingId, String venueId) {
        return jdbc.sql("select count(*) from venue_cross_listing where listing_id = ? and venue_id = ?"
                                + " and status = 'APPROVED'")
                        .params(listingId, venueId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The venue's cross-listings in both directions (on it, and of its listings elsewhere), newest first. */
    public List<CrossListing> ofVenue(String venueId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from venue_cross_listing where venue_id = ? or listing_venue_id = ?"
                        + " order by requested_at desc, listing_id limit ?")
                .params(venueId, venueId, limit)
                .query(CrossListings::map)
                .list();
    }

    public List<CrossListing> ofListing(String listingId) {
        return jdbc.sql("select " + COLUMNS + " from venue_cross_listing where listing_id = ? order by venue_id")
                .param(listingId)
                .query(CrossListings::map)
                .list();
    }

    private static CrossListing map(ResultSet rs, int n) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp(7);
        return new CrossListing(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(approvedAt).map(Timestamp::toInstant));
    }
}
