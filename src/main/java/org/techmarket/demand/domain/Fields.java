package org.techmarket.demand.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/** The checks every field of a need, challenge or proposal passes: present, one-line names, bounded text. */
final class Fields {

    private Fields() {}

    static <T> T present(T value, String field) {
        if (value == null) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, field, field + " is required");
        }
        return value;
    }

    /** A one-line name or title of 1 to {@code max} characters. */
    static String name(String value, String field, int max) {
        Optional<String> problem = Text.nameProblem(present(value, field));
        if (value.isBlank() || problem.isPresent() || value.length() > max) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED,
                    field,
                    field + " " + problem.orElse("must be 1 to " + max + " characters"));
        }
        return Text.name(value);
    }

    /** A text of 1 to {@code max} characters, line breaks allowed. */
    static String text(String value, String field, int max) {
        Optional<String> problem = Text.textProblem(present(value, field));
        if (value.isBlank() || problem.isPresent() || value.length() > max) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED,
                    field,
                    field + " " + problem.orElse("must be 1 to " + max + " characters"));
        }
        return value.strip();
    }

    static <T> List<T> list(List<T> values, String field, int min, int max) {
        present(values, field);
        if (values.size() < min || values.size() > max || values.stream().anyMatch(Objects::isNull)) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED, field, field + " must have " + min + " to " + max + " entries");
        }
        return List.copyOf(values);
    }
}
