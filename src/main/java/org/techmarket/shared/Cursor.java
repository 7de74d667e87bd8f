package org.techmarket.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
}
