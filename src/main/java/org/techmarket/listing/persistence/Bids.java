package org.techmarket.listing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/** The listing_bid table: every accepted bid, acceptance and purchase, in the order the sale accepted them. */
@Repository
public class Bids {

    /** One accepted command; {@code maxAmount} is a secret English proxy limit. */
    public record Bid(
            String id,
            String listingId,
            String bidderId,
            String kind,
            long amount,
            OptionalLong maxAmount,
            long sequence,
            Instant placedAt) {}

    private final JdbcClient jdbc;

    Bids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Bid b) {
        jdbc.sql("insert into listing_bid (id, listing_id, bidder_id, kind, amount, max_amount, sequence, placed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        b.id(),
                        b.listingId(),
                        b.bidderId(),
                        b.kind(),
                        b.amount(),
                        b.maxAmount().isPresent() ? b.maxAmount().getAsLong() : null,
                        b.sequence(),
                        Timestamp.from(b.placedAt()))
                .update();
    }

    /** Up to {@code limit} bids after sequence {@code after}, in order. */
    public List<Bid> after(String listingId, long after, int limit) {
        return jdbc.sql("select * from listing_bid where listing_id = ? and sequence > ? order by sequence limit ?")
                .params(listingId, after, limit)
                .query(Bids::map)
                .list();
    }

    /** The {@code limit} newest bids on a listing, newest first. */
    public List<Bid> latest(String listingId, int limit) {
        return jdbc.sql(LATEST).params(listingId, limit).query(Bids::map).list();
    }

    /** As {@link #latest(String, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Bid>> latest(String listingId, int limit, ReadsTogether.Batch batch) {
        return batch.list(LATEST, List.of(listingId, limit), Bids::map);
    }

    private static final String LATEST =
            "select * from listing_bid where listing_id = ? order by sequence desc limit ?";

    /** One bidder's bids on a listing, in order. */
    public List<Bid> of(String listingId, String bidderId) {
        return jdbc.sql(OF_BIDDER).params(listingId, bidderId).query(Bids::map).list();
    }

    /** As {@link #of(String, String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Bid>> of(String listingId, String bidderId, ReadsTogether.Batch batch) {
        return batch.list(OF_BIDDER, List.of(listingId, bidderId), Bids::map);
    }

    private static final String OF_BIDDER =
            "select * from listing_bid where listing_id = ? and bidder_id = ? order by sequence";

    /** The bidder other than {@code winnerId} with the highest maximum (earliest on a tie), and that maximum. */
    public Optional<Map.Entry<String, Long>> highestOtherMaximum(String listingId, String winnerId) {
        return jdbc.sql("select bidder_id, max(coalesce(max_amount, amount)) as maximum, min(sequence) as first"
                        + " from listing_bid where listing_id = ? and bidder_id <> ? group by bidder_id"
                        + " order by maximum desc, first limit 1")
                .params(listingId, winnerId)
                .query((rs, row) -> Map.entry(rs.getString("bidder_id"), rs.getLong("maximum")))
                .optional();
    }

    private static Bid map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long max = rs.getLong("max_amount");
        OptionalLong maxAmount = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(max);
        return new Bid(
                rs.getString("id"),
                rs.getString("listing_id"),
                rs.getString("bidder_id"),
                rs.getString("kind"),
                rs.getLong("amount"),
                maxAmount,
                rs.getLong("sequence"),
                rs.getTimestamp("placed_at").toInstant());
    }
}
