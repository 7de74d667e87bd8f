package org.techmarket.web.deal;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.persistence.Registrations.RegistrationRow;
import org.techmarket.shared.Money;
import org.techmarket.web.base.Fmt;

/**
 * What the deal room writes, already in the page's language and the user's time zone: amounts, times, labels and the
 * addresses of its forms, so the template only places text (ADR 0068). Absent figures and steps are null.
 */
@Component
public class DealRoomText {

    /** The room's words and figures; {@code commission}, {@code funding}, {@code instalment} and {@code registration} may be null. */
    public record Text(
            String id,
            String at,
            String status,
            String seller,
            String buyer,
            String price,
            String capitals,
            String escrow,
            String commission,
            String funding,
            Instalment instalment,
            List<Signature> signatures,
            List<Line> history,
            List<Line> periods,
            Registration registration) {}

    /** A signature: which party, when, and what kind of key (its name for the page's script, its words). */
    public record Signature(String party, String at, String keyKind, String keyWords) {}

    /** A line of two texts: a time and an event, or a value and its words. */
    public record Line(String first, String second) {}

    /** The next instalment the buyer may pay: where its form posts and what its button says. */
    public record Instalment(String action, String label) {}

    /** The contract's registration certificate as the room shows it. */
    public record Registration(String number, String registeredOn, String amount, String contractHash) {}

    private final Fmt fmt;
    private final MessageSource messages;

    DealRoomText(Fmt fmt, MessageSource messages) {
        this.fmt = fmt;
        this.messages = messages;
    }

    Text of(DealRoom room) {
        Deal deal = room.deal();
        String at = "/deals/" + deal.id();
        var details = room.details();
        Money commission = details.buyersBrokerCommission();
        return new Text(
                deal.id(),
                at,
                fmt.label(deal.status()),
                deal.seller().name(),
                deal.buyer().name(),
                fmt.money(deal.price()),
                fmt.capitals(deal.price().minor()),
                fmt.money(details.escrowBalance()),
                commission.isPositive() ? fmt.money(commission) : null,
                room.mayFund() ? fmt.money(details.fundingAmount()) : null,
                room.payableInstalment()
                        .map(e -> new Instalment(
                                at + "/instalments/" + e.number() + "/pay",
                                message("deal.pay", e.number(), fmt.money(e.amount()))))
                        .orElse(null),
                details.signatures().stream()
                        .map(s -> new Signature(
                                s.organizationId().equals(deal.seller().organizationId())
                                        ? deal.seller().name()
                                        : deal.buyer().name(),
                                fmt.time(s.signedAt()),
                                s.keyKind().name(),
                                message("deal.keyKind." + s.keyKind().name())))
                        .toList(),
                details.history().stream()
                        .map(step -> new Line(fmt.time(step.at()), step.event()))
                        .toList(),
                room.missingRoyaltyPeriods().stream()
                        .map(p -> new Line(Integer.toString(p.number()), p.firstDay() + " – " + p.lastDay()))
                        .toList(),
                room.registration().map(this::registration).orElse(null));
    }

    private Registration registration(RegistrationRow r) {
        return new Registration(
                r.number(), r.registeredOn().toString(), fmt.money(r.amountMinor(), r.currency()), r.contractHash());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
