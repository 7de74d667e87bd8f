package org.techmarket.listing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/**
 * The listing_bidder table: each bidder on a listing, their public number ("Bidder 3") and their deposit. Rows are
 * written under the listing's row lock, so numbers are given without gaps in the order bidders first bid.
 */
@Repository
public class Bidders {

    /** Where a bidder's deposit stands. */
    public enum Deposit {
        NONE,
        HELD,
        RELEASED,
        KEPT
    }

    /** A bidder on a listing. */
    public record Bidder(
            String listingId, String bidderId, int alias, Optional<String> holdId, Deposit deposit, Instant joinedAt) {}

    private final JdbcClient jdbc;

    Bidders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Bidder> find(String listingId, String bidderId) {
        return jdbc.sql("select * from listing_bidder where listing_id = ? and bidder_id = ?")
                .params(listingId, bidderId)
                .query(Bidders::map)
                .optional();
    }

    /** Adds the listing's next bidder; call it with the listing's row locked. */
    public Bidder join(String listingId, String bidderId, Optional<String> holdId, Instant at) {
        Deposit deposit = holdId.isPresent() ? Deposit.HELD : Deposit.NONE;
        // The next alias is counted in the insert itself: the caller holds the listing's lock, so no other bidder
        // joins meanwhile.
        int alias = jdbc.sql("insert into listing_bidder (listing_id, bidder_id, alias, hold_id, deposit, joined_at)"
                        + " select ?, ?, count(*) + 1, ?, ?, ? from listing_bidder where listing_id = ?"
                        + " returning alias")
                .params(listingId, bidderId, holdId.orElse(null), deposit.name(), Timestamp.from(at), listingId)
                .query(Integer.class)
                .single();
        return new Bidder(listingId, bidderId, alias, holdId, deposit, at);
    }

    public void mark(String listingId, String bidderId, Deposit deposit) {
        jdbc.sql("update listing_bidder set deposit = ? where listing_id = ? and bidder_id = ?")
                .params(deposit.name(), listingId, bidderId)
                .update();
    }

    public List<Bidder> of(String listingId) {
        return jdbc.sql(OF_LISTING).param(listingId).query(Bidders::map).list();
    }

    private static final String OF_LISTING = "select * from listing_bidder where listing_id = ? order by alias";

    /** Each bidder's public number by organization id. */
    public Map<String, Integer> aliases(String listingId) {
        return aliases(of(listingId));
    }

    /** As {@link #aliases(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Map<String, Integer>> aliases(String listingId, ReadsTogether.Batch batch) {
        return batch.list(OF_LISTING, List.of(listingId), Bidders::map).map(Bidders::aliases);
    }

    private static Map<String, Integer> aliases(List<Bidder> joined) {
        return joined.stream().collect(Collectors.toMap(Bidder::bidderId, Bidder::alias));
    }

    /** The bidder's place read beside its listing ({@link Listings#lockForBidder}); empty when they have not joined. */
    static Optional<Bidder> joined(java.sql.ResultSet rs, String listingId, String bidderId)
            throws java.sql.SQLException {
        String deposit = rs.getString("bidder_deposit");
        return deposit == null
                ? Optional.empty()
                : Optional.of(new Bidder(
                        listingId,
                        bidderId,
                        rs.getInt("bidder_alias"),
                        Optional.ofNullable(rs.getString("bidder_hold_id")),
                        Deposit.valueOf(deposit),
                        rs.getTimestamp("bidder_joined_at").toInstant()));
    }

    private static Bidder map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Bidder(
                rs.getString("listing_id"),
                rs.getString("bidder_id"),
                rs.getInt("alias"),
                Optional.ofNullable(rs.getString("hold_id")),
                Deposit.valueOf(rs.getString("deposit")),
                rs.getTimestamp("joined_at").toInstant());
    }
}
