package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetBrief;
import org.techmarket.listing.OnSale;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.Links;

/**
 * The front page as text ready to print, in the page's language and the reader's time zone: each row of the page is
 * a record of plain strings (labels, amounts, times and addresses written here once), so the template only prints
 * them, escaped, and a row costs the page a few values instead of ten expressions (ADR 0067).
 */
@Component
public class FrontRows {

    /** A listing on sale: its page, title, seller, what it offers, the price to beat, the bids and its end. */
    public record SaleRow(
            String href,
            String title,
            String seller,
            String offer,
            String price,
            String bids,
            String ends,
            String endsAt) {}

    /** An asset among the newest: its page, title, kind, legal status, IPC classes and industries. */
    public record AssetCard(
            String href, String title, String kind, String status, String ipc, List<Links.Tag> industries) {}

    /** A need or challenge: its badge, page, title, poster, reward or budget and deadline. */
    public record WantedCard(
            String badge,
            String href,
            String title,
            String poster,
            String amount,
            String deadline,
            String deadlineAt) {}

    /** The market's figures as the page writes them. */
    public record FigureTexts(String assets, String onSale, String deals, String volume) {}

    /** The whole front page, ready to print. */
    public record FrontView(
            List<SaleRow> onSale, List<AssetCard> newest, List<WantedCard> wanted, FigureTexts figures) {}

    private final Fmt fmt;
    private final Links links;
    private final MessageSource messages;

    FrontRows(Fmt fmt, Links links, MessageSource messages) {
        this.fmt = fmt;
        this.links = links;
        this.messages = messages;
    }

    /** The front page's rows in the page's language and the reader's zone. */
    public FrontView of(MarketFront.Front front) {
        Locale locale = LocaleContextHolder.getLocale();
        String sealed = messages.getMessage("find.sealed", null, locale);
        String reward = messages.getMessage("find.reward", null, locale) + " ";
        String budget = messages.getMessage("find.budget", null, locale) + " ";
        String challenge = messages.getMessage("find.challenge", null, locale);
        String need = messages.getMessage("find.need", null, locale);
        Fmt.Times times = fmt.times();
        List<SaleRow> onSale = front.onSale().stream()
                .map(sale -> sale(sale.listing(), sale.seller(), sealed, times))
                .toList();
        List<AssetCard> newest = front.newest().stream().map(this::card).toList();
        List<WantedCard> wanted = front.wanted().stream()
                .map(w -> {
                    var n = w.need();
                    Money amount = n.reward().orElse(n.budgetMax());
                    return new WantedCard(
                            n.challenge() ? challenge : need,
                            (n.challenge() ? "/challenges/" : "/needs/") + Links.segment(n.id()),
                            n.title(),
                            w.poster(),
                            (n.reward().isPresent() ? reward : budget) + fmt.money(amount),
                            times.time(n.deadline()),
                            fmt.iso(n.deadline()));
                })
                .toList();
        MarketFront.Figures figures = front.figures();
        FigureTexts texts = new FigureTexts(
                Fmt.grouped(figures.assets()),
                Integer.toString(front.onSale().size()),
                Fmt.grouped(figures.deals()),
                fmt.money(figures.volume()));
        return new FrontView(onSale, newest, wanted, texts);
    }

    /** Every future industry as a link to its search, in the page's language. */
    public List<Links.Tag> industries() {
        return links.industryTags(List.of(FutureIndustry.values()).stream()
                .map(FutureIndustry::name)
                .toList());
    }

    private SaleRow sale(OnSale listing, String seller, String sealed, Fmt.Times times) {
        return new SaleRow(
                "/listings/" + Links.segment(listing.id()),
                listing.title(),
                seller,
                fmt.label(listing.offeredKind()),
                listing.price().map(fmt::money).orElse(sealed),
                listing.bids().map(String::valueOf).orElse("—"),
                times.time(listing.endsAt()),
                fmt.iso(listing.endsAt()));
    }

    private AssetCard card(AssetBrief asset) {
        return new AssetCard(
                "/assets/" + Links.segment(asset.id()),
                asset.title(),
                fmt.label(asset.kind()),
                fmt.label(asset.legalStatus()),
                String.join(", ", asset.ipc()),
                links.industryTags(asset.industries()));
    }
}
