package org.techmarket.web.find;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;
import org.techmarket.search.SearchRequest;

/**
 * The search page's form as the browser sent it: the words, the mode, each facet's chosen values (a checkbox sends
 * one parameter per value) and the page size. It writes the module's request, and the links that turn a facet value on or off or move to
 * the next page while keeping everything else.
 */
public record SearchForm(String q, String mode, Map<String, List<String>> chosen, String limit, String cursor) {

    private static final String PATH = "/search";

    /** The facets a reader filters by, in the order the page shows them. */
    public static final List<String> FACETS = List.of("types", "industry", "kind", "province", "mechanism", "status");

    /** The types of item the index holds. */
    public static final List<String> TYPES = List.of("asset", "listing", "need", "challenge", "organization");

    public SearchForm {
        q = q == null ? "" : q;
        mode = mode == null || mode.isBlank() ? "words" : mode;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        chosen.forEach((facet, values) -> copy.put(facet, values == null ? List.of() : List.copyOf(values)));
        chosen = copy;
    }

    /** The facets and the IPC classes, each as the form sends it. */
    public static final List<String> FILTERS =
            List.of("types", "industry", "kind", "province", "mechanism", "status", "ipc");

    /** The form from a request's parameters; a value holding commas is several values, as the API takes them. */
    public static SearchForm of(MultiValueMap<String, String> params) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        FILTERS.forEach(filter -> chosen.put(filter, split(params.get(filter))));
        return new SearchForm(
                params.getFirst("q"),
                params.getFirst("mode"),
                chosen,
                params.getFirst("limit"),
                params.getFirst("cursor"));
    }

    /** The form of a saved search's request, from its first page. */
    public static SearchForm of(SearchRequest saved) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        chosen.put("types", split(saved.types()));
        chosen.put("industry", split(saved.industry()));
        chosen.put("kind", split(saved.kind()));
        chosen.put("province", split(saved.province()));
        chosen.put("mechanism", split(saved.mechanism()));
        chosen.put("status", split(saved.status()));
        chosen.put("ipc", split(saved.ipc()));
        return new SearchForm(saved.q(), null, chosen, null, null);
    }

    /** The search to save: the words and every filter, without a page size or a place in the results. */
    public SearchRequest toSave() {
        return requestFor(null, null);
    }

    /** This search's address, from its first page. */
    public String link() {
        return link(chosen, null);
    }

    public SearchRequest request() {
        return requestFor(limit, cursor);
    }

    private SearchRequest requestFor(String size, String at) {
        return new SearchRequest(
                q.isBlank() ? null : q,
                joined("types"),
                joined("industry"),
                joined("province"),
                joined("kind"),
                joined("mechanism"),
                joined("ipc"),
                null,
                null,
                joined("status"),
                null,
                size,
                at);
    }

    /** Whether the facet's value is chosen. */
    public boolean on(String facet, String value) {
        return chosen.getOrDefault(facet, List.of()).contains(value);
    }

    /** The values chosen for a facet, as the form writes them back. */
    public List<String> values(String facet) {
        return chosen.getOrDefault(facet, List.of());
    }

    /** This search with the facet's value turned on or off, from its first page. */
    public String toggle(String facet, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(chosen);
        List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        next.put(facet, values);
        return link(next, null);
    }

    /** This search's page after the one whose next cursor is given. */
    public String next(String nextCursor) {
        return link(chosen, nextCursor);
    }

    private String link(Map<String, List<String>> facets, String at) {
        // Written by hand rather than with UriComponentsBuilder: the page writes one such link per facet value.
        StringBuilder uri = new StringBuilder(PATH);
        if (!q.isBlank()) {
            param(uri, "q", q);
        }
        if (!"words".equals(mode)) {
            param(uri, "mode", mode);
        }
        facets.forEach((facet, values) -> values.forEach(v -> param(uri, facet, v)));
        if (limit != null && !limit.isBlank()) {
            param(uri, "limit", limit);
        }
        if (at != null) {
            param(uri, "cursor", at);
        }
        return uri.toString();
    }

    /** A parameter of the query; a plus sign is encoded too, since the server reads a bare one as a space. */
    private static void param(StringBuilder uri, String name, String value) {
        uri.append(uri.length() == PATH.length() ? '?' : '&')
                .append(name)
                .append('=')
                .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B"));
    }

    private static List<String> split(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().flatMap(v -> split(v).stream()).toList();
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private String joined(String facet) {
        List<String> values = chosen.getOrDefault(facet, List.of());
        return values.isEmpty() ? null : String.join(",", values);
    }
}
