package org.techmarket.statistics.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read models' tables as the event handlers change them: a fact is claimed once by its key, then added to every
 * table that counts it, each addition one upsert of a cell.
 */
@Repository
public class ReadModel {

    private final JdbcClient jdbc;

    ReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A listing's funnel cohort: its industry, mechanism and the month it starts. */
    public record Cohort(String industry, String mechanism, LocalDate month) {}

    /** Whether the fact is new: false when its key was applied before, by an earlier delivery or the rebuild. */
    public boolean claim(String key, Instant at) {
        return jdbc.sql("insert into stat_applied_fact (key, applied_at) values (?, ?) on conflict do nothing")
                        .params(key, java.sql.Timestamp.from(at))
                        .update()
                == 1;
    }

    /** A completed deal: counted by its seller's province, and as a flow to its buyer's. */
    public void addDeal(
            String industry,
            String province,
            String buyerProvince,
            LocalDate month,
            String mechanism,
            String contractType,
            long value) {
        addToDeals(industry, province, month, mechanism, contractType, new long[] {1, value, 0, 0});
        jdbc.sql("insert into stat_flow_cell (seller_province, buyer_province, month, deals, value)"
                        + " values (?, ?, ?, 1, ?) on conflict (seller_province, buyer_province, month) do update"
                        + " set deals = stat_flow_cell.deals + 1, value = stat_flow_cell.value + excluded.value")
                .params(province, buyerProvince, month, value)
                .update();
    }

    /** A registered contract, by its seller's province. */
    public void addRegistration(
            String industry, String province, LocalDate month, String mechanism, String contractType, long value) {
        addToDeals(industry, province, month, mechanism, contractType, new long[] {0, 0, 1, value});
    }

    private void addToDeals(
            String industry, String province, LocalDate month, String mechanism, String contractType, long[] add) {
        String sums = " deals = %1$s.deals + excluded.deals, value = %1$s.value + excluded.value,"
                + " registrations = %1$s.registrations + excluded.registrations,"
                + " registered_value = %1$s.registered_value + excluded.registered_value";
        jdbc.sql("insert into stat_deal_cell (industry, province, month, mechanism, contract_type, deals, value,"
                        + " registrations, registered_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (industry, province, month, mechanism, contract_type) do update set"
                        + sums.formatted("stat_deal_cell"))
                .params(industry, province, month, mechanism, contractType, add[0], add[1], add[2], add[3])
                .update();
        jdbc.sql("insert into stat_deal_month (industry, province, month, deals, value, registrations,"
                        + " registered_value) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (industry, province, month) do update set"
                        + sums.formatted("stat_deal_month"))
                .params(industry, province, month, add[0], add[1], add[2], add[3])
                .update();
    }

    /** Remembers the listing's cohort, unless it is known already. */
    public void rememberCohort(String listingId, Cohort cohort) {
        jdbc.sql("insert into stat_listing_cohort (listing_id, industry, mechanism, month) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(listingId, cohort.industry(), cohort.mechanism(), cohort.month())
                .update();
    }

    public Optional<Cohort> cohortOf(String listingId) {
        return jdbc.sql("select industry, mechanism, month from stat_listing_cohort where listing_id = ?")
                .param(listingId)
                .query((rs, n) -> new Cohort(
                        rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .optional();
    }

    /** One more listing of the cohort reached the stage: {@code listed}, {@code bid_on}, {@code awarded}, {@code completed}. */
    public void addToFunnel(Cohort cohort, FunnelStage stage) {
        jdbc.sql("insert into stat_funnel_cell (industry, mechanism, month, " + stage.column + ") values (?, ?, ?, 1)"
                        + " on conflict (industry, mechanism, month) do update set " + stage.column
                        + " = stat_funnel_cell." + stage.column + " + 1")
                .params(cohort.industry(), cohort.mechanism(), cohort.month())
                .update();
    }

    /** The funnel's stages and their columns. */
    public enum FunnelStage {
        LISTED("listed"),
        BID_ON("bid_on"),
        AWARDED("awarded"),
        COMPLETED("completed");

        private final String column;

        FunnelStage(String column) {
            this.column = column;
        }

        /** The stage's column in {@code stat_funnel_cell}. */
        public String column() {
            return column;
        }
    }

    /** An awarded listing: its price, start price and reserve (if it had one), and its seconds from start to award. */
    public record Sale(
            String industry,
            String assetKind,
            String mechanism,
            LocalDate month,
            long price,
            long startPrice,
            Optional<Long> reserve,
            long secondsToSale) {}

    public void addSale(Sale sale) {
        long reserveSales = sale.reserve().isPresent() ? 1 : 0;
        jdbc.sql("insert into stat_sale_cell (industry, asset_kind, mechanism, month, sales, value, start_value,"
                        + " reserve_sales, reserve_sale_value, reserve_value, seconds_to_sale)"
                        + " values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (industry, asset_kind, mechanism, month) do update set"
                        + " sales = stat_sale_cell.sales + 1, value = stat_sale_cell.value + excluded.value,"
                        + " start_value = stat_sale_cell.start_value + excluded.start_value,"
                        + " reserve_sales = stat_sale_cell.reserve_sales + excluded.reserve_sales,"
                        + " reserve_sale_value = stat_sale_cell.reserve_sale_value + excluded.reserve_sale_value,"
                        + " reserve_value = stat_sale_cell.reserve_value + excluded.reserve_value,"
                        + " seconds_to_sale = stat_sale_cell.seconds_to_sale + excluded.seconds_to_sale")
                .params(
                        sale.industry(),
                        sale.assetKind(),
                        sale.mechanism(),
                        sale.month(),
                        sale.price(),
                        sale.startPrice(),
                        reserveSales,
                        reserveSales * sale.price(),
                        sale.reserve().orElse(0L),
                        sale.secondsToSale())
                .update();
    }

    public void addOpenLicence(String industry, LocalDate month, long amountDue) {
        jdbc.sql("insert into stat_open_licence_cell (industry, month, takes, amount_due) values (?, ?, 1, ?)"
                        + " on conflict (industry, month) do update set takes = stat_open_licence_cell.takes + 1,"
                        + " amount_due = stat_open_licence_cell.amount_due + excluded.amount_due")
                .params(industry, month, amountDue)
                .update();
    }
}
