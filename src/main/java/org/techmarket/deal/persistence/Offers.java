package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.Offer;
import org.techmarket.deal.domain.OfferStatus;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.ReadsTogether;
import tools.jackson.databind.json.JsonMapper;

/** The offer table: offers as made, their row locks, the expiry job's claims and a listing's threads. */
@Repository
public class Offers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, listing_id, previous_offer_id, round, buyer_id, seller_id, made_by,"
            + " terms, made_at, deadline, status, status_reason";
    private static final String PREFIXED = java.util.Arrays.stream(COLUMNS.split(","))
            .map(column -> "o." + column.strip())
            .collect(java.util.stream.Collectors.joining(", "));

    private final JdbcClient jdbc;

    Offers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Offer o, Instant at) {
        jdbc.sql("insert into offer (" + COLUMNS + ", price_minor, currency, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        o.id(),
                        o.listingId(),
                        o.previousOfferId().orElse(null),
                        o.round(),
                        o.buyerId(),
                        o.sellerId(),
                        o.madeBy(),
                        CanonicalJson.write(StoredTerms.of(o.terms())),
                        ts(o.madeAt()),
                        ts(o.deadline()),
                        o.status().name(),
                        o.statusReason().orElse(null),
                        o.terms().price().minor(),
                        o.terms().price().currency(),
                        ts(at))
                .update();
    }

    /** Stores a new status and its reason; the terms of an offer never change. */
    public void update(Offer o, Instant at) {
        jdbc.sql("update offer set status = ?, status_reason = ?, updated_at = ? where id = ?")
                .params(o.status().name(), o.statusReason().orElse(null), ts(at), o.id())
                .update();
    }

    public Optional<Offer> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from offer where id = ?")
                .param(id)
                .query(Offers::map)
                .optional();
    }

    /** Reads the offer and locks its row until the transaction ends. */
    public Optional<Offer> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from offer where id = ? for update")
                .param(id)
                .query(Offers::map)
                .optional();
    }

    /** The listing's offers, oldest first; only {@code buyerId}'s thread when one is given. */
    public List<Offer> ofListing(String listingId, Optional<String> buyerId) {
        return buyerId.isPresent()
                ? jdbc.sql("select " + COLUMNS + " from offer where listing_id = ? and buyer_id = ?"
                                + " order by made_at, round, id")
                        .params(listingId, buyerId.get())
                        .query(Offers::map)
                        .list()
                : jdbc.sql("select " + COLUMNS + " from offer where listing_id = ? order by made_at, round, id")
                        .param(listingId)
                        .query(Offers::map)
                        .list();
    }

    /** The listing's OPEN offers, locked until the transaction ends, oldest first. */
    public List<Offer> lockOpenOn(String listingId) {
        return jdbc.sql("select " + COLUMNS + " from offer where listing_id = ? and status = 'OPEN'"
                        + " order by made_at, round, id for update")
                .param(listingId)
                .query(Offers::map)
                .list();
    }

    /** The ids of up to {@code limit} OPEN offers whose deadline has come by {@code asOf}, the earliest first. */
    public List<String> dueIds(Instant asOf, int limit) {
        return jdbc.sql("select id from offer where status = 'OPEN' and deadline <= ? order by deadline, id limit ?")
                .params(ts(asOf), limit)
                .query(String.class)
                .list();
    }

    /** Claims the offer if it is still OPEN with its deadline come, skipping it when another transaction holds it. */
    public Optional<Offer> claimDue(String id, Instant asOf) {
        return jdbc.sql("select " + COLUMNS + " from offer where id = ? and status = 'OPEN' and deadline <= ?"
                        + " for update skip locked")
                .params(id, ts(asOf))
                .query(Offers::map)
                .optional();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /**
     * The newest offer of a negotiation, with the one it answers (the other side's price, when it is a counter).
     */
    public record Latest(Offer offer, Optional<Long> answeredPrice, Optional<String> answeredBy) {}

    /**
     * The newest offer of every negotiation in which the organization buys or sells, newest first after the cursor's
     * id: one statement whatever the number of negotiations or their rounds.
     */
    public List<Latest> latestOf(String party, Optional<String> after, int limit) {
        return jdbc.sql(LATEST_OF)
                .params(Cursor.pageParams("party", party, after, limit + 1))
                .query(Offers::latest)
                .list();
    }

    /** As {@link #latestOf(String, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Latest>> latestOf(
            String party, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        return batch.list(LATEST_OF, Cursor.pageParams("party", party, after, limit + 1), Offers::latest);
    }

    private static final String LATEST_OF = "select " + PREFIXED
            + ", p.price_minor as answered_price, p.made_by as answered_by"
            + " from offer o left join offer p on p.id = o.previous_offer_id"
            + " where (o.buyer_id = :party or o.seller_id = :party)"
            + " and not exists (select 1 from offer n where n.previous_offer_id = o.id)"
            + " and (:after::text is null or o.id < :after) order by o.id desc limit :limit";

    private static Latest latest(ResultSet rs, int row) throws SQLException {
        long answered = rs.getLong("answered_price");
        boolean counter = !rs.wasNull();
        return new Latest(
                map(rs, row),
                counter ? Optional.of(answered) : Optional.empty(),
                Optional.ofNullable(rs.getString("answered_by")));
    }

    private static Offer map(ResultSet rs, int row) throws SQLException {
        return new Offer(
                rs.getString("id"),
                rs.getString("listing_id"),
                Optional.ofNullable(rs.getString("previous_offer_id")),
                rs.getInt("round"),
                rs.getString("buyer_id"),
                rs.getString("seller_id"),
                rs.getString("made_by"),
                JSON.readValue(rs.getString("terms"), StoredTerms.class).toTerms(),
                rs.getTimestamp("made_at").toInstant(),
                rs.getTimestamp("deadline").toInstant(),
                OfferStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")));
    }
}
