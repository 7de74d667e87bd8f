package org.techmarket.search.application;

import org.techmarket.search.SearchRequest;
import tools.jackson.databind.json.JsonMapper;

/** A saved search's query as stored: the search's parameters as JSON (no order, page size or cursor). */
final class SavedQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SavedQueries() {}

    static String write(SearchRequest request) {
        return JSON.writeValueAsString(new SearchRequest(
                request.q(),
                request.types(),
                request.industry(),
                request.province(),
                request.kind(),
                request.mechanism(),
                request.ipc(),
                request.priceMin(),
                request.priceMax(),
                request.status(),
                null,
                null,
                null));
    }

    static SearchRequest read(String json) {
        return JSON.readValue(json, SearchRequest.class);
    }
}
