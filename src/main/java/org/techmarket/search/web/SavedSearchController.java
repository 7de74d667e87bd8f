package org.techmarket.search.web;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.application.SavedSearchService;
import org.techmarket.search.persistence.SavedSearches.Saved;
import org.techmarket.shared.Actor;

/** A user's saved searches: save one, list them, read one, delete one. */
@RestController
class SavedSearchController {

    private final SavedSearchService saved;

    SavedSearchController(SavedSearchService saved) {
        this.saved = saved;
    }

    /** A saved search as written: a name, the search's parameters (as {@code GET /search} takes them) and a channel. */
    record SavedSearchRequest(
            String name,
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
            String channel) {

        SearchRequest query() {
            return new SearchRequest(
                    q, types, industry, province, kind, mechanism, ipc, priceMin, priceMax, status, null, null, null);
        }
    }

    record SavedSearchView(String id, String name, SearchRequest query, String channel, Instant createdAt) {

        static SavedSearchView of(Saved s) {
            return new SavedSearchView(s.id(), s.name(), SavedSearchService.query(s), s.channel(), s.createdAt());
        }
    }

    record SavedSearchList(List<SavedSearchView> items) {}

    @PostMapping("/api/v1/saved-searches")
    ResponseEntity<SavedSearchView> save(@AuthenticationPrincipal Actor actor, @RequestBody SavedSearchRequest body) {
        Saved s = saved.save(actor, body.name(), body.query(), body.channel());
        return ResponseEntity.status(HttpStatus.CREATED).body(SavedSearchView.of(s));
    }

    @GetMapping("/api/v1/saved-searches")
    SavedSearchList list(@AuthenticationPrincipal Actor actor) {
        return new SavedSearchList(
                saved.of(actor).stream().map(SavedSearchView::of).toList());
    }

    @GetMapping("/api/v1/saved-searches/{id}")
    SavedSearchView find(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return SavedSearchView.of(saved.find(actor, id));
    }

    @DeleteMapping("/api/v1/saved-searches/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        saved.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
