package org.techmarket.deal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.Offer;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** The JSON of offers: what a buyer or seller sends, and what they read back. */
final class OfferJson {

    private static final int DEFAULT_DAYS_TO_PAY = 30;

    private OfferJson() {}

    /** An offer or counter-offer: price, how it is paid, the scope granted (for licences) and the deadline. */
    record Request(Money price, PaymentTerms paymentTerms, ScopeTerms scope, Instant deadline) {

        /**
         * The terms in the deal module's terms; absent payment terms mean one lump sum due in 30 days, an absent
         * scope {@code defaultScope}.
         */
        OfferTerms terms(DateRules dates, GrantScope defaultScope) {
            if (price == null) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "price", "a price {amount, currency} is required");
            }
            LocalDate today = dates.today();
            Money amount = price.requirePositive("price");
            PaymentSchedule payment = PaymentTerms.scheduleOrDefault(paymentTerms, amount, dates);
            GrantScope granted = scope == null ? defaultScope : scope.scope(today);
            return new OfferTerms(amount, payment, granted);
        }

        Instant deadlineOrRefuse() {
            if (deadline == null) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "deadline", "a deadline (an instant) is required");
            }
            return deadline;
        }
    }

    /** LUMP_SUM (with an optional dueDate) or INSTALMENTS with their amounts and due dates. */
    record PaymentTerms(String kind, LocalDate dueDate, List<Instalment> instalments) {

        /**
         * The schedule {@code terms} describe; absent terms mean one lump sum due in 30 days. Due dates are today or
         * later, and within the market's horizon.
         */
        static PaymentSchedule scheduleOrDefault(PaymentTerms terms, Money price, DateRules dates) {
            return terms == null
                    ? new PaymentSchedule.LumpSum(price, dates.today().plusDays(DEFAULT_DAYS_TO_PAY))
                    : terms.schedule(price, dates);
        }

        PaymentSchedule schedule(Money price, DateRules dates) {
            if ("LUMP_SUM".equals(kind)) {
                return new PaymentSchedule.LumpSum(
                        price,
                        dueDate == null
                                ? dates.today().plusDays(DEFAULT_DAYS_TO_PAY)
                                : dates.requireComing(dueDate, "paymentTerms.dueDate"));
            }
            if ("INSTALMENTS".equals(kind)) {
                if (instalments == null) {
                    throw Rejection.invalid(
                            DealCodes.FIELD_REQUIRED,
                            "paymentTerms.instalments",
                            "instalments [{amount, dueDate}] are required");
                }
                for (int i = 0; i < instalments.size(); i++) {
                    Instalment instalment = instalments.get(i);
                    if (instalment != null && instalment.dueDate() != null) {
                        dates.requireComing(instalment.dueDate(), "paymentTerms.instalments[" + i + "].dueDate");
                    }
                }
                return new PaymentSchedule.Instalments(
                        instalments.stream().map(Instalment::instalment).toList());
            }
            throw Rejection.invalid(DealCodes.INVALID_PAYMENT_TERMS, "paymentTerms.kind", "LUMP_SUM or INSTALMENTS");
        }
    }

    /** One instalment of the price. */
    record Instalment(Money amount, LocalDate dueDate) {

        PaymentSchedule.Instalment instalment() {
            if (amount == null) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "paymentTerms.instalments.amount", "is required");
            }
            return new PaymentSchedule.Instalment(amount.requirePositive("paymentTerms.instalments.amount"), dueDate);
        }
    }

    /** Fields of use and territories (empty: unrestricted) and the term; the start defaults to today. */
    record ScopeTerms(List<String> fields, List<String> territories, LocalDate start, LocalDate end) {

        GrantScope scope(LocalDate today) {
            return OfferTerms.scope(
                    fields == null ? List.of() : fields,
                    territories == null ? List.of() : territories,
                    start == null ? today : start,
                    Optional.ofNullable(end));
        }
    }

    /** An instalment or lump sum as read back. */
    record PartView(Money amount, LocalDate dueDate) {}

    record PaymentView(String kind, List<PartView> parts) {}

    /** A scope as the parties word it: no fields or territories for unrestricted, and the last day of the term. */
    record ScopeView(List<String> fields, List<String> territories, LocalDate start, LocalDate end) {

        static ScopeView of(GrantScope scope) {
            return new ScopeView(
                    scope.namedFields(),
                    scope.namedTerritories(),
                    scope.start(),
                    scope.lastDay().orElse(null));
        }
    }

    record View(
            String id,
            String listingId,
            String previousOfferId,
            int round,
            String buyerId,
            String sellerId,
            String madeBy,
            String awaiting,
            Money price,
            PaymentView paymentTerms,
            ScopeView scope,
            Instant madeAt,
            Instant deadline,
            String status,
            String statusReason) {

        static View of(Offer o) {
            OfferTerms t = o.terms();
            return new View(
                    o.id(),
                    o.listingId(),
                    o.previousOfferId().orElse(null),
                    o.round(),
                    o.buyerId(),
                    o.sellerId(),
                    o.madeBy(),
                    o.recipient(),
                    t.price(),
                    payment(t.payment()),
                    ScopeView.of(t.scope()),
                    o.madeAt(),
                    o.deadline(),
                    o.status().name(),
                    o.statusReason().orElse(null));
        }

        private static PaymentView payment(PaymentSchedule schedule) {
            if (schedule instanceof PaymentSchedule.LumpSum lump) {
                return new PaymentView(lump.kind().name(), List.of(new PartView(lump.amount(), lump.dueDate())));
            }
            if (schedule instanceof PaymentSchedule.Instalments list) {
                return new PaymentView(
                        list.kind().name(),
                        list.instalments().stream()
                                .map(i -> new PartView(i.amount(), i.dueDate()))
                                .toList());
            }
            return new PaymentView(schedule.kind().name(), List.of());
        }
    }
}
