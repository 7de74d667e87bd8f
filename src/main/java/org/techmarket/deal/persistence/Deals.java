package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.ContractAsset;
import org.techmarket.deal.domain.ContractType;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.DealSummary;
import org.techmarket.deal.domain.LicenceKind;
import org.techmarket.deal.domain.Party;
import org.techmarket.deal.domain.TransferSubject;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/**
 * The deal and deal_asset tables, mapped to and from the {@link Deal} aggregate: opening a deal once per cause,
 * reading, locking and storing what its steps changed.
 */
@Repository
public class Deals {

    private static final String COLUMNS = "id, cause, venue_id, listing_id, open_licence_grant_id, mechanism, status,"
            + " contract_type, grant_kind, transfer_subject, licence_kind, seller_id, seller_name,"
            + " seller_identifier_kind, seller_identifier, seller_region, buyer_id, buyer_name, buyer_identifier_kind,"
            + " buyer_identifier, buyer_region, scope_fields, scope_territories,"
            + " scope_start, scope_end, price_minor, currency, payment_due, acceptance_days, delivery_obligations,"
            + " deposit_hold_id, runner_up_id, runner_up_minor, contract_hash, contract_zh, contract_en,"
            + " funding_deadline, delivered_at, acceptance_deadline, created_at, updated_at";

    /**
     * What a read selects: the deal's columns and its assets in contract order as three arrays, so that a page of
     * deals is one statement, not one more per deal.
     */
    private static final String SELECTED = COLUMNS
            + ", array(select a.asset_id from deal_asset a where a.deal_id = deal.id order by a.position) as asset_ids"
            + ", array(select a.title from deal_asset a where a.deal_id = deal.id order by a.position) as asset_titles"
            + ", array(select a.patent_number from deal_asset a where a.deal_id = deal.id order by a.position)"
            + " as asset_patent_numbers";

    private final JdbcClient jdbc;

