package org.techmarket.rights.web;

import java.util.Optional;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Reads an optional {@code If-Match}: absent or {@code *} for any version, else one quoted version such as {@code "3"}. */
final class IfMatch {

    private IfMatch() {}

    static Optional<Long> version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.matches("\"\\d{1,18}\"")) {
            return Optional.of(Long.parseLong(value.substring(1, value.length() - 1)));
        }
        throw new Rejection(
                Rejection.Kind.PRECONDITION_FAILED,
                SharedCodes.VERSION_MISMATCH,
                "If-Match does not name a version of this grant");
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
