package org.techmarket.web.find;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The asset page's scope picker as the browser sent it: the kind of grant (which says how exclusive it is), the
 * territory ({@code WORLD}, {@code CN} or a province code), the field of use (an IPC prefix; blank for all fields) and
 * the term (its first day, today when blank, and the first day no longer covered, a year on when blank).
 */
public record ScopeQuestion(String kind, String territory, String field, String start, String end) {

    /** The kinds the picker offers, from the most exclusive down. */
    public static final List<GrantKind> KINDS = List.of(
            GrantKind.ASSIGNMENT, GrantKind.EXCLUSIVE_LICENCE, GrantKind.SOLE_LICENCE, GrantKind.NON_EXCLUSIVE_LICENCE);

    /** The picker's fields among a request's parameters, the first of each that was sent more than once. */
    static ScopeQuestion of(MultiValueMap<String, String> parameters) {
        return new ScopeQuestion(
                parameters.getFirst("kind"),
                parameters.getFirst("territory"),
                parameters.getFirst("field"),
                parameters.getFirst("start"),
                parameters.getFirst("end"));
    }

    /** Whether the reader asked anything. */
    public boolean asked() {
        return kind != null && !kind.isBlank();
    }

    /** The kind asked about, or a refusal naming the field. */
    public GrantKind grantKind() {
        return KINDS.stream()
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> Rejection.invalid(
                        SharedCodes.INVALID_PARAMETER, "kind", "kind is one of " + KINDS + ", not '" + kind + "'"));
    }

    /** The scope asked about; today stands for a blank start. */
    public GrantScope scope(LocalDate today) {
        String fieldOfUse = field == null || field.isBlank() ? GrantScope.ALL_FIELDS : field.strip();
        String place = territory == null || territory.isBlank() ? GrantScope.WORLD : territory.strip();
        LocalDate from = date(start, "start", today);
        return new GrantScope(List.of(fieldOfUse), List.of(place), from, date(end, "end", from.plusYears(1)));
    }

    private static LocalDate date(String raw, String name, LocalDate blank) {
        if (raw == null || raw.isBlank()) {
            return blank;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, name, name + " is a date such as 2027-01-31");
        }
    }
}
