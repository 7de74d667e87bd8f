package org.techmarket.web.work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where each section of the workspace stands: the place in its list (the cursor its service gave for the next page,
 * one request parameter per section, so paging through the deals keeps the assets where they were) and the page size
 * ({@code ?limit=}, {@value #SHOWN} by default). It writes the links to a section's next page and back to its first.
 * Every section is one page of one keyset read, so the workspace runs as many statements on its tenth page as on its
 * first.
 */
public record WorkspacePaging(Map<String, String> cursors, Optional<Integer> asked, Map<String, String> next) {

    /** The rows a section shows when the address names no page size. */
    static final int SHOWN = 20;

    /** The workspace's paged sections, each also the anchor of its part of the page. */
    static final List<String> SECTIONS =
            List.of("assets", "listings", "bids", "offers", "deals", "users", "notifications");

    public WorkspacePaging {
        cursors = Map.copyOf(cursors);
        next = Map.copyOf(next);
    }

    /** The places and the page size a request names; a page size out of range is refused as the API refuses it. */
    static WorkspacePaging of(MultiValueMap<String, String> params) {
        Map<String, String> cursors = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            String cursor = params.getFirst(section);
            if (cursor != null && !cursor.isBlank()) {
                Cursor.decode(cursor);
                cursors.put(section, cursor);
            }
        }
        String limit = params.getFirst("limit");
        return new WorkspacePaging(
                cursors, limit == null ? Optional.empty() : Optional.of(Cursor.limit(size(limit))), Map.of());
    }

    private static int size(String limit) {
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException notANumber) {
            throw Rejection.invalid(SharedCodes.INVALID_LIMIT, "limit", "limit is a whole number of rows");
        }
    }

    /** The section's place: null for its first page. */
    String cursor(String section) {
        return cursors.get(section);
    }

    int limit() {
        return asked.orElse(SHOWN);
    }

    /** The same places, knowing where each section's next page starts (absent: the section ends on this page). */
    WorkspacePaging withNext(Map<String, Optional<String>> nextCursors) {
        Map<String, String> known = new LinkedHashMap<>();
        nextCursors.forEach((section, cursor) -> cursor.ifPresent(c -> known.put(section, c)));
        return new WorkspacePaging(cursors, asked, known);
    }

    /** Whether the section is past its first page. */
    public boolean paged(String section) {
        return cursors.containsKey(section);
    }

    /** Whether the section has a page to link to: a first one behind it or a next one after it. */
    public boolean shows(String section) {
        return paged(section) || more(section);
    }

    /** Whether the section has more rows after this page. */
    public boolean more(String section) {
        return next.containsKey(section);
    }

    /** The workspace with the section on its next page and every other section where it is. */
    public String nextLink(String section) {
        return link(section, next.get(section));
    }

    /** The workspace with the section back on its first page and every other section where it is. */
    public String firstLink(String section) {
        return link(section, null);
    }

    private String link(String section, String cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(WorkspacePage.PATH);
        for (String each : SECTIONS) {
            String at = each.equals(section) ? cursor : cursors.get(each);
            if (at != null) {
                uri.queryParam(each, at);
            }
        }
        asked.ifPresent(limit -> uri.queryParam("limit", limit));
        return uri.fragment(section).encode().build().toUriString();
    }
}
