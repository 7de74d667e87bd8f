package org.techmarket.statistics.persistence;

/**
 * The facts the read models count, selected from the raw tables of the other modules: one row per deal completed,
 * contract registered, listing that reached the funnel, listing awarded and open licence taken, under the read
 * models' own column names and with the rules of {@link org.techmarket.statistics.domain.Counting} written in SQL.
 * The rebuild sums them into the read models; a GROUP BY over them is the raw aggregation the read models are
 * compared and benchmarked against. Only the rebuild reads other modules' tables, and only these columns.
 */
final class RawFacts {

    private static final String SELLER_PROVINCE = province("d.seller_region");
    private static final String BUYER_PROVINCE = province("d.buyer_region");

    /** Deals completed, in the month their history records the completion. */
    static final String COMPLETIONS = "select d.id as deal_id, " + industry("a") + " as industry, " + SELLER_PROVINCE
            + " as province, " + SELLER_PROVINCE + " as seller_province, " + BUYER_PROVINCE + " as buyer_province, "
            + month("h.at") + " as month, d.mechanism, d.contract_type, 1 as deals, d.price_minor as value,"
            + " 0 as registrations, 0 as registered_value"
            + " from deal d join deal_history h on h.deal_id = d.id and h.event = 'DealCompleted'"
            + " left join deal_asset da on da.deal_id = d.id and da.position = 0"
            + " left join asset a on a.id = da.asset_id";

    /** Contracts registered, in the month of the registration, valued at the deal's price. */
    static final String REGISTRATIONS = "select d.id as deal_id, " + industry("a") + " as industry, "
            + SELLER_PROVINCE + " as province, " + month("r.registered_at")
            + " as month, d.mechanism, d.contract_type, 0 as deals, 0 as value, 1 as registrations,"
            + " d.price_minor as registered_value"
            + " from contract_registration r join deal d on d.id = r.deal_id"
            + " left join deal_asset da on da.deal_id = d.id and da.position = 0"
            + " left join asset a on a.id = da.asset_id";

    /** Both, as the deal tables sum them. */
    static final String DEALS = "select industry, province, month, mechanism, contract_type, deals, value,"
            + " registrations, registered_value from (" + COMPLETIONS + ") c union all"
            + " select industry, province, month, mechanism, contract_type, deals, value, registrations,"
            + " registered_value from (" + REGISTRATIONS + ") r";

    /**
     * Listings in the funnel, in the cohort of the month they start: published (the audit log's ListingPublished),
     * bid on (a bid taken, or awarded, which implies one), awarded, and whose deal completed.
     */
    static final String LISTINGS = "select listing_id, industry, mechanism, month, listed, bid_on, awarded, completed"
            + " from (select l.id as listing_id, " + industry("a") + " as industry, l.mechanism, "
            + month("l.starts_at") + " as month,"
            + " (p.listing_id is not null)::int as listed,"
            + " (l.bid_count > 0 or l.award_price is not null)::int as bid_on,"
            + " (l.award_price is not null)::int as awarded,"
            + " (c.listing_id is not null)::int as completed"
            + " from listing l left join asset a on a.id = l.asset_ids[1]"
            + " left join (select distinct substr(e.subject, 9) as listing_id from audit_event e"
            + " where e.type = 'ListingPublished' and e.subject like 'listing:%') p on p.listing_id = l.id"
            + " left join (select distinct d.listing_id from deal d join deal_history h on h.deal_id = d.id"
            + " and h.event = 'DealCompleted') c on c.listing_id = l.id) f"
            + " where listed + bid_on + awarded > 0";

    /** Listings awarded, in the month of the award, with the start price and reserve they were published with. */
    static final String SALES = "select l.id as listing_id, " + industry("a") + " as industry, "
            + "coalesce(a.kind, 'UNKNOWN') as asset_kind, l.mechanism, " + month("l.updated_at") + " as month,"
            + " 1 as sales, l.award_price as value, " + amount("startPrice") + " as start_value,"
            + " (" + amount("reservePrice") + " is not null)::int as reserve_sales,"
            + " case when " + amount("reservePrice") + " is null then 0 else l.award_price end as reserve_sale_value,"
            + " coalesce(" + amount("reservePrice") + ", 0) as reserve_value,"
            + " floor(extract(epoch from (l.updated_at - l.starts_at)))::bigint as seconds_to_sale"
            + " from listing l left join asset a on a.id = l.asset_ids[1] where l.award_price is not null";

    /** Open licences taken, in the month the grant was recorded. */
    static final String OPEN_LICENCES = "select g.id as grant_id, " + industry("a") + " as industry, "
            + month("g.created_at") + " as month, 1 as takes, coalesce(g.amount_due_minor, 0) as amount_due"
            + " from rights_grant g left join asset a on a.id = g.asset_id where g.open_licence_id is not null";

    private RawFacts() {}

    private static String industry(String asset) {
        return "coalesce(" + asset + ".industries[1], 'OTHER')";
    }

    private static String province(String region) {
        return "(case when " + region + " ~ '^[0-9]{6}$' then substr(" + region + ", 1, 2) || '0000'"
                + " else 'UNKNOWN' end)";
    }

    private static String month(String at) {
        return "(date_trunc('month', " + at + " at time zone 'UTC'))::date";
    }

    private static String amount(String field) {
        return "round((l.terms::jsonb #>> '{" + field + ",amount}')::numeric * 100)::bigint";
    }
}
