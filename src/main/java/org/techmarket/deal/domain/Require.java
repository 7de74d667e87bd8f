package org.techmarket.deal.domain;

import java.util.List;
import org.techmarket.shared.Rejection;

/** Shared checks for the deal records, so that every missing or oversized field is refused the same way. */
final class Require {

    private Require() {}

    static <T> T present(T value, String field) {
        if (value == null) {
            throw Rejection.invalid(DealCodes.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    /** The text stripped of surrounding blanks; refused when absent, blank or longer than {@code max}. */
    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw Rejection.invalid(DealCodes.FIELD_REQUIRED, field, field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw Rejection.invalid(
                    DealCodes.TEXT_TOO_LONG, field, field + " must have at most " + max + " characters");
        }
        return stripped;
    }

    /** An immutable copy of a list of texts, each stripped and required; the list itself may be empty. */
    static List<String> texts(List<String> values, String field, int max) {
        List<String> list = present(values, field);
        for (int i = 0; i < list.size(); i++) {
            text(list.get(i), field + "[" + i + "]", max);
        }
        return list.stream().map(String::strip).toList();
    }
}
