package org.techmarket.search.meaning;

import java.util.Locale;
import java.util.Optional;

/** How a query is matched: by its words (and their translations), by meaning (vectors), or both fused. */
public enum SearchMode {
    WORDS,
    VECTORS,
    HYBRID;

    /** The mode the judged set measures best (ADR 0044). */
    public static final SearchMode DEFAULT = WORDS;

    /** The mode a {@code mode=} parameter names, in any case; empty for an unknown name. */
    public static Optional<SearchMode> parse(String name) {
        for (SearchMode mode : values()) {
            if (mode.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
