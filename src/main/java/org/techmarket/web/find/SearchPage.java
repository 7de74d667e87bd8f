package org.techmarket.web.find;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.search.Search;
import org.techmarket.search.SearchResult;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * {@code /search}: the market's search with its facets as checkboxes, highlighted snippets, the reasons for each match
 * in the page's language and cursor paging. A plain GET form; with JavaScript, htmx swaps the results as the reader
 * types and keeps the address bar on the search. A search the module refuses shows its reason on the page with a 400.
 * A signed-in member of an organization also sees their saved searches, with what is new for each, and saves this one.
 */
@Controller
class SearchPage {

    private final Search search;
    private final SavedSearchPanel saved;
    private final SearchRows rows;
    private final ReadsTogether reads;

    SearchPage(Search search, SavedSearchPanel saved, SearchRows rows, ReadsTogether reads) {
        this.reads = reads;
        this.search = search;
        this.saved = saved;
        this.rows = rows;
    }

    @GetMapping("/search")
    String search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response) {
        SearchForm form = SearchForm.of(params);
        // who searches and their saved searches, in one round trip before the search
        ReadsTogether.Batch batch = reads.batch();
        ReadsTogether.Later<Search.Audience> audience = search.audienceOf(actor, batch);
        ReadsTogether.Later<Optional<List<SavedSearchPanel.Row>>> savedRows = saved.rows(actor, batch);
        batch.send();
        model.addAttribute("form", form);
        model.addAttribute("types", SearchForm.TYPES);
        model.addAttribute("filters", SearchForm.FILTERS);
        try {
            SearchResult result = search.search(form.request(), audience.get(), form.mode());
            model.addAttribute("result", result);
            model.addAttribute("rows", rows.of(result, form));
        } catch (Rejection refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", refused);
        }
        savedRows.get().ifPresent(list -> model.addAttribute("saved", list));
        return "find/search";
    }
}
