package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.Market.Seller;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Every lifecycle endpoint: who may call it, in which status, and what it refuses without changing anything. */
class ListingLifecycleIT extends IntegrationTest {

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    @Test
    void aSellerDraftsSubmitsAndAnOperatorApprovesWhichPublishesUntilBiddingOpens() {
        Seller seller = market.seller();
        Api.Response draft = market.draft(
                seller,
                assignment(),
                english(
                        "100000.00",
                        "1000.00",
                        "5000.00",
                        now().plus(Duration.ofHours(1)),
                        now().plus(Duration.ofHours(2))));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        assertThat(draft.header("Location")).endsWith(draft.text("id"));
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        assertThat(draft.json().path("mechanism").path("hasReserve").asBoolean())
                .isFalse();
        String id = draft.text("id");

        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        assertThat(market.get(id, stranger.token()).status()).isEqualTo(404);
        assertThat(market.get(id, ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/listings/" + id + "/approval", ADMIN_TOKEN, Map.of())
                        .code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(api.post("/api/v1/listings/" + id + "/submission", stranger.token(), Map.of())
                        .status())
                .isEqualTo(404);

        Api.Response submitted =
                api.post("/api/v1/listings/" + id + "/submission", seller.org().token(), Map.of());
        assertThat(submitted.text("status")).as(submitted.text()).isEqualTo("SUBMITTED");
        assertThat(api.post("/api/v1/listings/" + id + "/approval", seller.org().token(), Map.of())
                        .status())
                .isEqualTo(403);

        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", ADMIN_TOKEN, Map.of());
        assertThat(approved.text("status")).as(approved.text()).isEqualTo("PUBLISHED");
        assertThat(market.get(id, stranger.token()).text("status")).isEqualTo("PUBLISHED");
        assertThat(market.bid(market.bidder("10000.00"), id, "100000.00").code())
                .isEqualTo("LISTING_NOT_OPEN");
        Api.Response listed =
                api.get("/api/v1/listings?status=PUBLISHED&mechanism=ENGLISH&limit=200", stranger.token());
        assertThat(listed.json().path("items").findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/v1/listings?industry=ARTIFICIAL_INTELLIGENCE&limit=200", stranger.token())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .contains(id);
        assertThat(api.get("/api/v1/listings?industry=QUANTUM_INFORMATION&limit=200", stranger.token())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/listings?mechanism=DUTCH&limit=200", stranger.token())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void approvalOpensBiddingAtOnceWhenTheStartHasComeAndTheJobOpensItLaterOtherwise() throws Exception {
        Seller seller = market.seller();
        String now = market.publish(
                seller, assignment(), english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        assertThat(market.get(now, ADMIN_TOKEN).text("status")).isEqualTo("OPEN");

        Seller other = market.seller();
        String soon = market.publish(
                other,
                assignment(),
                english("100.00", "10.00", "0.00", now().plusSeconds(1), now().plus(Duration.ofHours(1))));
        assertThat(market.get(soon, ADMIN_TOKEN).text("status")).isEqualTo("PUBLISHED");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"OPEN".equals(market.get(soon, ADMIN_TOKEN).text("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(market.get(soon, ADMIN_TOKEN).text("status")).isEqualTo("OPEN");
    }

    @Test
    void anOperatorRejectsWithAReasonAndTheRejectedListingStaysPrivate() {
        Seller seller = market.seller();
        String id = market.draft(
                        seller,
                        assignment(),
                        english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1))))
                .text("id");
        api.post("/api/v1/listings/" + id + "/submission", seller.org().token(), Map.of());
        Api.Response noReason = api.post("/api/v1/listings/" + id + "/rejection", ADMIN_TOKEN, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");
        Api.Response rejected = api.post(
                "/api/v1/listings/" + id + "/rejection",
                ADMIN_TOKEN,
                Map.of("reason", "The description does not disclose the licence history"));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("statusReason")).contains("licence history");
        assertThat(market.get(id, fixtures.verifiedOrg("ENTERPRISE").token()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/listings/" + id + "/approval", ADMIN_TOKEN, Map.of())
                        .code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void draftsAreRefusedForBadInputAndForAssetsTheSellerDoesNotOwn() {
        Seller seller = market.seller();
        Seller other = market.seller();
        Map<String, Object> mechanism = english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1)));
        Api.Response notOwner = api.post(
                "/api/v1/listings", seller.org().token(), Market.listing(other.assetId(), assignment(), mechanism));
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.code()).isEqualTo("NOT_ASSET_OWNER");

        Map<String, Object> past = english("100.00", "10.00", "0.00", now().minusSeconds(60), now().minusSeconds(1));
        assertThat(market.draft(seller, assignment(), past).code()).isEqualTo("INVALID_MECHANISM");
        Map<String, Object> lowReserve = english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1)));
        lowReserve.put("reservePrice", Market.cny("50.00"));
        assertThat(market.draft(seller, assignment(), lowReserve).code()).isEqualTo("INVALID_MECHANISM");
        Map<String, Object> mixed = english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1)));
        mixed.put("deposit", Map.of("amount", "5.00", "currency", "USD"));
        assertThat(market.draft(seller, assignment(), mixed).code()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(market.draft(seller, Map.of("type", "LEASE"), mechanism).code())
                .isEqualTo("INVALID_OFFER");

        // A pending organization may prepare a draft of its own asset, but not offer it to the market.
        Org pending = fixtures.registerOrg("ENTERPRISE");
        Api.Response pendingAsset = fixtures.registerAsset(pending, Fixtures.knowHowAsset(pending.id()));
        Api.Response pendingDraft = api.post(
                "/api/v1/listings", pending.token(), Market.listing(pendingAsset.text("id"), assignment(), mechanism));
        assertThat(pendingDraft.status()).as(pendingDraft.text()).isEqualTo(201);
        Api.Response unverified =
                api.post("/api/v1/listings/" + pendingDraft.text("id") + "/submission", pending.token(), Map.of());
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");

        Api.Response listed = api.get("/api/v1/listings?limit=200", ADMIN_TOKEN);
        assertThat(listed.status()).isEqualTo(200);
    }

    @Test
    void submissionIsRefusedWhenTheRightsOfferedAreAlreadyLicensedExclusively() {
        Seller seller = market.seller();
        Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Response grant = api.post(
                "/api/v1/assets/" + seller.assetId() + "/grants",
                seller.org().token(),
                Map.of(
                        "type",
                        "EXCLUSIVE_LICENCE",
                        "granteeId",
                        licensee.id(),
                        "scope",
                        Map.of(
                                "fields",
                                List.of("*"),
                                "territories",
                                List.of("CN"),
                                "start",
                                today,
                                "end",
                                LocalDate.now(ZoneOffset.UTC).plusYears(2).toString())));
        assertThat(grant.status()).as(grant.text()).isEqualTo(201);

        String id = market.draft(
                        seller,
                        Market.exclusiveLicence("CN"),
                        english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1))))
                .text("id");
        Api.Response refused =
                api.post("/api/v1/listings/" + id + "/submission", seller.org().token(), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(refused.json().path("conflicts").get(0).path("reason").asString())
                .isEqualTo("EXCLUSIVE_OVERLAP");
        assertThat(market.get(id, seller.org().token()).text("status")).isEqualTo("DRAFT");

        String elsewhere = market.draft(
                        seller,
                        Market.exclusiveLicence("US"),
                        english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1))))
                .text("id");
        assertThat(api.post(
                                "/api/v1/listings/" + elsewhere + "/submission",
                                seller.org().token(),
                                Map.of())
                        .text("status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void theSellerWithdrawsOnlyBeforeTheFirstBid() {
        Seller seller = market.seller();
        String quiet = market.publish(
                seller, assignment(), english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        assertThat(api.post("/api/v1/listings/" + quiet + "/withdrawal", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/listings/" + quiet + "/withdrawal",
                                seller.org().token(),
                                Map.of())
                        .text("status"))
                .isEqualTo("WITHDRAWN");

        Seller busy = market.seller();
        String bidOn = market.publish(
                busy, assignment(), english("100.00", "10.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        assertThat(market.bid(market.bidder("1000.00"), bidOn, "100.00").status())
                .isEqualTo(201);
        Api.Response refused =
                api.post("/api/v1/listings/" + bidOn + "/withdrawal", busy.org().token(), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("LISTING_HAS_BIDS");
        assertThat(market.get(bidOn, ADMIN_TOKEN).text("status")).isEqualTo("OPEN");
    }

    @Test
    void anOperatorCancelsWithAReasonAndEveryDepositGoesBack() {
        Seller seller = market.seller();
        String id = market.publish(
                seller, assignment(), english("1000.00", "100.00", "300.00", now(), now().plus(Duration.ofHours(1))));
        Org first = market.bidder("2000.00");
        Org second = market.bidder("2000.00");
        assertThat(market.bid(first, id, "1000.00").status()).isEqualTo(201);
        assertThat(market.bid(second, id, "1100.00").status()).isEqualTo(201);
        assertThat(market.balances(first)).containsExactly("1700.00", "300.00");

        assertThat(api.post(
                                "/api/v1/listings/" + id + "/cancellation",
                                seller.org().token(),
                                Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/listings/" + id + "/cancellation", ADMIN_TOKEN, Map.of())
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        Api.Response cancelled = api.post(
                "/api/v1/listings/" + id + "/cancellation",
                ADMIN_TOKEN,
                Map.of("reason", "The seller's title to the patent is disputed"));
        assertThat(cancelled.text("status")).as(cancelled.text()).isEqualTo("CANCELLED");
        assertThat(market.balances(first)).containsExactly("2000.00", "0.00");
        assertThat(market.balances(second)).containsExactly("2000.00", "0.00");
        assertThat(market.bid(first, id, "1300.00").code()).isEqualTo("LISTING_NOT_OPEN");
        assertThat(market.ledgerBalanced()).isTrue();
    }
}
