package org.techmarket.deal.persistence;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.CompletedDeals;
import org.techmarket.deal.IndustryDealValue;
import org.techmarket.shared.Money;

/**
 * Sums completed deals by the future-industry tags of the assets they carry, read with the deal in one statement.
 * A stopgap until the statistics module's read model offers the same figures.
 */
@Repository
class CompletedDealValues implements CompletedDeals {

    private final JdbcClient jdbc;

    CompletedDealValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IndustryDealValue> valueByIndustry() {
        return jdbc.sql("""
                        select coalesce(tag.industry, 'OTHER') as industry, d.currency,
                               count(*) as deals, sum(d.price_minor) as value_minor
                        from deal d
                        left join lateral (
                            select distinct unnest(a.industries) as industry
                            from deal_asset da join asset a on a.id = da.asset_id
                            where da.deal_id = d.id) tag on true
                        where d.status in ('COMPLETED', 'TERMINATED')
                        group by 1, 2
                        order by 1, 2
                        """)
                .query((rs, row) -> new IndustryDealValue(
                        rs.getString("industry"),
                        rs.getLong("deals"),
                        Money.of(rs.getLong("value_minor"), rs.getString("currency"))))
                .list();
    }
}
