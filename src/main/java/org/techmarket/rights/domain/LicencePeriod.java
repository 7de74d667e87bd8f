package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/** How long each licence taken under an open-licence declaration runs: a number of months or of days. */
public record LicencePeriod(Optional<Integer> months, Optional<Integer> days) {

    /** Fifty years: longer than any patent lives, and small enough that date arithmetic cannot overflow. */
    private static final int MAX_MONTHS = 600;

    private static final int MAX_DAYS = 18_300;

    /** Rejects anything but exactly one of months or days, positive and at most fifty years. */
    public LicencePeriod {
        if (months == null || days == null || months.isPresent() == days.isPresent()) {
            throw invalid("termMonths", "give exactly one of termMonths and termDays");
        }
        months.filter(m -> m < 1 || m > MAX_MONTHS).ifPresent(m -> {
            throw invalid("termMonths", "termMonths is between 1 and " + MAX_MONTHS);
        });
        days.filter(d -> d < 1 || d > MAX_DAYS).ifPresent(d -> {
            throw invalid("termDays", "termDays is between 1 and " + MAX_DAYS);
        });
    }

    /** A period from nullable request fields. */
    public static LicencePeriod of(Integer months, Integer days) {
        return new LicencePeriod(Optional.ofNullable(months), Optional.ofNullable(days));
    }

    /** The exclusive end of a licence that starts on {@code start}. */
    public LocalDate endFrom(LocalDate start) {
        return months.map(start::plusMonths).orElseGet(() -> start.plusDays(days.orElseThrow()));
    }

    private static Rejection invalid(String field, String message) {
        return Rejection.invalid(RightsCodes.INVALID_LICENCE_TERM, field, message);
    }
}
