package org.techmarket.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
     * words why it matched, and {@code reasons} the same reasons in parts (for a page that words them in its own
     * language; not in the API's answer); {@code score} is the relevance (null when sorted otherwise).
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
            Money price,
            @JsonIgnore List<Reason> reasons) {}

    /**
     * One reason for a match in parts: what matched ({@code kind}), the searcher's words or the item's value that
     * matched ({@code value}) and, for a translation, what the words became ({@code to}, else empty).
     */
    public record Reason(Kind kind, String value, String to) {

        /** What a reason is about. */
        public enum Kind {
            TITLE,
            TEXT,
            IPC,
            INDUSTRY,
            PATENT,
            TRANSLATED
        }

        public static Reason of(Kind kind, String value) {
            return new Reason(kind, value, "");
        }

        /** The reason as the API words it ("title matches 燃料电池"). */
        public String written() {
            return switch (kind) {
                case TITLE -> "title matches " + value;
                case TEXT -> "text matches " + value;
                case IPC -> "IPC " + value;
                case INDUSTRY -> "industry " + value;
                case PATENT -> "patent number " + value;
                case TRANSLATED -> "translated: " + value + " → " + to;
            };
        }
    }

    /** How many matches have a facet value. */
    public record FacetCount(String value, long count) {}
}
