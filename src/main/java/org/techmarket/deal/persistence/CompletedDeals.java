package org.techmarket.deal.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.ComparableDeals;
import org.techmarket.deal.CompletedDeal;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/** Completed single-asset deals with their royalty rate and the day they completed, read in one statement. */
@Repository
class CompletedDeals implements ComparableDeals {

    /**
     * The newest deals first, by when they were struck; the day each completed is looked up only for those kept, after
     * the limit, so the statement's cost follows the limit and not the number of deals on the assets.
     */
    private static final String SQL = """
            select d.id, a.asset_id, d.grant_kind, d.price_minor, d.currency, d.scope_end, r.rate_basis_points,
                   coalesce((select max(h.at) from deal_history h where h.deal_id = d.id and h.status = 'COMPLETED'),
                            d.updated_at) as completed_at
            from deal_asset a
            join deal d on d.id = a.deal_id
            left join deal_royalty_terms r on r.deal_id = d.id
            where a.asset_id = any(string_to_array(?, ';'))
              and d.status in ('COMPLETED', 'TERMINATED')
              and d.grant_kind is not null
              and d.currency = ?
              and not exists (select 1 from deal_asset o where o.deal_id = d.id and o.position <> a.position)
            order by d.created_at desc, d.id desc
            limit ?""";

    private final JdbcClient jdbc;

    CompletedDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CompletedDeal> completedOn(Collection<String> assetIds, String currency, int limit) {
        if (assetIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        return jdbc.sql(SQL)
                .params(String.join(";", assetIds), currency, limit)
                .query((rs, row) -> new CompletedDeal(
                        rs.getString("id"),
                        rs.getString("asset_id"),
                        GrantKind.valueOf(rs.getString("grant_kind")),
                        Money.of(rs.getLong("price_minor"), rs.getString("currency")),
                        LocalDate.ofInstant(rs.getTimestamp("completed_at").toInstant(), ZoneOffset.UTC),
                        Optional.ofNullable(rs.getDate("scope_end")).map(Date::toLocalDate),
                        Optional.ofNullable((Integer) rs.getObject("rate_basis_points"))))
                .list();
    }
}
