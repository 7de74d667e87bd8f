package org.techmarket.deal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

/**
 * A seller and a buyer agreed on an offer and its listing was awarded to the buyer in the same transaction. It
 * carries all the negotiation's deal opens from: the listing and its venue, the parties, the assets and what passes
 * of them (a licence within {@code licenceScope}), the agreed price, how it is paid, and the buyer's deposit kept
 * for the deal. The payment is stored as its kind and its dated parts (one part for a lump sum), so a stored event
 * reads back without type names; {@link #payment()} gives the schedule. The audit log names the acceptance by this
 * record's simple name.
 */
public record OfferAccepted(
        String offerId,
        String listingId,
        String venueId,
        String sellerId,
        String buyerId,
        List<String> assetIds,
        GrantKind offeredKind,
        Optional<GrantScope> licenceScope,
        Money price,
        PaymentSchedule.Kind paymentKind,
        List<PaymentSchedule.Instalment> paymentParts,
        Optional<String> depositHoldId,
        Instant acceptedAt) {

    public OfferAccepted {
        assetIds = List.copyOf(assetIds);
        paymentParts = List.copyOf(paymentParts);
    }

    /** The dated parts of a negotiated schedule: the lump sum as one part, or each instalment. */
    public static List<PaymentSchedule.Instalment> partsOf(PaymentSchedule payment) {
        if (payment instanceof PaymentSchedule.LumpSum lump) {
            return List.of(new PaymentSchedule.Instalment(lump.amount(), lump.dueDate()));
        }
        if (payment instanceof PaymentSchedule.Instalments parts) {
            return parts.instalments();
        }
        throw new IllegalArgumentException("an offer is paid in one sum or in instalments, not by royalty");
    }

    /** How the agreed price is paid, as the accepted offer said. */
    public PaymentSchedule payment() {
        return paymentKind == PaymentSchedule.Kind.LUMP_SUM
                ? new PaymentSchedule.LumpSum(
                        paymentParts.get(0).amount(), paymentParts.get(0).dueDate())
                : new PaymentSchedule.Instalments(paymentParts);
    }
}
