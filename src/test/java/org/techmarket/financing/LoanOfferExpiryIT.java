package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.financing.LoanKit.RATE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.financing.application.LoanOfferExpiry;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * A lender's offer stands until its {@code validUntil}: after that it cannot be accepted, the expiry job marks it
 * EXPIRED and tells the lender, and the request, still open, takes new offers.
 */
class LoanOfferExpiryIT extends FinancingTest {
    @Autowired
    LoanOfferExpiry expiry;

    @Test
    void anOfferStandsFourteenDaysUnlessTheLenderSaysOtherwiseWithinItsBounds() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("1000.00");
        String request = kit.ask(firm, List.of(kit.patent(firm)), "1000.00", 1);

        Api.Response plain = kit.offer(bank, request, RATE, 6000, 1);
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        assertThat(Duration.between(Instant.parse(plain.text("createdAt")), Instant.parse(plain.text("validUntil"))))
                .isEqualTo(Duration.ofDays(14));

        Instant now = clock.instant();
        for (Instant bad : List.of(now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofDays(91)), now)) {
            Api.Response refused = kit.offer(bank, request, offerUntil(bad));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_OFFER_VALIDITY");
        }
        Api.Response week = kit.offer(bank, request, offerUntil(now.plus(Duration.ofDays(7))));
        assertThat(week.status()).as(week.text()).isEqualTo(201);
        assertThat(Instant.parse(week.text("validUntil"))).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(offers(firm, request)).hasSize(2);
    }

    @Test
    void anExpiredOfferIsRefusedMarkedAndToldToItsLenderAndTheRequestTakesNewOffers() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("1000.00");
        Fixtures.Org otherBank = kit.lenderWith("1000.00");
        String request = kit.ask(firm, List.of(kit.patent(firm)), "1000.00", 1);
        String offer = kit.offer(bank, request, offerUntil(clock.instant().plus(Duration.ofHours(2))))
                .text("id");
        String stillOpen = kit.offer(otherBank, request, RATE, 6000, 1).text("id");

        clock.shift(Duration.ofHours(3));
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        otherBank = kit.fresh(otherBank);
        // Run out but not yet marked: the acceptance is refused all the same, and nothing moves.
        Api.Response late = kit.accept(firm, request, offer);
        assertThat(late.status()).as(late.text()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("FINANCING_OFFER_EXPIRED");
        assertThat(fixtures.balances(bank)[0]).isEqualTo("1000.00");
        assertThat(fixtures.balances(firm)[0]).isEqualTo("0.00");

        assertThat(expiry.expireDue(clock.instant())).isGreaterThanOrEqualTo(1);
        JsonNode offers = offers(firm, request);
        assertThat(offers.get(0).path("status").asString()).isEqualTo("EXPIRED");
        assertThat(offers.get(1).path("status").asString()).isEqualTo("OPEN");
        assertThat(kit.accept(firm, request, offer).code()).isEqualTo("FINANCING_OFFER_EXPIRED");
        Fixtures.Org lender = bank;
        Eventually.await("the lender is told its offer expired", Duration.ofSeconds(20), () -> {
            JsonNode inbox =
                    api.get("/api/v1/notifications", lender.token()).json().path("items");
            for (JsonNode notice : inbox) {
                if (notice.path("kind").asString().equals(FinancingOfferExpired.KIND)
                        && notice.path("subject").path("id").asString().equals(request)) {
                    return true;
                }
            }
            return false;
        });
        assertThat(api.get("/api/v1/financing-requests/" + request, firm.token())
                        .text("status"))
                .isEqualTo("OPEN");

        // The other lender's offer expires too; the request, still open, takes a new one, which the firm accepts.
        clock.shift(Duration.ofDays(15));
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        assertThat(expiry.expireDue(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(offers(firm, request).get(1).path("status").asString()).isEqualTo("EXPIRED");
        assertThat(kit.accept(firm, request, stillOpen).code()).isEqualTo("FINANCING_OFFER_EXPIRED");
        Api.Response fresh = kit.offer(bank, request, RATE, 6000, 1);
        assertThat(fresh.status()).as(fresh.text()).isEqualTo(201);
        Api.Response accepted = kit.accept(firm, request, fresh.text("id"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        assertThat(fixtures.balances(firm)[0]).isEqualTo("1000.00");
        expiry.expireDue(clock.instant().plus(Duration.ofDays(30)));
        assertThat(offers(firm, request).get(2).path("status").asString())
                .as("an accepted offer does not expire")
                .isEqualTo("ACCEPTED");
    }

    private JsonNode offers(Fixtures.Org owner, String request) {
        return api.get("/api/v1/financing-requests/" + request, owner.token())
                .json()
                .path("offers");
    }

    private static Map<String, Object> offerUntil(Instant validUntil) {
        return Map.of("rate", RATE, "loanToValue", 6000, "termMonths", 1, "validUntil", validUntil.toString());
    }
}
