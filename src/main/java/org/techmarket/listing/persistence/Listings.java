package org.techmarket.listing.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.ConcurrentLruCache;
import org.techmarket.listing.domain.AuctionState;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingLine;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import tools.jackson.databind.json.JsonMapper;

/** The listing table: stored listings, their row locks, the closing job's claims and the public catalogue. */
@Repository
public class Listings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, venue_id, seller_id, title, description, asset_ids, industries,"
            + " offer_kind, licence_scope, mechanism, terms, currency, deposit, starts_at, ends_at, status,"
            + " status_reason, state, bid_count, winner_id, award_price, created_at, updated_at, version";
    private static final String PREFIXED = java.util.Arrays.stream(COLUMNS.split(","))
            .map(column -> "l." + column.strip())
            .collect(java.util.stream.Collectors.joining(", "));

    /** Which listings a reader may find in the catalogue besides the public ones. */
    public record Reader(Optional<String> organizationId, boolean seesEverything) {}

    /** The catalogue's filters; each one empty means "any". */
    public record Filter(
            Optional<ListingStatus> status, Optional<String> industry, Optional<MechanismType> mechanism) {}

    /**
     * Listings' terms as parsed, by their stored text: the same text always parses to the same terms, so nothing here
     * can be stale or differ between nodes (ADR 0080), and a bid's read of its listing parses no terms it has parsed
     * before. Bounded, the least recently used dropped first.
     */
    private static final ConcurrentLruCache<String, Mechanism> TERMS =
            new ConcurrentLruCache<>(4_096, text -> JSON.readValue(text, Mechanism.class));

    /** A licence's scope as parsed, by its stored text, kept as the terms are: a scope is an immutable record. */
    private static final ConcurrentLruCache<String, GrantScope> SCOPES =
            new ConcurrentLruCache<>(4_096, text -> JSON.readValue(text, GrantScope.class));

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Listing l) {
        jdbc.sql("insert into listing (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        l.id(),
                        l.venueId(),
                        l.sellerId(),
                        l.title(),
                        l.description(),
                        array(l.assetIds()),
                        array(l.industries()),
                        l.offerKind().name(),
                        l.licenceScope().map(CanonicalJson::write).orElse(null),
                        l.mechanism().type().name(),
                        CanonicalJson.write(l.mechanism()),
                        l.currency(),
                        l.deposit(),
                        ts(l.startsAt()),
                        ts(l.endsAt()),
                        l.status().name(),
                        l.statusReason().orElse(null),
                        StateJson.write(l.state()),
                        l.bidCount(),
                        l.winnerId().orElse(null),
                        l.awardPrice().isPresent() ? l.awardPrice().getAsLong() : null,
                        ts(l.createdAt()),
                        ts(l.updatedAt()),
                        l.version())
                .update();
    }

    /** Stores what may change (status, state, end, counts, award) and moves the version on. */
    public Listing update(Listing l) {
        store(l, 1);
        return l.stored();
    }

    /**
     * Stores a sealed bid's new state and count but leaves the version where it was: the version is what the market
     * sees change (live streams poll it), and a sealed bid is nobody's news but its bidder's until the close.
     */
    public Listing storeSealedBid(Listing l) {
        store(l, 0);
        return l;
    }

    private void store(Listing l, int versionStep) {
        jdbc.sql("update listing set status = ?, status_reason = ?, state = ?, ends_at = ?, bid_count = ?,"
                        + " winner_id = ?, award_price = ?, updated_at = ?, version = version + ? where id = ?")
                .params(
                        l.status().name(),
                        l.statusReason().orElse(null),
                        StateJson.write(l.state()),
                        ts(l.endsAt()),
                        l.bidCount(),
                        l.winnerId().orElse(null),
                        l.awardPrice().isPresent() ? l.awardPrice().getAsLong() : null,
                        ts(l.updatedAt()),
                        versionStep,
                        l.id())
                .update();
    }

    public Optional<Listing> find(String id) {
        return jdbc.sql(FIND).param(id).query(Listings::map).optional();
    }

    /** As {@link #find(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<Listing>> find(String id, ReadsTogether.Batch batch) {
        return batch.optional(FIND, List.of(id), Listings::map);
    }

    private static final String FIND = "select " + COLUMNS + " from listing where id = ?";

    /** Reads the listing and locks its row until the transaction ends, so commands on it run one at a time. */
    public Optional<Listing> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ? for update")
                .param(id)
                .query(Listings::map)
                .optional();
    }

    /** A listing read (or locked) for a bid, with the bidder's place on it if they have joined it. */
    public record ForBidder(Listing listing, Optional<Bidders.Bidder> bidder) {}

    /**
     * Reads and locks the listing as {@link #lock} does, and the bidder's place on it, in one statement: a bid's
     * read under the lock is one round trip.
     */
    public Optional<ForBidder> lockForBidder(String id, String bidderId) {
        return forBidder(id, bidderId, " for update of l");
    }

    /**
     * The listing as last committed and the bidder's place on it, in one statement, locking nothing: what a bid
     * decides on it holds only if {@link #storeBid} finds the listing unchanged.
     */
    public Optional<ForBidder> readForBidder(String id, String bidderId) {
        return forBidder(id, bidderId, "");
    }

    private Optional<ForBidder> forBidder(String id, String bidderId, String lock) {
        return jdbc.sql("select " + PREFIXED + ", b.alias as bidder_alias, b.hold_id as bidder_hold_id,"
                        + " b.deposit as bidder_deposit, b.joined_at as bidder_joined_at"
                        + " from listing l left join listing_bidder b on b.listing_id = l.id and b.bidder_id = ?"
                        + " where l.id = ?" + lock)
                .params(bidderId, id)
                .query((rs, row) -> new ForBidder(map(rs, row), Bidders.joined(rs, id, bidderId)))
                .optional();
    }

    /**
     * Stores a bid that leaves the listing's status as it was ({@code before} → {@code next}) and inserts the bid, in
     * one statement, if the listing is still as {@code before} was read (same version and bid count); returns whether
     * it was. The update takes the listing's row lock, so it is held from here to the commit only. It writes only the
     * columns a bid moves (state, end, count, time, version): the search index's trigger watches status, terms and
     * text, and hears nothing of a bid. A sealed bid leaves the version where it was, as {@link #storeSealedBid} does.
     */
    public boolean storeBid(Listing before, Listing next, Bids.Bid bid) {
        return storeBid(before, next, bid, "", List.of());
    }

    /**
     * As {@link #storeBid}, for a bidder's first bid on a listing locked by {@link #lockForBidder}: the bidder joins
     * it in the same statement, with the deposit {@code holdId} held for them (none when the listing asks none) and
     * the next number in the order bidders joined, counted in the insert itself, as {@link Bidders#join} does.
     */
    public boolean storeFirstBid(Listing before, Listing next, Bids.Bid bid, Optional<String> holdId) {
        return storeBid(
                before,
                next,
                bid,
                "joined as (insert into listing_bidder (listing_id, bidder_id, alias, hold_id, deposit, joined_at)"
                        + " select ?, ?, count(*) + 1, ?, ?, ? from listing_bidder where listing_id = ?), ",
                Arrays.asList(
                        before.id(),
                        bid.bidderId(),
                        holdId.orElse(null),
                        (holdId.isPresent() ? Bidders.Deposit.HELD : Bidders.Deposit.NONE).name(),
                        ts(bid.placedAt()),
                        before.id()));
    }

    private boolean storeBid(Listing before, Listing next, Bids.Bid bid, String join, List<Object> joinParams) {
        if (next.status() != before.status()) {
            throw new IllegalArgumentException("a bid that moves the status is stored with update");
        }
        List<Object> params = new ArrayList<>(joinParams);
        params.addAll(Arrays.asList(
                StateJson.write(next.state()),
                ts(next.endsAt()),
                next.bidCount(),
                ts(next.updatedAt()),
                next.isSealed() ? 0 : 1,
                before.id(),
                before.version(),
                before.bidCount(),
                bid.id(),
                bid.bidderId(),
                bid.kind(),
                bid.amount(),
                bid.maxAmount().isPresent() ? bid.maxAmount().getAsLong() : null,
                bid.sequence(),
                ts(bid.placedAt())));
        return jdbc.sql("with " + join
                                + "stored as (update listing set state = ?, ends_at = ?, bid_count = ?, updated_at = ?,"
                                + " version = version + ? where id = ? and version = ? and bid_count = ? returning id)"
                                + " insert into listing_bid (id, listing_id, bidder_id, kind, amount, max_amount, sequence,"
                                + " placed_at) select ?, stored.id, ?, ?, ?, ?, ?, ? from stored")
                        .params(params)
                        .update()
                == 1;
    }

    /** A listing locked for a group of bids, with the places of those of its bidders who have joined it. */
    public record ForBidders(Listing listing, Map<String, Bidders.Bidder> joined) {}

    /**
     * Reads and locks the listings of a group of bids as {@link #lock} does, each with the places of those of
     * {@code bidderIds} who have joined it, in one statement whatever their number: a group of bids takes its locks
     * with one round trip. The listings are locked in the order of their ids, so two groups never wait for each other
     * in a circle, and a listing another transaction holds is passed over rather than waited for: a group never
     * stalls behind one listing's lock, and the caller sends that listing's bids alone. Keyed by listing id, in that
     * order; a listing passed over, or that does not exist, is not there.
     */
    public Map<String, ForBidders> lockForBidders(Collection<String> ids, Collection<String> bidderIds) {
        Map<String, Listing> found = new LinkedHashMap<>();
        Map<String, Map<String, Bidders.Bidder>> joined = new HashMap<>();
        jdbc.sql("select " + PREFIXED + ", b.bidder_id as bidder_id, b.alias as bidder_alias,"
                        + " b.hold_id as bidder_hold_id, b.deposit as bidder_deposit, b.joined_at as bidder_joined_at"
                        + " from listing l left join listing_bidder b on b.listing_id = l.id and b.bidder_id = any(?)"
                        + " where l.id = any(?) order by l.id for update of l skip locked")
                .params(
                        bidderIds.stream().distinct().toArray(String[]::new),
                        ids.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    String id = rs.getString("id");
                    if (!found.containsKey(id)) {
                        found.put(id, map(rs, 0));
                    }
                    String bidder = rs.getString("bidder_id");
                    if (bidder != null) {
                        Bidders.joined(rs, id, bidder)
                                .ifPresent(place -> joined.computeIfAbsent(id, k -> new HashMap<>())
                                        .put(bidder, place));
                    }
                });
        Map<String, ForBidders> locked = new LinkedHashMap<>();
        found.forEach((id, listing) ->
                locked.put(id, new ForBidders(listing, Map.copyOf(joined.getOrDefault(id, Map.of())))));
        return locked;
    }

    /**
     * The bids taken one after another on one listing locked by {@link #lockForBidders}: the listing as locked
     * ({@code before}), as they left it ({@code next}), and the bids in their order.
     */
    public record TakenBids(Listing before, Listing next, List<Bids.Bid> bids) {

        public TakenBids {
            if (next.status() != before.status()) {
                throw new IllegalArgumentException("a bid that moves the status is stored with update");
            }
            bids = List.copyOf(bids);
        }
    }

    /**
     * Stores the bids a group took on its locked listings and inserts them, in one statement whatever the number of
     * listings and bids, each listing only if it is still as {@code before} was read; returns whether every one was
     * (otherwise the caller rolls back, for some were not stored). It writes what {@link #storeBid} writes, each
     * listing's version moved once per bid (not at all for sealed bids).
     */
    public boolean storeBids(List<TakenBids> taken) {
        int listingCount = taken.size();
        String[] listingIds = new String[listingCount];
        String[] states = new String[listingCount];
        String[] ends = new String[listingCount];
        Long[] counts = new Long[listingCount];
        String[] updated = new String[listingCount];
        Long[] moves = new Long[listingCount];
        Long[] versions = new Long[listingCount];
        Long[] countsBefore = new Long[listingCount];
        int n = taken.stream().mapToInt(t -> t.bids().size()).sum();
        String[] ids = new String[n];
        String[] bidListings = new String[n];
        String[] bidders = new String[n];
        String[] kinds = new String[n];
        Long[] amounts = new Long[n];
        Long[] maxima = new Long[n];
        Long[] sequences = new Long[n];
        String[] placed = new String[n];
        int i = 0;
        for (int l = 0; l < listingCount; l++) {
            TakenBids on = taken.get(l);
            Listing before = on.before();
            Listing next = on.next();
            listingIds[l] = before.id();
            states[l] = StateJson.write(next.state());
            ends[l] = next.endsAt().toString();
            counts[l] = next.bidCount();
            updated[l] = next.updatedAt().toString();
            moves[l] = next.isSealed() ? 0L : on.bids().size();
            versions[l] = before.version();
            countsBefore[l] = before.bidCount();
            for (Bids.Bid bid : on.bids()) {
                ids[i] = bid.id();
                bidListings[i] = before.id();
                bidders[i] = bid.bidderId();
                kinds[i] = bid.kind();
                amounts[i] = bid.amount();
                maxima[i] = bid.maxAmount().isPresent() ? bid.maxAmount().getAsLong() : null;
                sequences[i] = bid.sequence();
                placed[i] = bid.placedAt().toString();
                i++;
            }
        }
        return jdbc.sql("with stored as (update listing l set state = u.state, ends_at = u.ends_at,"
                                + " bid_count = u.bid_count, updated_at = u.updated_at, version = l.version + u.moves"
                                + " from unnest(?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::timestamptz[],"
                                + " ?::bigint[], ?::bigint[], ?::bigint[])"
                                + " as u(id, state, ends_at, bid_count, updated_at, moves, version, count_before)"
                                + " where l.id = u.id and l.version = u.version and l.bid_count = u.count_before"
                                + " returning l.id)"
                                + " insert into listing_bid (id, listing_id, bidder_id, kind, amount, max_amount, sequence,"
                                + " placed_at) select b.id, b.listing_id, b.bidder_id, b.kind, b.amount, b.max_amount,"
                                + " b.sequence, b.placed_at from unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                                + " ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])"
                                + " as b(id, listing_id, bidder_id, kind, amount, max_amount, sequence, placed_at)"
                                + " where b.listing_id in (select id from stored)")
                        .params(
                                listingIds,
                                states,
                                ends,
                                counts,
                                updated,
                                moves,
                                versions,
                                countsBefore,
                                ids,
                                bidListings,
                                bidders,
                                kinds,
                                amounts,
                                maxima,
                                sequences,
                                placed)
                        .update()
                == n;
    }

    /**
     * Reads the listing with a share lock until the transaction ends: others may read and share-lock it too, but it
     * cannot change status meanwhile, so what is decided on its status stays true until the commit.
     */
    public Optional<Listing> lockShared(String id) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ? for share")
                .param(id)
                .query(Listings::map)
                .optional();
    }

    /** The ids of the standing listings (not yet closed or ended) that include the asset, oldest first. */
    public List<String> standingWith(String assetId) {
        return jdbc.sql("select id from listing where asset_ids @> array[?]::text[]"
                        + " and status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'OPEN') order by id")
                .param(assetId)
                .query(String.class)
                .list();
    }

    /** The seller's listings that still stand (drafted, on their way to the market, or open), oldest id first. */
    public List<String> standingOf(String sellerId) {
        return jdbc.sql("select id from listing where seller_id = ?"
                        + " and status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'OPEN') order by id")
                .param(sellerId)
                .query(String.class)
                .list();
    }

    /**
     * The seller's own listings in every status, newest id first, after the cursor's id: one statement of the columns
     * the seller's list shows, the start price read from the stored terms by PostgreSQL (ADR 0080).
     */
    public List<ListingLine> ofSeller(String sellerId, Optional<String> after, int limit) {
        return jdbc.sql(OF_SELLER)
                .params(Cursor.pageParams("seller", sellerId, after, limit + 1))
                .query(Listings::line)
                .list();
    }

    /** As {@link #ofSeller(String, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<ListingLine>> ofSeller(
            String sellerId, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        return batch.list(OF_SELLER, Cursor.pageParams("seller", sellerId, after, limit + 1), Listings::line);
    }

    private static final String OF_SELLER = "select id, title, mechanism, offer_kind,"
            + " terms::jsonb -> 'startPrice' ->> 'amount' as start, currency, status, status_reason, ends_at"
            + " from listing where seller_id = :seller and (:after::text is null or id < :after)"
            + " order by id desc limit :limit";

    private static ListingLine line(ResultSet rs, int row) throws SQLException {
        return new ListingLine(
                rs.getString("id"),
                rs.getString("title"),
                MechanismType.valueOf(rs.getString("mechanism")),
                GrantKind.valueOf(rs.getString("offer_kind")),
                Money.parse(rs.getString("start"), rs.getString("currency")),
                ListingStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")),
                rs.getTimestamp("ends_at").toInstant());
    }

    /** A listing the bidder has bid on, with the bidder's highest amount there and highest proxy maximum, if any. */
    public record BidOn(Listing listing, long highest, OptionalLong maximum) {}

    /**
     * The listings the bidder has bid on (bids, acceptances, purchases), newest listing first, after the cursor's id:
     * one statement whatever the number of listings or bids.
     */
    public List<BidOn> bidOnBy(String bidderId, Optional<String> after, int limit) {
        return jdbc.sql(BID_ON_BY)
                .params(Cursor.pageParams("bidder", bidderId, after, limit + 1))
                .query(Listings::bidOn)
                .list();
    }

    /** As {@link #bidOnBy(String, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<BidOn>> bidOnBy(
            String bidderId, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        return batch.list(BID_ON_BY, Cursor.pageParams("bidder", bidderId, after, limit + 1), Listings::bidOn);
    }

    private static final String BID_ON_BY = "select " + PREFIXED + ", b.highest, b.maximum from listing l join"
            + " (select listing_id, max(amount) as highest, max(max_amount) as maximum from listing_bid"
            + " where bidder_id = :bidder group by listing_id) b on b.listing_id = l.id"
            + " where (:after::text is null or l.id < :after) order by l.id desc limit :limit";

    private static BidOn bidOn(ResultSet rs, int row) throws SQLException {
        long maximum = rs.getLong("maximum");
        OptionalLong proxy = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(maximum);
        return new BidOn(map(rs, row), rs.getLong("highest"), proxy);
    }

    /** The titles of the given listings, by id: one statement for a whole page of them. */
    public Map<String, String> titles(Collection<String> ids) {
        Map<String, String> titles = new HashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        jdbc.sql("select id, title from listing where id = any(?)")
                .param(ids.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    titles.put(rs.getString("id"), rs.getString("title"));
                });
        return titles;
    }

    /** The stored version, cheap to poll; empty when there is no such listing. */
    public Optional<Long> version(String id) {
        return jdbc.sql("select version from listing where id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /** The ids of up to {@code limit} OPEN listings whose end has come by {@code asOf}, the earliest end first. */
    public List<String> dueToClose(Instant asOf, int limit) {
        return jdbc.sql("select id from listing where status = 'OPEN' and ends_at <= ? order by ends_at, id limit ?")
                .params(ts(asOf), limit)
                .query(String.class)
                .list();
    }

    /** Claims the listing if it is still OPEN with its end come, skipping it when another transaction holds it. */
    public Optional<Listing> claimEnded(String id, Instant asOf) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ? and status = 'OPEN' and ends_at <= ?"
                        + " for update skip locked")
                .params(id, ts(asOf))
                .query(Listings::map)
                .optional();
    }

    /** The ids of up to {@code limit} PUBLISHED listings whose bidding start has come, the earliest first. */
    public List<String> dueToOpen(Instant asOf, int limit) {
        return jdbc.sql("select id from listing where status = 'PUBLISHED' and starts_at <= ?"
                        + " order by starts_at, id limit ?")
                .params(ts(asOf), limit)
                .query(String.class)
                .list();
    }

    /** Claims the listing if it is still PUBLISHED with its start come, skipping it when another transaction holds it. */
    public Optional<Listing> claimStarting(String id, Instant asOf) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ? and status = 'PUBLISHED' and starts_at <= ?"
                        + " for update skip locked")
                .params(id, ts(asOf))
                .query(Listings::map)
                .optional();
    }

    /** Newest first, up to {@code limit + 1} rows after the cursor's id. */
    public List<Listing> page(
            Reader reader, List<ListingStatus> publicStatuses, Filter filter, Optional<String> after, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = page(reader, publicStatuses, filter, after, limit, params);
        return jdbc.sql(sql).params(params).query(Listings::map).list();
    }

    /** As {@link #page(Reader, List, Filter, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Listing>> page(
            Reader reader,
            List<ListingStatus> publicStatuses,
            Filter filter,
            Optional<String> after,
            int limit,
            ReadsTogether.Batch batch) {
        List<Object> params = new ArrayList<>();
        String sql = page(reader, publicStatuses, filter, after, limit, params);
        return batch.list(sql, params, Listings::map);
    }

    /** The page's query, its parameters added to {@code params}. */
    private static String page(
            Reader reader,
            List<ListingStatus> publicStatuses,
            Filter filter,
            Optional<String> after,
            int limit,
            List<Object> params) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from listing where true");
        if (!reader.seesEverything()) {
            sql.append(" and (status = any(?::text[])");
            params.add(array(publicStatuses.stream().map(Enum::name).toList()));
            reader.organizationId().ifPresent(org -> {
                sql.append(" or seller_id = ?");
                params.add(org);
            });
            sql.append(")");
        }
        filter.status().ifPresent(s -> {
            sql.append(" and status = ?");
            params.add(s.name());
        });
        filter.industry().ifPresent(i -> {
            sql.append(" and ? = any(industries)");
            params.add(i);
        });
        filter.mechanism().ifPresent(m -> {
            sql.append(" and mechanism = ?");
            params.add(m.name());
        });
        after.ifPresent(id -> {
            sql.append(" and id < ?");
            params.add(id);
        });
        sql.append(" order by id desc limit ?");
        params.add(limit + 1);
        return sql.toString();
    }

    /**
     * An open listing as a list of what is on sale reads it: what it offers and who sells it, and its mechanism, currency
     * and state, from which its price and bids now are worked out.
     */
    public record OpenSale(
            String id,
            String title,
            String sellerId,
            GrantKind offerKind,
            Mechanism mechanism,
            String currency,
            AuctionState state) {}

    /**
     * The newest {@code limit} OPEN listings, with only the columns such a list shows: no description, assets, scope
     * or history, which the front page would read and throw away. The terms' parsed form is kept by their text
     * ({@link #TERMS}) instead of being parsed again on every visit.
     */
    public List<OpenSale> open(int limit) {
        return jdbc.sql(OPEN).param(limit).query(Listings::openSale).list();
    }

    /** As {@link #open(int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<OpenSale>> open(int limit, ReadsTogether.Batch batch) {
        return batch.list(OPEN, List.of(limit), Listings::openSale);
    }

    private static final String OPEN = "select id, title, seller_id, offer_kind, terms, currency, state from listing"
            + " where status = 'OPEN' order by id desc limit ?";

    private static OpenSale openSale(ResultSet rs, int row) throws SQLException {
        return new OpenSale(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("seller_id"),
                GrantKind.valueOf(rs.getString("offer_kind")),
                TERMS.get(rs.getString("terms")),
                rs.getString("currency"),
                StateJson.read(rs.getString("state")));
    }

    private static String array(List<String> values) {
        // A PostgreSQL array literal with every element quoted, so commas and braces inside values stay data.
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Listing map(ResultSet rs, int row) throws SQLException {
        String award = rs.getString("award_price");
        String scope = rs.getString("licence_scope");
        return new Listing(
                rs.getString("id"),
                rs.getString("venue_id"),
                rs.getString("seller_id"),
                rs.getString("title"),
                rs.getString("description"),
                strings(rs.getArray("asset_ids")),
                strings(rs.getArray("industries")),
                GrantKind.valueOf(rs.getString("offer_kind")),
                Optional.ofNullable(scope).map(SCOPES::get),
                TERMS.get(rs.getString("terms")),
                rs.getString("currency"),
                rs.getLong("deposit"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                ListingStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")),
                StateJson.read(rs.getString("state")),
                rs.getLong("bid_count"),
                Optional.ofNullable(rs.getString("winner_id")),
                award == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(award)),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
