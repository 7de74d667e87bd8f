package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetBrief;
import org.techmarket.demand.NeedBoard;
import org.techmarket.listing.OnSale;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.Links;

/**
 * The front page's rows written as HTML in the page's language and the reader's time zone: each list (the listings on
 * sale, the newest technology, the needs and challenges) is written here once as the markup the page's template used to
 * produce element by element, every text and address escaped as the template escapes it ({@link Html}), so the template
 * prints each list whole and a row costs the page a few appends instead of a dozen processed elements (ADR 0085).
 */
@Component
public class FrontRows {

    /** The market's figures as the page writes them. */
    public record FigureTexts(String assets, String onSale, String deals, String volume) {}

    /** The whole front page, ready to print: how many rows each list has, and each list's rows as HTML. */
    public record FrontView(
            int onSale, String onSaleRows, String newestCards, int wanted, String wantedCards, FigureTexts figures) {}

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
        Fmt.Times times = fmt.times();
        MarketFront.Figures figures = front.figures();
        FigureTexts texts = new FigureTexts(
                Fmt.grouped(figures.assets()),
                Integer.toString(front.onSale().size()),
                Fmt.grouped(figures.deals()),
                fmt.money(figures.volume()));
        return new FrontView(
                front.onSale().size(),
                onSale(front.onSale(), locale, times),
                newest(front.newest()),
                front.wanted().size(),
                wanted(front.wanted(), locale, times),
                texts);
    }

    /** Every future industry as a link to its search, in the page's language. */
    public List<Links.Tag> industries() {
        return links.industryTags(List.of(FutureIndustry.values()).stream()
                .map(FutureIndustry::name)
                .toList());
    }

    private String onSale(List<MarketFront.Sale> sales, Locale locale, Fmt.Times times) {
        String sealed = messages.getMessage("find.sealed", null, locale);
        Html html = new Html(sales.size() * 400);
        for (MarketFront.Sale sale : sales) {
            OnSale listing = sale.listing();
            String endsAt = fmt.iso(listing.endsAt());
            html.raw("\n      <tr>\n        <td><a href=\"")
                    .text("/listings/" + Links.segment(listing.id()))
                    .raw("\">")
                    .text(listing.title())
                    .raw("</a></td>\n        <td>")
                    .text(sale.seller())
                    .raw("</td>\n        <td>")
                    .text(fmt.label(listing.offeredKind()))
                    .raw("</td>\n        <td>")
                    .text(listing.price().map(fmt::money).orElse(sealed))
                    .raw("</td>\n        <td>")
                    .text(listing.bids().map(String::valueOf).orElse("—"))
                    .raw("</td>\n        <td><time datetime=\"")
                    .text(endsAt)
                    .raw("\" data-ends-at=\"")
                    .text(endsAt)
                    .raw("\">")
                    .text(times.time(listing.endsAt()))
                    .raw("</time></td>\n      </tr>");
        }
        return html.toString();
    }

    private String newest(List<AssetBrief> assets) {
        Html html = new Html(assets.size() * 600);
        for (AssetBrief asset : assets) {
            html.raw("\n      <li class=\"find-card\">\n        <a href=\"")
                    .text("/assets/" + Links.segment(asset.id()))
                    .raw("\">")
                    .text(asset.title())
                    .raw("</a>\n        <p class=\"find-meta\">\n          <span>")
                    .text(fmt.label(asset.kind()))
                    .raw("</span> ·\n          <span>")
                    .text(fmt.label(asset.legalStatus()))
                    .raw("</span>");
            if (!asset.ipc().isEmpty()) {
                html.raw("\n          <span> · <span>")
                        .text(String.join(", ", asset.ipc()))
                        .raw("</span></span>");
            }
            html.raw("\n        </p>\n        <p class=\"find-tags\">");
            for (Links.Tag tag : links.industryTags(asset.industries())) {
                html.raw("\n          <a class=\"find-tag\" href=\"")
                        .text(tag.href())
                        .raw("\">")
                        .text(tag.label())
                        .raw("</a>");
            }
            html.raw("\n        </p>\n      </li>");
        }
        return html.toString();
    }

    private String wanted(List<MarketFront.Wanted> wanted, Locale locale, Fmt.Times times) {
        String reward = messages.getMessage("find.reward", null, locale) + " ";
        String budget = messages.getMessage("find.budget", null, locale) + " ";
        String challenge = messages.getMessage("find.challenge", null, locale);
        String need = messages.getMessage("find.need", null, locale);
        String deadline = messages.getMessage("find.deadline", null, locale);
        Html html = new Html(wanted.size() * 500);
        for (MarketFront.Wanted w : wanted) {
            NeedBoard.NeedLine n = w.need();
            Money amount = n.reward().orElse(n.budgetMax());
            String deadlineAt = fmt.iso(n.deadline());
            html.raw("\n      <li class=\"find-card\">\n        <span class=\"find-badge\">")
                    .text(n.challenge() ? challenge : need)
                    .raw("</span>\n        <a href=\"")
                    .text((n.challenge() ? "/challenges/" : "/needs/") + Links.segment(n.id()))
                    .raw("\">")
                    .text(n.title())
                    .raw("</a>\n        <p class=\"find-meta\">\n          <span>")
                    .text(w.poster())
                    .raw("</span> ·\n          <span>")
                    .text((n.reward().isPresent() ? reward : budget) + fmt.money(amount))
                    .raw("</span> ·\n          <span>")
                    .text(deadline)
                    .raw("</span> <time datetime=\"")
                    .text(deadlineAt)
                    .raw("\" data-ends-at=\"")
                    .text(deadlineAt)
                    .raw("\">")
                    .text(times.time(n.deadline()))
                    .raw("</time>\n        </p>\n      </li>");
        }
        return html.toString();
    }
}
