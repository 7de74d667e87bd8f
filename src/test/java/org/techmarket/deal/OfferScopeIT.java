package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * What an offer's scope may be: an assignment passes the whole right and names none; a licence's scope defaults to
 * the listing's, must be one the rights registry understands, and must be grantable to the buyer when offered. Also
 * the author's withdrawal of an offer nobody has answered.
 */
class OfferScopeIT extends IntegrationTest {

    private NegotiationKit kit() {
        return new NegotiationKit(api, fixtures);
    }

    private NegotiationKit.Listed licence(NegotiationKit kit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return kit.licenceForNegotiation(kit.patentOwner(), "300000.00", "0.00", now, now.plus(Duration.ofHours(1)));
    }

    private static Map<String, Object> withScope(Map<String, Object> scope) {
        Map<String, Object> body = new HashMap<>(lumpSum("250000.00", in(Duration.ofMinutes(10))));
        body.put("scope", scope);
        return body;
    }

    private int offerCount(Org seller, String listingId) {
        return api.get("/api/v1/listings/" + listingId + "/offers", seller.token())
                .json()
                .size();
    }

    @Test
    void anOfferOnAnAssignmentNamesNoScope() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (Map<String, Object> scope : List.<Map<String, Object>>of(
                Map.of("fields", List.of("H01M"), "start", today),
                Map.of("territories", List.of("CN"), "start", today),
                Map.of(
                        "start",
                        today,
                        "end",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()))) {
            Api.Response refused = kit.offer(buyer, listed.listingId(), withScope(scope));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("SCOPE_NOT_FOR_ASSIGNMENT");
        }
        assertThat(offerCount(listed.seller(), listed.listingId())).isZero();
        Api.Response whole = kit.offer(buyer, listed.listingId(), withScope(Map.of("start", today)));
        assertThat(whole.status()).as(whole.text()).isEqualTo(201);
    }

    @Test
    void aLicenceOfferTakesTheListingsScopeUnlessItNamesOneTheRegistryCanGrant() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = licence(kit);
        Org buyer = kit.buyer("10.00");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Api.Response plain = kit.offer(buyer, listed.listingId(), lumpSum("250000.00", in(Duration.ofMinutes(10))));
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        assertThat(plain.json().path("scope").path("fields").size()).isZero();
        assertThat(plain.json().path("scope").path("territories").toString()).isEqualTo("[\"CN\"]");
        assertThat(plain.json().path("scope").path("end").asString())
                .isEqualTo(today.plusYears(3).minusDays(1).toString());

        Api.Response badField = kit.offer(
                buyer,
                listed.listingId(),
                withScope(Map.of("fields", List.of("solid-state batteries"), "start", today.toString())));
        assertThat(badField.status()).as(badField.text()).isEqualTo(400);
        assertThat(badField.code()).isEqualTo("INVALID_FIELD_OF_USE");

        Api.Response badTerritory = kit.offer(
                buyer,
                listed.listingId(),
                withScope(Map.of("territories", List.of("Atlantis"), "start", today.toString())));
        assertThat(badTerritory.status()).as(badTerritory.text()).isEqualTo(400);
        assertThat(badTerritory.code()).isEqualTo("INVALID_TERRITORY");

        // A counter that names no scope keeps the countered offer's.
        Api.Response narrow = kit.offer(
                buyer,
                listed.listingId(),
                withScope(Map.of(
                        "fields", List.of("G06N"), "territories", List.of("440000"), "start", today.toString())));
        assertThat(narrow.status()).as(narrow.text()).isEqualTo(201);
        Api.Response countered =
                kit.counter(listed.seller(), narrow.text("id"), lumpSum("280000.00", in(Duration.ofMinutes(10))));
        assertThat(countered.status()).as(countered.text()).isEqualTo(201);
        assertThat(countered.json().path("scope").path("fields").toString()).isEqualTo("[\"G06N\"]");
        assertThat(countered.json().path("scope").path("territories").toString())
                .isEqualTo("[\"440000\"]");
        assertThat(offerCount(listed.seller(), listed.listingId())).isEqualTo(3);
    }

    @Test
    void aLicenceScopeThatConflictsWithAGrantInForceIsRefusedWhenOffered() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = licence(kit);
        Org buyer = kit.buyer("10.00");
        Org earlier = kit.buyer("10.00");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // The owner licensed the whole field exclusively in Guangdong for a year, outside the exchange's listings.
        Api.Response granted = api.post(
                "/api/v1/assets/" + listed.assetId() + "/grants",
                listed.seller().token(),
                Map.of(
                        "type",
                        "EXCLUSIVE_LICENCE",
                        "granteeId",
                        earlier.id(),
                        "scope",
                        Map.of(
                                "fields",
                                List.of("*"),
                                "territories",
                                List.of("440000"),
                                "start",
                                today.toString(),
                                "end",
                                today.plusYears(1).toString())));
        assertThat(granted.status()).as(granted.text()).isEqualTo(201);

        Api.Response refused = kit.offer(
                buyer,
                listed.listingId(),
                withScope(Map.of(
                        "fields", List.of("H01M"), "territories", List.of("440300"), "start", today.toString())));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(refused.json().path("conflicts").get(0).path("assetId").asString())
                .isEqualTo(listed.assetId());
        assertThat(offerCount(listed.seller(), listed.listingId())).isZero();

        Api.Response elsewhere = kit.offer(
                buyer,
                listed.listingId(),
                withScope(Map.of(
                        "fields", List.of("H01M"), "territories", List.of("310000"), "start", today.toString())));
        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(201);
    }

    @Test
    void theAuthorWithdrawsAnOfferNobodyHasAnswered() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        String offer = kit.offer(
                        buyer,
                        listed.listingId(),
                        Map.of(
                                "price",
                                cny("420000.00"),
                                "deadline",
                                in(Duration.ofMinutes(10)).toString()))
                .text("id");

        Api.Response bySeller = kit.answer(listed.seller(), offer, "withdrawal");
        assertThat(bySeller.status()).as(bySeller.text()).isEqualTo(403);
        assertThat(bySeller.code()).isEqualTo("NOT_YOUR_OFFER");
        Api.Response byStranger = kit.answer(kit.buyer("10.00"), offer, "withdrawal");
        assertThat(byStranger.status()).isEqualTo(404);

        Api.Response withdrawn = kit.answer(buyer, offer, "withdrawal");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        Api.Response late = kit.answer(listed.seller(), offer, "acceptance");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(api.get("/api/v1/listings/" + listed.listingId(), buyer.token())
                        .text("status"))
                .isEqualTo("OPEN");
    }
}
