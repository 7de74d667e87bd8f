package org.techmarket.search;

/**
 * A search as a caller writes it, every part optional ({@code null}): the words {@code q}, comma-separated filter
 * values ({@code types}, {@code industry}, {@code province}, {@code kind}, {@code mechanism}, {@code ipc},
 * {@code status}), prices in yuan as decimal strings, the order ({@code relevance}, {@code newest} or {@code price}),
 * the page size and the cursor of a previous answer. {@link Search#search} checks it.
 */
public record SearchRequest(
        String q,
        String types,
        String industry,
        String province,
        String kind,
        String mechanism,
        String ipc,
        String priceMin,
        String priceMax,
        String status,
        String sort,
        String limit,
        String cursor) {

    /** A search for words alone, relevance first, the first page. */
    public static SearchRequest words(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same search limited to these types (comma-separated) and page size. */
    public SearchRequest withTypes(String newTypes, int newLimit) {
        return new SearchRequest(
                q,
                newTypes,
                industry,
                province,
                kind,
                mechanism,
                ipc,
                priceMin,
                priceMax,
                status,
                sort,
                String.valueOf(newLimit),
                cursor);
    }
}
