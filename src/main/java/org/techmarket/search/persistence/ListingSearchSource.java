package org.techmarket.search.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchSource;
import org.techmarket.shared.Money;

/**
 * Listings as the index sees them: those disclosed to the market (not drafts, submissions, approvals awaiting
 * publication or refusals), with their assets' IPC codes and patent number, the seller's province, and as price the
 * award price once awarded, else the start price. One statement over the listing and registry tables (read only).
 */
@Component
class ListingSearchSource implements SearchSource {

    static final String SEARCHABLE = "status not in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')";

    private final JdbcClient jdbc;

    ListingSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "listing";
    }

    @Override
    public List<SearchDocument> documents(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select l.id, l.title, l.description, l.seller_id, l.industries, l.offer_kind, l.mechanism,
                               l.currency, l.award_price, l.terms::jsonb #>> '{startPrice,amount}' as start_price,
                               l.status, l.created_at, o.region,
                               array(select distinct c from asset a, unnest(a.ipc) c
                                     where a.id = any(l.asset_ids) order by c) as ipc,
                               (select min(a.patent_number) from asset a where a.id = any(l.asset_ids)) as patent
                        from listing l join organization o on o.id = l.seller_id
                        where l.id = any(?) and l.""" + SEARCHABLE)
                .param(Rows.ids(ids))
                .query((rs, n) -> {
                    String currency = rs.getString("currency").strip();
                    long award = rs.getLong("award_price");
                    Long price = rs.wasNull() ? startPrice(rs.getString("start_price"), currency) : award;
                    return new SearchDocument(
                            type(),
                            rs.getString("id"),
                            rs.getString("title"),
                            rs.getString("description"),
                            rs.getString("patent"),
                            Rows.strings(rs.getArray("industries")),
                            Rows.province(rs.getString("region")),
                            rs.getString("offer_kind"),
                            rs.getString("mechanism"),
                            Rows.strings(rs.getArray("ipc")),
                            price,
                            currency,
                            rs.getString("status"),
                            SearchDocument.PUBLIC,
                            rs.getString("seller_id"),
                            Rows.instant(rs, "created_at"));
                })
                .list();
    }

    private static Long startPrice(String amount, String currency) {
        return amount == null ? null : Money.parse(amount, currency).minor();
    }

    @Override
    public List<String> ids(String after, int limit) {
        return Rows.idsAfter(jdbc, "listing", SEARCHABLE, after, limit);
    }
}
