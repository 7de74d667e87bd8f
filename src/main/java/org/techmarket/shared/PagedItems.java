package org.techmarket.shared;

import java.util.List;

/**
 * A page of a list as the API answers it: its items and the cursor of the next page, {@code null} on the last page.
 */
public record PagedItems<T>(List<T> items, String nextCursor) {

    public static <T> PagedItems<T> of(Page<T> page) {
        return new PagedItems<>(page.items(), page.nextCursor().orElse(null));
    }
}
