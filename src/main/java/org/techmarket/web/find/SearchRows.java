package org.techmarket.web.find;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchResult;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.Links;

/**
 * The search page's hits and facets as text ready to print, in the page's language: each hit's badge, address, price,
 * industries and reasons, and each facet value's label, count and the address that turns it on or off, written here
 * once so that the template only prints them (ADR 0067). A snippet stays the escaped text with {@code <mark>} that
 * {@link Snippets} lets through.
 */
@Component
public class SearchRows {

    /** The facets with counts, in the order the page shows them (the types are fixed checkboxes of their own). */
    static final List<String> COUNTED = List.of("industry", "kind", "province", "mechanism", "status");

    /** A hit: its type's name, its page (none for an organization), title, snippet, price, industries and reasons. */
    public record HitRow(
            String badge,
            String href,
            String title,
            String snippet,
            String price,
            List<String> industries,
            String patentNumber,
            List<String> reasons) {}

    /** A facet with the values found: its form name, its legend and its values. */
    public record FacetGroup(String name, String legend, List<FacetOption> options) {}

    /** A facet value: as the form sends it, whether it is chosen, the search with it toggled, its label and count. */
    public record FacetOption(String value, boolean on, String href, String label, long count) {}

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

    /** The page's hits, ready to print. */
    public List<HitRow> hits(SearchResult result) {
        List<HitRow> rows = new ArrayList<>(result.items().size());
        for (SearchResult.Hit hit : result.items()) {
            rows.add(new HitRow(
                    labels.label("types", hit.type()),
                    href(hit),
                    hit.title(),
                    Snippets.safe(hit.snippet()),
                    hit.price() == null ? null : fmt.money(hit.price()),
                    hit.industries() == null
                            ? List.of()
                            : hit.industries().stream()
                                    .map(i -> labels.label("industry", i))
                                    .toList(),
                    hit.patentNumber(),
                    hit.reasons() == null
                            ? List.of()
                            : hit.reasons().stream().map(reasons::say).toList()));
        }
        return rows;
    }

    /** The facets that found values, each value with its label, count and the search with it toggled. */
    public List<FacetGroup> facets(SearchResult result, SearchForm form) {
        List<FacetGroup> groups = new ArrayList<>();
        for (String facet : COUNTED) {
            List<SearchResult.FacetCount> counts = result.facets().get(facet);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            List<FacetOption> options = new ArrayList<>(counts.size());
            for (SearchResult.FacetCount count : counts) {
                options.add(new FacetOption(
                        count.value(),
                        form.on(facet, count.value()),
                        form.toggle(facet, count.value()),
                        labels.label(facet, count.value()),
                        count.count()));
            }
            groups.add(new FacetGroup(
                    facet, messages.getMessage("find.facet." + facet, null, LocaleContextHolder.getLocale()), options));
        }
        return groups;
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
