package org.techmarket.surveillance.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.surveillance.domain.Auction;
import org.techmarket.surveillance.domain.Bid;
import org.techmarket.surveillance.domain.Relation;
import org.techmarket.surveillance.domain.RelationKind;
import org.techmarket.surveillance.domain.Trade;

/**
 * Reads the market's auctions, deals and relations for the detectors, each in one set-based statement over the
 * listing, deal, participant, asset and ledger tables (read only; ADR 0038): however many rows, three statements.
 */
@Repository
public class MarketRecords {

    /** An address from which more organizations than this logged in is a shared gateway and relates no one. */
    static final int MAX_ORGANIZATIONS_PER_ADDRESS = 3;

    private static final String AUCTIONS = """
            select l.id, l.seller_id, coalesce(l.industries[1], '') as segment, l.starts_at, l.ends_at, l.currency,
                   l.terms::jsonb #>> '{reservePrice,amount}' as reserve, l.winner_id,
                   b.id as bid_id, b.bidder_id, b.amount, b.placed_at
            from listing l join listing_bid b on b.listing_id = l.id and b.kind = 'BID'
            where cast(:seller as text) is null or l.seller_id = :seller or l.id in (
                select mine.listing_id from listing_bid mine where mine.bidder_id in (
                    select theirs.bidder_id from listing_bid theirs join listing sold on sold.id = theirs.listing_id
                    where sold.seller_id = :seller))
            order by l.id, b.sequence
            """;

    private static final String TRADES = """
            select d.id, d.seller_id, d.buyer_id, substr(d.seller_region, 1, 2) || '0000' as province,
                   coalesce(d.grant_kind, d.contract_type) as kind, d.price_minor, d.currency, d.created_at,
                   array(select da.asset_id from deal_asset da where da.deal_id = d.id order by da.position) as assets,
                   array(select distinct i from deal_asset da join asset a on a.id = da.asset_id,
                         unnest(a.industries) as i where da.deal_id = d.id order by i) as industries
            from deal d
            where d.status not in ('CANCELLED', 'DEFAULTED')
            order by d.created_at, d.id
            """;

    private static final String RELATIONS = """
            with logins as (
                select distinct e.client_address, u.organization_id
                from security_event e join app_user u on u.id = e.user_id
                where e.type = 'LOGGED_IN' and u.organization_id is not null and e.client_address is not null),
            shared_logins as (
                select client_address, organization_id from (
                    select l.*, count(*) over (partition by client_address) as n from logins l) counted
                where n between 2 and :maxPerAddress),
            people as (
                select distinct organization_id, lower(display_name) as name_key, display_name
                from app_user where organization_id is not null and length(display_name) >= 2)
            select a.organization_id as first, b.organization_id as second, 'SAME_LOGIN_ADDRESS' as kind,
                   a.client_address as shown
            from shared_logins a join shared_logins b
                on a.client_address = b.client_address and a.organization_id < b.organization_id
            union all
            select a.id, b.id, 'SAME_LEGAL_REPRESENTATIVE', a.legal_representative
            from organization a join organization b
                on a.legal_representative_key = b.legal_representative_key and a.id < b.id
            union all
            select a.id, b.id, 'SAME_REGISTERED_ADDRESS', a.registered_address
            from organization a join organization b
                on a.registered_address_key = b.registered_address_key and a.id < b.id
            union all
            select a.organization_id, b.organization_id, 'ASSET_CO_OWNERSHIP', a.asset_id
            from asset_owner a join asset_owner b on a.asset_id = b.asset_id and a.organization_id < b.organization_id
            union all
            select distinct a.organization_id, b.organization_id, 'SAME_BANK_ACCOUNT', a.bank_account
            from ledger_cash_out a join ledger_cash_out b
                on a.bank_account = b.bank_account and a.organization_id < b.organization_id
            union all
            select a.organization_id, b.organization_id, 'SHARED_USER', a.display_name
            from people a join people b on a.name_key = b.name_key and a.organization_id < b.organization_id
            """;

    private final JdbcClient jdbc;

    MarketRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The auctions with accepted bids: every one, or (given a seller) the seller's and every other auction its bidders
     * took part in, which their tendency and winning ratio need.
     */
    public List<Auction> auctions(Optional<String> seller) {
        Map<String, AuctionRows> byListing = new LinkedHashMap<>();
        jdbc.sql(AUCTIONS).param("seller", seller.orElse(null)).query(rs -> {
            String id = rs.getString("id");
            byListing
                    .computeIfAbsent(id, k -> AuctionRows.from(rs))
                    .bids()
                    .add(new Bid(
                            rs.getString("bid_id"),
                            rs.getString("bidder_id"),
                            rs.getLong("amount"),
                            rs.getTimestamp("placed_at").toInstant()));
        });
        return byListing.values().stream().map(AuctionRows::auction).toList();
    }

    /** The seller of a listing; empty for an unknown id. */
    public Optional<String> sellerOf(String listingId) {
        return jdbc.sql("select seller_id from listing where id = ?")
                .param(listingId)
                .query(String.class)
                .optional();
    }

    /** Every deal struck and not cancelled or defaulted, oldest first. */
    public List<Trade> trades() {
        return jdbc.sql(TRADES).query(MarketRecords::trade).list();
    }

    /** Every relation between organizations, as its kind shows it (a personal name or account masked). */
    public List<Relation> relations() {
        return jdbc.sql(RELATIONS)
                .param("maxPerAddress", MAX_ORGANIZATIONS_PER_ADDRESS)
                .query((rs, row) -> {
                    RelationKind kind = RelationKind.valueOf(rs.getString("kind"));
                    return new Relation(rs.getString("first"), rs.getString("second"), kind, shown(kind, rs));
                })
                .list();
    }

    private static String shown(RelationKind kind, ResultSet rs) throws SQLException {
        String value = rs.getString("shown");
        return switch (kind) {
            case SAME_LEGAL_REPRESENTATIVE, SHARED_USER -> OrganizationParticulars.maskName(value);
            case SAME_BANK_ACCOUNT -> "****" + value.substring(Math.max(0, value.length() - 4));
            default -> value;
        };
    }

    private static Trade trade(ResultSet rs, int row) throws SQLException {
        return new Trade(
                rs.getString("id"),
                rs.getString("seller_id"),
                rs.getString("buyer_id"),
                strings(rs.getArray("assets")),
                strings(rs.getArray("industries")),
                rs.getString("province"),
                rs.getString("kind"),
                rs.getLong("price_minor"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** One auction's columns as read with its first bid, and the bids gathered so far. */
    private record AuctionRows(Auction head, List<Bid> bids) {

        static AuctionRows from(ResultSet rs) {
            try {
                String currency = rs.getString("currency").strip();
                Optional<Long> reserve = Optional.ofNullable(rs.getString("reserve"))
                        .map(amount -> new BigDecimal(amount)
                                .movePointRight(Currency.getInstance(currency).getDefaultFractionDigits())
                                .longValueExact());
                return new AuctionRows(
                        new Auction(
                                rs.getString("id"),
                                rs.getString("seller_id"),
                                rs.getString("segment"),
                                rs.getTimestamp("starts_at").toInstant(),
                                rs.getTimestamp("ends_at").toInstant(),
                                reserve,
                                Optional.ofNullable(rs.getString("winner_id")),
                                List.of()),
                        new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Auction auction() {
            return head.withBids(bids);
        }
    }
}