    Deals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new deal unless its cause already opened one; true when this call stored it. */
    public boolean open(Deal d) {
        int inserted = jdbc.sql("insert into deal (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (cause) do nothing")
                .params(
                        d.id(),
                        d.cause(),
                        d.venueId(),
                        d.listingId().orElse(null),
                        d.openLicenceGrantId().orElse(null),
                        d.mechanism(),
                        d.status().name(),
                        d.contractType().name(),
                        d.grantKind().map(Enum::name).orElse(null),
                        d.transferSubject().map(Enum::name).orElse(null),
                        d.licenceKind().map(Enum::name).orElse(null),
                        d.seller().organizationId(),
                        d.seller().name(),
                        d.seller().identifierKind().name(),
                        d.seller().identifier(),
                        d.seller().regionCode(),
                        d.buyer().organizationId(),
                        d.buyer().name(),
                        d.buyer().identifierKind().name(),
                        d.buyer().identifier(),
                        d.buyer().regionCode(),
                        String.join("\n", d.scopeFields()),
                        String.join("\n", d.scopeTerritories()),
                        d.scopeStart(),
                        d.scopeEnd().orElse(null),
                        d.price().minor(),
                        d.price().currency(),
                        d.paymentDue(),
                        d.acceptanceDays(),
                        d.deliveryObligations(),
                        d.depositHoldId().orElse(null),
                        d.runnerUpId().orElse(null),
                        d.runnerUpPrice().map(Money::minor).orElse(null),
                        d.contractHash(),
                        d.contractZh(),
                        d.contractEn(),
                        timestamp(d.fundingDeadline()),
                        timestamp(d.deliveredAt()),
                        timestamp(d.acceptanceDeadline()),
                        Timestamp.from(d.createdAt()),
                        Timestamp.from(d.updatedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (int i = 0; i < d.assets().size(); i++) {
            ContractAsset a = d.assets().get(i);
            jdbc.sql(
                            "insert into deal_asset (deal_id, position, asset_id, title, patent_number) values (?, ?, ?, ?, ?)")
                    .params(d.id(), i, a.assetId(), a.title(), a.patentNumber().orElse(null))
                    .update();
        }
        return true;
    }

    public Optional<Deal> find(String id) {
        return jdbc.sql(FIND).param(id).query(this::map).optional();
    }

    /** As {@link #find(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<Deal>> find(String id, ReadsTogether.Batch batch) {
        return batch.optional(FIND, List.of(id), this::map);
    }

    private static final String FIND = "select " + SELECTED + " from deal where id = ?";

    /** Reads the deal and locks its row until the transaction ends, waiting for whoever holds it. */
    public Optional<Deal> lock(String id) {
        return jdbc.sql("select " + SELECTED + " from deal where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    /**
     * Locks the deals struck on the listing and then reads their statuses afresh, so that a deal another transaction
     * opened on it while this one waited is counted too.
     */
    public List<DealStatus> lockStatusesOnListing(String listingId) {
        jdbc.sql("select id from deal where listing_id = ? for update")
                .param(listingId)
                .query(String.class)
                .list();
        return jdbc.sql("select status from deal where listing_id = ?")
                .param(listingId)
                .query((rs, row) -> DealStatus.valueOf(rs.getString(1)))
                .list();
    }

    /** Deals struck on any of the listings, optionally in one status, after a keyset cursor. */
    public List<Deal> onListings(
            List<String> listingIds, Optional<DealStatus> status, Optional<String> after, int limit) {
        if (listingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SELECTED + " from deal where listing_id in (:listings)"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " and (cast(:after as text) is null or id > :after) order by id limit :limit")
                .param("listings", listingIds)
                .param("status", status.map(Enum::name).orElse(null))
                .param("after", after.orElse(null))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    public Optional<Deal> findByCause(String cause) {
        return jdbc.sql("select " + SELECTED + " from deal where cause = ?")
                .param(cause)
                .query(this::map)
                .optional();
    }

    /** Ids of DELIVERED deals whose acceptance deadline has come, earliest first; nothing is locked. */
    public List<String> lapsedAcceptances(Instant asOf, int limit) {
        return jdbc.sql("select id from deal where status = 'DELIVERED' and acceptance_deadline <= ?"
                        + " order by acceptance_deadline limit ?")
                .params(Timestamp.from(asOf), limit)
                .query(String.class)
                .list();
    }

    /**
     * Claims the deal if it is still DELIVERED with its acceptance deadline come, skipping it when another
     * transaction holds it, so that several nodes never accept the same deal and a buyer acting at the same time
     * is either first or finds it accepted.
     */
    public Optional<Deal> claimLapsedAcceptance(String id, Instant asOf) {
        return jdbc.sql("select " + SELECTED + " from deal where id = ? and status = 'DELIVERED'"
                        + " and acceptance_deadline <= ? for update skip locked")
                .params(id, Timestamp.from(asOf))
                .query(this::map)
                .optional();
    }

    /** Ids of SIGNED deals whose funding deadline has come, earliest first; nothing is locked. */
    public List<String> overdueFundings(Instant asOf, int limit) {
        return jdbc.sql("select id from deal where status = 'SIGNED' and funding_deadline <= ?"
                        + " order by funding_deadline limit ?")
                .params(Timestamp.from(asOf), limit)
                .query(String.class)
                .list();
    }

    /** Claims the deal if it is still SIGNED with its funding deadline come, skipping it when another holds it. */
    public Optional<Deal> claimOverdueFunding(String id, Instant asOf) {
        return jdbc.sql("select " + SELECTED + " from deal where id = ? and status = 'SIGNED'"
                        + " and funding_deadline <= ? for update skip locked")
                .params(id, Timestamp.from(asOf))
                .query(this::map)
                .optional();
    }

    /** Deals of an organization as seller, buyer or either, optionally in one status, after a keyset cursor. */
    public List<Deal> ofOrganization(
            Optional<String> organizationId,
            Optional<String> role,
            Optional<DealStatus> status,
            Optional<String> after,
            int limit) {
        String party = organizationId
                .map(org -> switch (role.orElse("")) {
                    case "seller" -> " and seller_id = :org";
                    case "buyer" -> " and buyer_id = :org";
                    default -> " and (seller_id = :org or buyer_id = :org)";
                })
                .orElse("");
        return jdbc.sql("select " + SELECTED + " from deal where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:after as text) is null or id > :after)" + party + " order by id limit :limit")
                .param("status", status.map(Enum::name).orElse(null))
                .param("after", after.orElse(null))
                .param("org", organizationId.orElse(null))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * The organization's deals as seller or buyer after a keyset cursor, by id, with only the columns a list shows:
     * one statement, and no contract text read.
     */
    public List<DealSummary> summariesOf(String organizationId, Optional<String> after, int limit) {
        return jdbc.sql(SUMMARIES_OF)
                .params(Cursor.pageParams("org", organizationId, after, limit))
                .query(Deals::summary)
                .list();
    }

    /** As {@link #summariesOf(String, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<DealSummary>> summariesOf(
            String organizationId, Optional<String> after, int limit, ReadsTogether.Batch batch) {
        return batch.list(SUMMARIES_OF, Cursor.pageParams("org", organizationId, after, limit), Deals::summary);
    }

    private static final String SUMMARIES_OF =
            "select id, status, seller_id, seller_name, buyer_id, buyer_name, price_minor, currency"
                    + " from deal where (seller_id = :org or buyer_id = :org)"
                    + " and (cast(:after as text) is null or id > :after) order by id limit :limit";

    private static DealSummary summary(ResultSet rs, int row) throws SQLException {
        return new DealSummary(
                rs.getString("id"),
                DealStatus.valueOf(rs.getString("status")),
                rs.getString("seller_id"),
                rs.getString("seller_name"),
                rs.getString("buyer_id"),
                rs.getString("buyer_name"),
                Money.of(rs.getLong("price_minor"), rs.getString("currency")));
    }

    /** Writes what the deal's steps change: its status, its deadlines and when it last changed. */
    public void store(Deal d) {
        jdbc.sql("update deal set status = ?, funding_deadline = ?, delivered_at = ?, acceptance_deadline = ?,"
                        + " updated_at = ? where id = ?")
                .params(
                        d.status().name(),
                        timestamp(d.fundingDeadline()),
                        timestamp(d.deliveredAt()),
                        timestamp(d.acceptanceDeadline()),
                        Timestamp.from(d.updatedAt()),
                        d.id())
                .update();
    }

    private Deal map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        String currency = rs.getString("currency");
        long runnerUp = rs.getLong("runner_up_minor");
        Optional<Money> runnerUpPrice = rs.wasNull() ? Optional.empty() : Optional.of(Money.of(runnerUp, currency));
        return new Deal(
                id,
                rs.getString("cause"),
                rs.getString("venue_id"),
                Optional.ofNullable(rs.getString("listing_id")),
                Optional.ofNullable(rs.getString("open_licence_grant_id")),
                rs.getString("mechanism"),
                DealStatus.valueOf(rs.getString("status")),
                ContractType.valueOf(rs.getString("contract_type")),
                Optional.ofNullable(rs.getString("grant_kind")).map(GrantKind::valueOf),
                Optional.ofNullable(rs.getString("transfer_subject")).map(TransferSubject::valueOf),
                Optional.ofNullable(rs.getString("licence_kind")).map(LicenceKind::valueOf),
                party(rs, "seller"),
                party(rs, "buyer"),
                assets(rs),
                lines(rs.getString("scope_fields")),
                lines(rs.getString("scope_territories")),
                rs.getObject("scope_start", LocalDate.class),
                Optional.ofNullable(rs.getObject("scope_end", LocalDate.class)),
                Money.of(rs.getLong("price_minor"), currency),
                rs.getObject("payment_due", LocalDate.class),
                rs.getInt("acceptance_days"),
                rs.getString("delivery_obligations"),
                Optional.ofNullable(rs.getString("deposit_hold_id")),
                Optional.ofNullable(rs.getString("runner_up_id")),
                runnerUpPrice,
                rs.getString("contract_hash"),
                rs.getString("contract_zh"),
                rs.getString("contract_en"),
                instant(rs, "funding_deadline"),
                instant(rs, "delivered_at"),
                instant(rs, "acceptance_deadline"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Party party(ResultSet rs, String side) throws SQLException {
        return new Party(
                rs.getString(side + "_id"),
                rs.getString(side + "_name"),
                Party.IdentifierKind.valueOf(rs.getString(side + "_identifier_kind")),
                rs.getString(side + "_identifier"),
                rs.getString(side + "_region"));
    }

    private static List<ContractAsset> assets(ResultSet rs) throws SQLException {
        String[] ids = (String[]) rs.getArray("asset_ids").getArray();
        String[] titles = (String[]) rs.getArray("asset_titles").getArray();
        String[] patentNumbers = (String[]) rs.getArray("asset_patent_numbers").getArray();
        List<ContractAsset> assets = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            assets.add(new ContractAsset(ids[i], titles[i], Optional.ofNullable(patentNumbers[i])));
        }
        return assets;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    private static Timestamp timestamp(Optional<Instant> instant) {
        return instant.map(Timestamp::from).orElse(null);
    }
}
