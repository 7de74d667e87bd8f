package org.techmarket.deal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** What an offer proposes: the price, how it is paid and the scope of the grant; the schedule pays the price. */
public record OfferTerms(Money price, PaymentSchedule payment, GrantScope scope) {

    private static final int MAX_SCOPE_ENTRY = 200;

    public OfferTerms {
        Require.present(price, "price");
        Require.present(payment, "payment");
        Require.present(scope, "scope");
        if (price.isZero() && payment.kind() != PaymentSchedule.Kind.RUNNING_ROYALTY) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "price", "the price must be more than zero");
        }
        payment.requireConsistentWith(price);
    }

    /**
     * The scope as the parties word it: fields of use and territories in their own words (empty means
     * unrestricted) and the term from {@code start} to {@code lastDay} inclusive, or as long as the rights without
     * one. Each entry is a text of at most 200 characters, and the term does not end before it starts.
     */
    public static GrantScope scope(
            List<String> fields, List<String> territories, LocalDate start, Optional<LocalDate> lastDay) {
        List<String> namedFields = Require.texts(fields, "scope.fields", MAX_SCOPE_ENTRY);
        List<String> namedTerritories = Require.texts(territories, "scope.territories", MAX_SCOPE_ENTRY);
        Require.present(start, "scope.start");
        if (lastDay.isPresent() && lastDay.get().isBefore(start)) {
            throw Rejection.invalid(RightsCodes.INVALID_TERM, "scope.end", "the term must not end before it starts");
        }
        return GrantScope.toLastDay(namedFields, namedTerritories, start, lastDay);
    }
}
