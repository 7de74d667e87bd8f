package org.techmarket.demand.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's assets as matching reads them, read-only from the asset, owner, organization and listing tables (as
 * surveillance reads the market, ADR 0038): each with its main owner's region and the lowest asking price of its
 * listings on the market in a currency. One statement for any number of assets.
 */
@Repository
public class MarketAssets {

    /** An asset as matching weighs it; {@code owners} by share, largest first. */
    public record AssetFacts(
            String id,
            String title,
            String text,
            List<String> ipc,
            List<String> industries,
            int trl,
            List<String> owners,
            List<String> ownerNames,
            String region,
            Optional<Long> price) {}

    private static final String SELECT = """
            with prices as (
                select unnest(asset_ids) as asset_id,
                       min(((terms::jsonb -> 'startPrice' ->> 'amount')::numeric * 100)::bigint) as price
                from listing
                where status in ('PUBLISHED', 'OPEN') and currency = ? and terms::jsonb -> 'startPrice' is not null
                group by 1)
            select a.id, a.title, a.abstract, a.ipc, a.industries, a.trl, p.price,
                   (select array_agg(o.organization_id order by o.share_hundredths desc, o.organization_id)
                    from asset_owner o where o.asset_id = a.id) as owners,
                   (select array_agg(g.name order by o.share_hundredths desc, o.organization_id)
                    from asset_owner o join organization g on g.id = o.organization_id
                    where o.asset_id = a.id) as owner_names,
                   (select g.region from asset_owner o join organization g on g.id = o.organization_id
                    where o.asset_id = a.id order by o.share_hundredths desc, o.organization_id limit 1) as region
            from asset a left join prices p on p.asset_id = a.id
            where a.registration = 'CONFIRMED'
            """;

    private final JdbcClient jdbc;

    MarketAssets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Assets sharing a future industry or an IPC subclass with the need, newest first, at most {@code limit}. */
    public List<AssetFacts> candidates(List<String> industries, List<String> subclasses, String currency, int limit) {
        return jdbc.sql(SELECT + " and (a.industries && ?::text[] or exists (select 1 from unnest(a.ipc) c"
                        + " where left(c, 4) = any(?::text[]))) order by a.id desc limit ?")
                .params(currency, industries.toArray(String[]::new), subclasses.toArray(String[]::new), limit)
                .query(MarketAssets::map)
                .list();
    }

    public Optional<AssetFacts> find(String assetId, String currency) {
        return jdbc.sql(SELECT + " and a.id = ?")
                .params(currency, assetId)
                .query(MarketAssets::map)
                .optional();
    }

    private static AssetFacts map(ResultSet rs, int row) throws SQLException {
        long price = rs.getLong("price");
        boolean priced = !rs.wasNull();
        return new AssetFacts(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("title") + "\n" + rs.getString("abstract"),
                Needs.strings(rs.getArray("ipc")),
                Needs.strings(rs.getArray("industries")),
                rs.getInt("trl"),
                rs.getArray("owners") == null ? List.of() : Needs.strings(rs.getArray("owners")),
                rs.getArray("owner_names") == null ? List.of() : Needs.strings(rs.getArray("owner_names")),
                rs.getString("region"),
                priced ? Optional.of(price) : Optional.empty());
    }
}
