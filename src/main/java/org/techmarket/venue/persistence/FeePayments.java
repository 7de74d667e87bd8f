package org.techmarket.venue.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.DealFees.FeePaid;

/** Every fee paid out of a deal, as the listing venue and the introducing venue shared it. */
@Repository
public class FeePayments {

    private final JdbcClient jdbc;

    FeePayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(FeePaid paid) {
        jdbc.sql("insert into venue_fee_payment (deal_id, listing_venue_id, introducing_venue_id, currency, fee_fen,"
                        + " listing_venue_fen, introducer_fen, paid_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        paid.dealId(),
                        paid.listingVenueId(),
                        paid.introducingVenueId().orElse(null),
                        paid.fee().currency(),
                        paid.fee().minor(),
                        paid.listingVenueFen(),
                        paid.introducerFen(),
                        Timestamp.from(paid.at()))
                .update();
    }

    /** One line of a venue's fee statement: the deal, the whole fee, the venue's part and why it has it. */
    public record Line(
            long id,
            String dealId,
            String currency,
            long feeFen,
            long toVenueFen,
            String role,
            String listingVenueId,
            Optional<String> introducingVenueId,
            Instant paidAt) {}

    /** What the venue received in {@code [from, to)}, as listing venue or as introducer, oldest first. */
    public List<Line> statement(String venueId, Instant from, Instant to, int limit) {
        return jdbc.sql("select id, deal_id, currency, fee_fen,"
                        + " case when listing_venue_id = ? then listing_venue_fen else introducer_fen end,"
                        + " case when listing_venue_id = ? then 'LISTING_VENUE' else 'INTRODUCING_VENUE' end,"
                        + " listing_venue_id, introducing_venue_id, paid_at from venue_fee_payment"
                        + " where (listing_venue_id = ? or introducing_venue_id = ?) and paid_at >= ? and paid_at < ?"
                        + " order by paid_at, id limit ?")
                .params(venueId, venueId, venueId, venueId, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        Optional.ofNullable(rs.getString(8)),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The period's totals for the venue in one currency: as listing venue, as introducer, and the deals counted. */
    public record Totals(long asListingVenueFen, long asIntroducerFen, long payments) {}

    public Totals totals(String venueId, String currency, Instant from, Instant to) {
        return jdbc.sql("select coalesce(sum(case when listing_venue_id = ? then listing_venue_fen else 0 end), 0),"
                        + " coalesce(sum(case when introducing_venue_id = ? then introducer_fen else 0 end), 0),"
                        + " count(*) from venue_fee_payment where (listing_venue_id = ? or introducing_venue_id = ?)"
                        + " and currency = ? and paid_at >= ? and paid_at < ?")
                .params(venueId, venueId, venueId, venueId, currency, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }
}
