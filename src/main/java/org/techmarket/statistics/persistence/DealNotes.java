package org.techmarket.statistics.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.DealMilestone;
import org.techmarket.shared.Money;

/**
 * Deals' milestones noted in the transaction of the step that passed them, one row per milestone, and folded later into
 * the read models: a batch is taken with its rows deleted in the caller's transaction, so a milestone is counted once
 * or, rolled back, waits for the next fold.
 */
@Repository
public class DealNotes {

    private final JdbcClient jdbc;

    DealNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of the fact {@code milestone} reports, as the read models claim it. */
    public static String keyOf(DealMilestone milestone) {
        return "deal:" + milestone.dealId() + ":" + milestone.stage();
    }

    /** Notes the milestone; one noted already is left as it is. */
    public void note(DealMilestone milestone, Instant at) {
        jdbc.sql("insert into stat_deal_pending (key, deal_id, stage, listing_id, mechanism, contract_type,"
                        + " seller_region, buyer_region, price, currency, asset_ids, at, noted_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        keyOf(milestone),
                        milestone.dealId(),
                        milestone.stage().name(),
                        milestone.listingId().orElse(null),
                        milestone.mechanism(),
                        milestone.contractType(),
                        milestone.sellerRegion(),
                        milestone.buyerRegion(),
                        milestone.price().minor(),
                        milestone.price().currency(),
                        milestone.assetIds().toArray(String[]::new),
                        Timestamp.from(milestone.at()),
                        Timestamp.from(at))
                .update();
    }

    /**
     * Up to {@code limit} milestones, oldest first, taken from the notes: their rows are deleted by the caller's
     * transaction and locked until it ends; rows another fold holds are passed over.
     */
    public List<DealMilestone> take(int limit) {
        return jdbc
                .sql("delete from stat_deal_pending where key in (select key from stat_deal_pending"
                        + " order by noted_at, key limit ? for update skip locked)"
                        + " returning deal_id, stage, listing_id, mechanism, contract_type, seller_region,"
                        + " buyer_region, price, currency, asset_ids, at, noted_at, key")
                .param(limit)
                .query((rs, n) -> new Noted(milestone(rs), rs.getTimestamp("noted_at"), rs.getString("key")))
                .list()
                .stream()
                .sorted(Comparator.comparing(Noted::notedAt).thenComparing(Noted::key))
                .map(Noted::milestone)
                .toList();
    }

    private record Noted(DealMilestone milestone, Timestamp notedAt, String key) {}

    private static DealMilestone milestone(ResultSet rs) throws SQLException {
        Array assets = rs.getArray("asset_ids");
        return new DealMilestone(
                rs.getString("deal_id"),
                DealMilestone.Stage.valueOf(rs.getString("stage")),
                Optional.ofNullable(rs.getString("listing_id")),
                rs.getString("mechanism"),
                rs.getString("contract_type"),
                rs.getString("seller_region"),
                rs.getString("buyer_region"),
                Money.of(rs.getLong("price"), rs.getString("currency")),
                List.of((String[]) assets.getArray()),
                rs.getTimestamp("at").toInstant());
    }
}
