package org.techmarket.search.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.SearchResult;
import org.techmarket.search.application.Rebuilds;
import org.techmarket.search.application.SearchService;
import org.techmarket.shared.Actor;

/**
 * {@code GET /api/v1/search}: the market's items by words (and their translations), by meaning or both ({@code mode})
 * and facets, public (a verified organization's users also
 * find items meant for verified organizations only); {@code POST /api/v1/search/reindex}: an operator rebuilds this
 * node's index.
 */
@RestController
class SearchController {

    private final SearchService search;
    private final Rebuilds rebuilds;

    SearchController(SearchService search, Rebuilds rebuilds) {
        this.search = search;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/v1/search")
    SearchResult search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String types,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String mechanism,
            @RequestParam(required = false) String ipc,
            @RequestParam(required = false) String priceMin,
            @RequestParam(required = false) String priceMax,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String mode) {
        SearchRequest request = new SearchRequest(
                q, types, industry, province, kind, mechanism, ipc, priceMin, priceMax, status, sort, limit, cursor);
        return search.search(request, search.audienceOf(actor), mode);
    }

    @PostMapping("/api/v1/search/reindex")
    ResponseEntity<Map<String, Object>> reindex(@AuthenticationPrincipal Actor actor) {
        boolean started = rebuilds.request(actor);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuilding", true, "startedNow", started));
    }
}
