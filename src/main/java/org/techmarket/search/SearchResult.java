package org.techmarket.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.techmarket.shared.Money;

/**
 * One page of a search: the hits, the facet counts, how many matched, and the cursor of the next page (null on the
 * last). A search with words counts its matches up to a limit: past it {@code total} is the limit, {@code totalRelation}
 * is {@link TotalRelation#AT_LEAST} and the facets count the first {@code total} matches in the index's order, not
 * every match.
 */
public record SearchResult(
        List<Hit> items,

        @Schema(
                description = "Facet values with their counts over the matches counted: every match when totalRelation"
                        + " is eq, the first `total` matches in the index's order when it is gte (approximate).")
        Map<String, List<FacetCount>> facets,

        @Schema(description = "How many matched (eq), or the count limit when more matched (gte).")
        long total,

        @Schema(description = "eq: total is exact and the facets count every match; gte: more than total matched.")
        TotalRelation totalRelation,

        String nextCursor) {

    /** Whether {@code total} is how many matched, or a lower bound past which counting stopped. */
    public enum TotalRelation {
        /** Every match was counted. */
        @JsonProperty("eq")
        EQUAL_TO,
        /** More matched than were counted. */
        @JsonProperty("gte")
        AT_LEAST
    }

    /** Whether every match was counted: {@code total} and the facet counts are exact. */
    @JsonIgnore
    public boolean exact() {
        return totalRelation == TotalRelation.EQUAL_TO;
    }

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
