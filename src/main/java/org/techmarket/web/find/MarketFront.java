package org.techmarket.web.find;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetBrief;
import org.techmarket.asset.Assets;
import org.techmarket.demand.NeedBoard;
import org.techmarket.demand.NeedBoard.NeedLine;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.OnSale;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.statistics.MarketFigures;
import org.techmarket.web.base.PageReads;

/**
 * What the front page shows, read in a constant number of statements: the listings open now with their sellers'
 * names, the newest assets (read with the count of every asset, in one statement), the newest published needs and
 * challenges (read with the challenges' rewards, in one statement) with their posters, and the market's figures. All
 * of it is read without a transaction to commit (ADR 0119), all but the names sent together (ADR 0117).
 */
@Component
public class MarketFront {

    static final int ON_SALE = 12;
    static final int NEWEST = 8;
    static final int NEEDS = 6;

    /** A listing on sale and who sells it. */
    public record Sale(OnSale listing, String seller) {}

    /** A need or challenge and who posted it. */
    public record Wanted(NeedLine need, String poster) {}

    /** The market's figures: registered assets, completed deals and their value in CNY. */
    public record Figures(long assets, long deals, Money volume) {}

    /** The whole front page. */
    public record Front(List<Sale> onSale, List<AssetBrief> newest, List<Wanted> wanted, Figures figures) {}

    private final Assets assets;
    private final ListingCatalog listings;
    private final NeedBoard needs;
    private final MarketFigures figures;
    private final PageReads reads;

    MarketFront(Assets assets, ListingCatalog listings, NeedBoard needs, MarketFigures figures, PageReads reads) {
        this.reads = reads;
        this.assets = assets;
        this.listings = listings;
        this.needs = needs;
        this.figures = figures;
    }

    /**
     * The front page, read in two round trips: the listings, needs, newest assets and figures together (ADR 0117), then
     * the names of the organizations they name, in no transaction, so none to commit (ADR 0119).
     */
    public Front read(Actor reader) {
        ReadsTogether.Batch batch = reads.batch();
        ReadsTogether.Later<List<OnSale>> onSale = listings.onSale(ON_SALE, batch);
        ReadsTogether.Later<List<NeedLine>> needed = needs.newest(reader, false, NEEDS, batch);
        ReadsTogether.Later<Assets.Newest> newestAssets = assets.newest(NEWEST, batch);
        ReadsTogether.Later<Map<FutureIndustry, MarketFigures.IndustryDeals>> industries =
                figures.completedDealsByIndustry(batch);
        batch.send();
        List<OnSale> open = onSale.get();
        List<NeedLine> wanted = needed.get();
        Set<String> organizations = new HashSet<>();
        open.forEach(sale -> organizations.add(sale.sellerId()));
        wanted.forEach(need -> organizations.add(need.organizationId()));
        Map<String, OrganizationSummary> names = reads.organizations(organizations);
        Assets.Newest newest = newestAssets.get();
        return new Front(
                open.stream()
                        .map(sale -> new Sale(sale, name(names, sale.sellerId())))
                        .toList(),
                newest.assets(),
                wanted.stream()
                        .map(need -> new Wanted(need, name(names, need.organizationId())))
                        .toList(),
                figures(newest.registered(), industries.get()));
    }

    private static Figures figures(long registered, Map<FutureIndustry, MarketFigures.IndustryDeals> industries) {
        long deals = 0;
        long volume = 0;
        for (MarketFigures.IndustryDeals industry : industries.values()) {
            deals += industry.deals();
            volume += industry.value().minor();
        }
        return new Figures(registered, deals, Money.cny(volume));
    }

    static String name(Map<String, OrganizationSummary> names, String organizationId) {
        OrganizationSummary organization = names.get(organizationId);
        return organization == null ? "" : organization.name();
    }
}
