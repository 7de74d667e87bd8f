package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A negotiation nobody concludes ends UNSOLD at its end, and one its seller withdraws ends at once; either way its open
 * offers lapse, with the reason, and can no longer be accepted.
 */
class NegotiationEndIT extends IntegrationTest {

    @Autowired
    Closing closing;

    @Test
    void aNegotiationWithoutAnAgreementEndsUnsold() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "1000.00");
        Org buyer = kit.buyer("10000.00");
        String offer = kit.offer(buyer, listed.listingId(), lumpSum("450000.00", in(Duration.ofMinutes(30))))
                .text("id");

        assertThat(closing.close(listed.listingId(), in(Duration.ofHours(2)))).isTrue();
        Api.Response listing = api.get("/api/v1/listings/" + listed.listingId(), buyer.token());
        assertThat(listing.text("status")).isEqualTo("UNSOLD");

        Api.Response lapsed = kit.awaitOffer(buyer, offer, "EXPIRED");
        assertThat(lapsed.text("statusReason")).isEqualTo("Listing " + listed.listingId() + " ended unsold");
        Api.Response late = kit.answer(listed.seller(), offer, "acceptance");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(kit.offer(kit.buyer("10.00"), listed.listingId(), lumpSum("1.00", in(Duration.ofMinutes(5))))
                        .code())
                .isEqualTo("LISTING_NOT_OPEN");
        assertThat(kit.awaitDeals(buyer, 1, Duration.ofMillis(300)).size()).isZero();
    }

    @Test
    void aWithdrawnNegotiationClosesItsOpenOffers() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        String offer = kit.offer(buyer, listed.listingId(), lumpSum("450000.00", in(Duration.ofMinutes(30))))
                .text("id");

        Api.Response withdrawn = api.post(
                "/api/v1/listings/" + listed.listingId() + "/withdrawal",
                listed.seller().token(),
                java.util.Map.of());
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);

        Api.Response lapsed = kit.awaitOffer(listed.seller(), offer, "EXPIRED");
        assertThat(lapsed.text("statusReason"))
                .isEqualTo("Listing " + listed.listingId() + " was withdrawn by its seller");
        assertThat(kit.answer(listed.seller(), offer, "acceptance").code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(kit.answer(buyer, offer, "withdrawal").code()).isEqualTo("INVALID_STATUS_TRANSITION");
    }
}
