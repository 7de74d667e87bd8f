package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchResult;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.Links;

/**
 * The search page's hits and facets written as HTML in the page's language: each hit's badge, address, title,
 * snippet, price, industries and reasons, and each facet value's checkbox, label, count and the address that turns it
 * on or off, written here so that the template prints each list whole (ADR 0067, ADR 0085). A snippet stays the escaped
 * text with {@code <mark>} that {@link Snippets} lets through.
 */
@Component
public class SearchRows {

    /** The facets with counts, in the order the page shows them (the types are fixed checkboxes of their own). */
    static final List<String> COUNTED = List.of("industry", "kind", "province", "mechanism", "status");

    /** The facets with values found, as the fieldsets the page shows, and the page's hits, as HTML ready to print. */
    public record Rows(String facets, String hits) {}

    private final FacetLabels labels;
    private final MatchReasons reasons;
    private final Fmt fmt;
    private final MessageSource messages;

    SearchRows(FacetLabels labels, MatchReasons reasons, Fmt fmt, MessageSource messages) {
        this.labels = labels;
        this.reasons = reasons;
        this.fmt = fmt;
        this.messages = messages;
    }

    /**
     * The facets that found values and the page's hits, each written as the markup the template wrote element by
     * element, every text and address escaped as {@code th:text} escapes it (ADR 0085); a snippet is written as it is
     * once {@link Snippets} has let it through.
     */
    public Rows of(SearchResult result, SearchForm form) {
        return new Rows(facets(result, form), hits(result));
    }

    private String hits(SearchResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        String why = messages.getMessage("find.search.why", null, locale);
        Html html = new Html(result.items().size() * 900);
        for (SearchResult.Hit hit : result.items()) {
            String href = href(hit);
            html.raw("\n            <li class=\"find-hit\">\n              <span class=\"find-badge\">")
                    .text(labels.label("types", hit.type()))
                    .raw("</span>\n              ");
            if (href != null) {
                html.raw("<a href=\"").text(href).raw("\">").text(hit.title()).raw("</a>");
            } else {
                html.raw("<span>").text(hit.title()).raw("</span>");
            }
            html.raw("\n              <p class=\"find-snippet\">")
                    .raw(Snippets.safe(hit.snippet()))
                    .raw("</p>\n              <p class=\"find-meta\">");
            if (hit.price() != null) {
                html.raw("\n                <span>")
                        .text(fmt.money(hit.price()))
                        .raw("</span>");
            }
            if (hit.industries() != null) {
                for (String industry : hit.industries()) {
                    html.raw("\n                <span class=\"find-tag\">")
                            .text(labels.label("industry", industry))
                            .raw("</span>");
                }
            }
            if (hit.patentNumber() != null) {
                html.raw("\n                <span>").text(hit.patentNumber()).raw("</span>");
            }
            html.raw("\n              </p>");
            if (hit.reasons() != null && !hit.reasons().isEmpty()) {
                html.raw("\n              <ul class=\"find-why\" aria-label=\"")
                        .text(why)
                        .raw("\">");
                for (SearchResult.Reason reason : hit.reasons()) {
                    html.raw("\n                <li>").text(reasons.say(reason)).raw("</li>");
                }
                html.raw("\n              </ul>");
            }
            html.raw("\n            </li>");
        }
        return html.toString();
    }

    private String facets(SearchResult result, SearchForm form) {
        Locale locale = LocaleContextHolder.getLocale();
        Html html = new Html(4096);
        for (String facet : COUNTED) {
            List<SearchResult.FacetCount> counts = result.facets().get(facet);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            html.raw("\n        <fieldset>\n          <legend>")
                    .text(messages.getMessage("find.facet." + facet, null, locale))
                    .raw("</legend>");
            for (SearchResult.FacetCount count : counts) {
                html.raw("\n          <label class=\"find-facet\">\n            <input type=\"checkbox\" name=\"")
                        .text(facet)
                        .raw("\" value=\"")
                        .text(count.value())
                        .raw(form.on(facet, count.value()) ? "\" checked=\"checked\">" : "\">")
                        .raw("\n            <a href=\"")
                        .text(form.toggle(facet, count.value()))
                        .raw("\">")
                        .text(labels.label(facet, count.value()))
                        .raw("</a>\n            <span class=\"find-count\">")
                        .raw(Long.toString(count.count()))
                        .raw("</span>\n          </label>");
            }
            html.raw("\n        </fieldset>");
        }
        return html.toString();
    }

    private static String href(SearchResult.Hit hit) {
        String id = Links.segment(hit.id());
        return switch (hit.type()) {
            case "organization" -> null;
            case "asset" -> "/assets/" + id;
            case "listing" -> "/listings/" + id;
            case "challenge" -> "/challenges/" + id;
            default -> "/needs/" + id;
        };
    }
}
