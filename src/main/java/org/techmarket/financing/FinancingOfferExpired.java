package org.techmarket.financing;

import java.time.Instant;
import java.util.List;
import org.techmarket.shared.Notice;

/** A lender's offer on a financing request stood until {@code validUntil} unaccepted: a notice for the lender. */
public record FinancingOfferExpired(String offerId, String requestId, String lenderId, Instant validUntil)
        implements Notice {

    /** The notice kind webhooks subscribe to. */
    public static final String KIND = "financing.offer-expired";

    @Override
    public String noticeKind() {
        return KIND;
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return List.of(Recipient.organization(lenderId));
    }

    @Override
    public String noticeSubjectType() {
        return "financing-request";
    }

    @Override
    public String noticeSubjectId() {
        return requestId;
    }

    @Override
    public String noticeSummary() {
        return "Your financing offer expired unaccepted at " + validUntil;
    }
}
