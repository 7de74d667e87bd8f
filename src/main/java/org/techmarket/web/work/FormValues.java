package org.techmarket.web.work;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A form's text fields read as the market's values: blank is absent, and a value that does not read is a refusal
 * naming its field, as the API's JSON reader refuses it.
 */
final class FormValues {

    private FormValues() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Money money(String yuan, String field) {
        String value = text(yuan);
        return value == null ? null : read(value, field, v -> Money.parse(v.replace(",", ""), Money.DEFAULT_CURRENCY));
    }

    static LocalDate date(String value, String field) {
        String text = text(value);
        return text == null ? null : read(text, field, LocalDate::parse);
    }

    /** A {@code datetime-local} field's value, read in the user's zone. */
    static Instant instant(String value, ZoneId zone, String field) {
        String text = text(value);
        return text == null
                ? null
                : read(text, field, v -> LocalDateTime.parse(v).atZone(zone).toInstant());
    }

    static Integer integer(String value, String field) {
        String text = text(value);
        return text == null ? null : read(text, field, Integer::valueOf);
    }

    static Long minutesAsSeconds(String value, String field) {
        Integer minutes = integer(value, field);
        return minutes == null ? null : minutes * 60L;
    }

    /** A list typed as words separated by commas, semicolons or blanks. */
    static List<String> words(String value) {
        String text = text(value);
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,;，；\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        String text = text(value);
        return text == null ? null : read(text, field, v -> Enum.valueOf(type, v));
    }

    private static <T> T read(String value, String field, Function<String, T> reader) {
        try {
            return reader.apply(value);
        } catch (DateTimeException | IllegalArgumentException unreadable) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, field, field + " does not read as a value");
        }
    }
}
