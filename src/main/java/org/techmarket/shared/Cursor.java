package org.techmarket.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An opaque keyset cursor: the id of the last item of the previous page, encoded so clients treat it as opaque. */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Cursor() {}

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(SharedCodes.INVALID_CURSOR, "cursor", "The cursor is not one this server issued");
        }
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw Rejection.invalid(SharedCodes.INVALID_LIMIT, "limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /**
     * The named parameters of a page's query that filters on {@code name} and reads after a cursor: {@code name},
     * {@code after} (null before the first page) and {@code limit}, for a query written with {@code :name},
     * {@code :after} and {@code :limit}.
     */
    public static Map<String, Object> pageParams(String name, String value, Optional<String> after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put(name, value);
        params.put("after", after.orElse(null));
        params.put("limit", limit);
        return params;
    }
}
