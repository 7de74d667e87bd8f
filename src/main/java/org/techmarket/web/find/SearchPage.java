package org.techmarket.web.find;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.search.Search;
import org.techmarket.search.SearchResult;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * {@code /search}: the market's search with its facets as checkboxes, highlighted snippets, the reasons for each match
 * and cursor paging. A plain GET form; with JavaScript, htmx swaps the results as the reader types. A search the
 * module refuses shows its reason on the page with a 400.
 */
@Controller
class SearchPage {

    private final Search search;

    SearchPage(Search search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) List<String> industry,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> province,
            @RequestParam(required = false) List<String> mechanism,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> ipc,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            Model model,
            HttpServletResponse response) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        chosen.put("types", types);
        chosen.put("industry", industry);
        chosen.put("kind", kind);
        chosen.put("province", province);
        chosen.put("mechanism", mechanism);
        chosen.put("status", status);
        chosen.put("ipc", ipc);
        SearchForm form = new SearchForm(q, mode, chosen, limit, cursor);
        model.addAttribute("form", form);
        model.addAttribute("types", SearchForm.TYPES);
        try {
            SearchResult result = search.search(form.request(), search.audienceOf(actor), form.mode());
            model.addAttribute("result", result);
            model.addAttribute("snippets", Snippets.of(result));
        } catch (Rejection refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", refused);
        }
        return "find/search";
    }
}
