package org.techmarket.search;

import java.util.List;
import java.util.Map;
import org.techmarket.shared.Money;

/**
 * One page of a search: the hits, the facet counts over every match, how many matched, and the cursor of the next
 * page (null on the last).
 */
public record SearchResult(List<Hit> items, Map<String, List<FacetCount>> facets, long total, String nextCursor) {

    /**
     * One item found. {@code snippet} is HTML: the text escaped, matched words in {@code <mark>}; {@code why} says in
     * words why it matched; {@code score} is the relevance (null when sorted otherwise).
     */
    public record Hit(
            String type,
            String id,
            String title,
            String snippet,
            Float score,
            List<String> why,
            String patentNumber,
            List<String> industries,
            String province,
            Money price) {}

    /** How many matches have a facet value. */
    public record FacetCount(String value, long count) {}
}
