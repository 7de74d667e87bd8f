package org.techmarket.venue.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A venue's figures, read in one statement from the venue module's own records. */
@Repository
public class VenueFigures {

    private final JdbcClient jdbc;

    VenueFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a venue has done so far: fees are in CNY fen. */
    public record Figures(
            long listingsApproved,
            long crossListedHere,
            long crossListedElsewhere,
            long concernsReceived,
            long dealsCharged,
            long dealsIntroduced,
            long feesAsListingVenueFen,
            long feesAsIntroducerFen) {}

    public Figures of(String venueId) {
        return jdbc.sql("select"
                        + " (select count(*) from venue_listing_terms where venue_id = :v),"
                        + " (select count(*) from venue_cross_listing where venue_id = :v and status = 'APPROVED'),"
                        + " (select count(*) from venue_cross_listing where listing_venue_id = :v and status = 'APPROVED'),"
                        + " (select count(*) from venue_concern where verifying_venue = :v),"
                        + " (select count(distinct deal_id) from venue_fee_payment where listing_venue_id = :v),"
                        + " (select count(distinct deal_id) from venue_fee_payment where introducing_venue_id = :v),"
                        + " (select coalesce(sum(listing_venue_fen), 0) from venue_fee_payment"
                        + " where listing_venue_id = :v and currency = 'CNY'),"
                        + " (select coalesce(sum(introducer_fen), 0) from venue_fee_payment"
                        + " where introducing_venue_id = :v and currency = 'CNY')")
                .param("v", venueId)
                .query((rs, n) -> new Figures(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8)))
                .single();
    }
}
