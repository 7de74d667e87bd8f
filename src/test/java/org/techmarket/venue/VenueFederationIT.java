package org.techmarket.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.venue.VenueKit.cny;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.venue.VenueKit.Venue;
import tools.jackson.databind.JsonNode;

/**
 * Two regional exchanges on one market. A university verified by the Guangdong exchange auctions a patent there and
 * cross-lists the auction on the Zhejiang exchange; a manufacturer verified in Guangdong and one verified in Zhejiang
 * bid in the same auction, the Zhejiang one wins, and when the deal completes the fee is shared to the fen between the
 * listing venue and the introducing one, as both fee statements show.
 */
class VenueFederationIT extends IntegrationTest {

    @Autowired
    Closing closing;

    @Test
    void aCrossListedAuctionSharesItsFeeBetweenTheListingAndTheIntroducingVenue() {
        VenueKit kit = new VenueKit(api, fixtures);
        // Guangdong charges 2.5% on English auctions of transfers (at least 100.00) and pays introducers 30% of it.
        Venue guangdong = kit.venue("440000", VenueKit.schedule(200, 250, "100.00", "500000.00", 3000));
        Venue zhejiang = kit.venue("330000", VenueKit.schedule(150, 150, "50.00", "300000.00", 2000));

        Org university = kit.verifiedBy(guangdong, "UNIVERSITY");
        Org cantonMaker = kit.verifiedBy(guangdong, "ENTERPRISE");
        Org hangzhouMaker = kit.verifiedBy(zhejiang, "ENTERPRISE");
        kit.cashIn(guangdong, cantonMaker, "50000.00");
        kit.cashIn(zhejiang, hangzhouMaker, "50000.00");
        Api.Response verifier = api.get("/api/v1/organizations/" + hangzhouMaker.id(), hangzhouMaker.token());
        assertThat(verifier.text("venueId")).isEqualTo(zhejiang.id());

        String listing = draftAndSubmit(university);
        // An operator of another venue, the default venue's included, is refused on Guangdong's listing.
        Api.Response foreign =
                api.post("/api/v1/listings/" + listing + "/approval", zhejiang.operatorToken(), Map.of());
        assertThat(foreign.status()).as(foreign.text()).isEqualTo(403);
        assertThat(api.post("/api/v1/listings/" + listing + "/approval", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/listings/" + listing + "/cancellation",
                                zhejiang.operatorToken(),
                                Map.of("reason", "not ours"))
                        .status())
                .isEqualTo(403);
        Api.Response approved =
                api.post("/api/v1/listings/" + listing + "/approval", guangdong.operatorToken(), Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        // The listing records the schedule and rulebook it was approved under; a later schedule is for later listings.
        JsonNode terms = awaitTerms(listing);
        assertThat(terms.path("venueId").asString()).isEqualTo(guangdong.id());
        assertThat(terms.path("feeScheduleVersion").asInt()).isEqualTo(1);
        assertThat(terms.path("rulebookVersion").asInt()).isEqualTo(1);
        assertThat(terms.path("rulebookSha256").asString()).hasSize(64);
        Api.Response raised = api.post(
                "/api/v1/venues/" + guangdong.id() + "/fee-schedules",
                guangdong.operatorToken(),
                VenueKit.schedule(900, 900, "0.00", "900000.00", 0));
        assertThat(raised.status()).as(raised.text()).isEqualTo(201);
        assertThat(raised.json().path("version").asInt()).isEqualTo(2);
        assertThat(api.post(
                                "/api/v1/venues/" + guangdong.id() + "/fee-schedules",
                                zhejiang.operatorToken(),
                                VenueKit.schedule(1, 1, "0.00", "1.00", 0))
                        .status())
                .isEqualTo(403);

        // The university offers the auction on Zhejiang, whose operator, not Guangdong's, approves it.
        Api.Response asked = api.post(
                "/api/v1/venues/" + zhejiang.id() + "/cross-listings",
                university.token(),
                Map.of("listingId", listing));
        assertThat(asked.status()).as(asked.text()).isEqualTo(201);
        assertThat(asked.text("status")).isEqualTo("REQUESTED");
        String approval = "/api/v1/venues/" + zhejiang.id() + "/cross-listings/" + listing + "/approval";
        assertThat(api.post(approval, guangdong.operatorToken(), Map.of()).status())
                .isEqualTo(403);
        Api.Response crossListed = api.post(approval, zhejiang.operatorToken(), Map.of());
        assertThat(crossListed.status()).as(crossListed.text()).isEqualTo(200);
        assertThat(crossListed.text("status")).isEqualTo("APPROVED");
        assertThat(api.post(approval, zhejiang.operatorToken(), Map.of()).code())
                .isEqualTo("ALREADY_CROSS_LISTED");

        // One order book: bidders from both venues bid in the same auction; Zhejiang's buyer wins at one increment
        // above.
        assertThat(bid(cantonMaker, listing, "10000.00").status()).isEqualTo(201);
        Api.Response winning = bid(hangzhouMaker, listing, "12345.67");
        assertThat(winning.status()).as(winning.text()).isEqualTo(201);
        assertThat(winning.json().path("currentPrice").path("amount").asString())
                .isEqualTo("10123.45");
        assertThat(closing.close(listing, Instant.now().plus(Duration.ofHours(3))))
                .isTrue();
        String deal = fixtures.dealOf(hangzhouMaker, listing);
        fixtures.completeDeal(deal, university, hangzhouMaker, "Assignment deed");

        // 2.5% of 10,123.45 is 253.08625 → 253.09; Zhejiang introduced the buyer and takes 30%: 75.927 → 75.93;
        // Guangdong keeps 177.16; the university receives 10,123.45 − 253.09.
        assertThat(fixtures.balances(university)[0]).isEqualTo("9870.36");
        Instant from = Instant.now().minus(Duration.ofHours(1));
        Instant to = Instant.now().plus(Duration.ofHours(1));
        JsonNode listingSide = statement(guangdong, guangdong.operatorToken(), from, to);
        JsonNode line = lineOf(listingSide, deal);
        assertThat(line.path("role").asString()).isEqualTo("LISTING_VENUE");
        assertThat(line.path("fee").path("amount").asString()).isEqualTo("253.09");
        assertThat(line.path("toVenue").path("amount").asString()).isEqualTo("177.16");
        assertThat(line.path("introducingVenueId").asString()).isEqualTo(zhejiang.id());
        JsonNode introducerSide = statement(zhejiang, zhejiang.operatorToken(), from, to);
        JsonNode introduced = lineOf(introducerSide, deal);
        assertThat(introduced.path("role").asString()).isEqualTo("INTRODUCING_VENUE");
        assertThat(introduced.path("toVenue").path("amount").asString()).isEqualTo("75.93");
        assertThat(introducerSide.path("asIntroducer").path("amount").asString())
                .isEqualTo("75.93");

        // Each venue's figures count what it did.
        JsonNode guangdongFigures = api.get("/api/v1/venues/" + guangdong.id() + "/statistics", null)
                .json();
        assertThat(guangdongFigures.path("dealsCharged").asLong()).isEqualTo(1);
        assertThat(guangdongFigures.path("crossListedElsewhere").asLong()).isEqualTo(1);
        assertThat(guangdongFigures.path("feesAsListingVenue").path("amount").asString())
                .isEqualTo("177.16");
        JsonNode zhejiangFigures =
                api.get("/api/v1/venues/" + zhejiang.id() + "/statistics", null).json();
        assertThat(zhejiangFigures.path("dealsIntroduced").asLong()).isEqualTo(1);
        assertThat(zhejiangFigures.path("crossListedHere").asLong()).isEqualTo(1);

        // A later Guangdong listing is approved under the raised schedule.
        String later = draftAndSubmit(university);
        assertThat(api.post("/api/v1/listings/" + later + "/approval", guangdong.operatorToken(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(awaitTerms(later).path("feeScheduleVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aVenueFollowsAnotherVenuesPublicEventsByCursor() {
        VenueKit kit = new VenueKit(api, fixtures);
        Venue venue = kit.venue("320000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0));
        Org seller = kit.verifiedBy(venue, "UNIVERSITY");
        Org bidder = kit.verifiedBy(venue, "ENTERPRISE");
        kit.cashIn(venue, bidder, "20000.00");
        String listing = draftAndSubmit(seller);
        assertThat(api.post("/api/v1/listings/" + listing + "/approval", venue.operatorToken(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(bid(bidder, listing, "10000.00").status()).isEqualTo(201);
        Org second = kit.verifiedBy(venue, "ENTERPRISE");
        kit.cashIn(venue, second, "20000.00");
        assertThat(bid(second, listing, "10500.00").status()).isEqualTo(201);

        String path = "/api/v1/venues/" + venue.id() + "/events";
        Eventually.await("the listing's publication and lead in the venue's feed", Duration.ofSeconds(10), () -> {
            JsonNode page = api.get(path + "?after=0", null).json();
            return types(page).containsAll(List.of("ListingPublished", "LeadTaken"));
        });
        JsonNode first = api.get(path + "?after=0&limit=1", null).json();
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("items").get(0).path("subject").asString()).isEqualTo("listing:" + listing);
        assertThat(first.path("items").get(0).path("type").asString()).isEqualTo("ListingPublished");
        long next = first.path("next").asLong();
        JsonNode rest = api.get(path + "?after=" + next, null).json();
        for (JsonNode item : rest.path("items")) {
            assertThat(item.path("seq").asLong()).isGreaterThan(next);
        }
        assertThat(api.get(path + "?after=0", null).text()).doesNotContain(bidder.id());
        assertThat(api.get("/api/v1/venues/unknown-venue/events", null).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherVenuesOperatorRaisesAConcernTheVerifyingVenueSees() {
        VenueKit kit = new VenueKit(api, fixtures);
        Venue verifying = kit.venue("510000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0));
        Venue doubting = kit.venue("500000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0));
        Org firm = kit.verifiedBy(verifying, "ENTERPRISE");
        long head = new AuditTrail(api, ADMIN_TOKEN).head();

        Api.Response own = api.post(
                "/api/v1/organizations/" + firm.id() + "/concerns",
                verifying.operatorToken(),
                Map.of("reason", "self"));
        assertThat(own.code()).isEqualTo("CONCERN_ON_OWN_VERIFICATION");
        assertThat(api.post(
                                "/api/v1/organizations/" + firm.id() + "/concerns",
                                doubting.operatorToken(),
                                Map.of("reason", " "))
                        .code())
                .isEqualTo("REASON_REQUIRED");
        Org pending = fixtures.registerOrg("ENTERPRISE");
        assertThat(api.post(
                                "/api/v1/organizations/" + pending.id() + "/concerns",
                                doubting.operatorToken(),
                                Map.of("reason", "who verified this?"))
                        .code())
                .isEqualTo("ORGANIZATION_NOT_VERIFIED");
        assertThat(api.post("/api/v1/organizations/" + firm.id() + "/concerns", firm.token(), Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);

        Api.Response raised = api.post(
                "/api/v1/organizations/" + firm.id() + "/concerns",
                doubting.operatorToken(),
                Map.of("reason", "The credit code belongs to a dissolved company"));
        assertThat(raised.status()).as(raised.text()).isEqualTo(201);
        assertThat(raised.text("verifyingVenueId")).isEqualTo(verifying.id());

        JsonNode seen = api.get("/api/v1/venues/" + verifying.id() + "/concerns", verifying.operatorToken())
                .json();
        assertThat(seen.path("items")).hasSize(1);
        assertThat(seen.path("items").get(0).path("reason").asString()).contains("dissolved");
        assertThat(api.get("/api/v1/venues/" + verifying.id() + "/concerns", firm.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/venues/" + verifying.id() + "/concerns", fixtures.regulator())
                        .status())
                .isEqualTo(200);
        assertThat(new AuditTrail(api, ADMIN_TOKEN).types(head, "organization:" + firm.id()))
                .containsExactly("VerificationConcernRaised");
    }

    @Test
    void badVenuesAreRefusedWithStableCodesAndChangeNothing() {
        VenueKit kit = new VenueKit(api, fixtures);
        int before = api.get("/api/v1/venues", null).json().path("items").size();

        assertThat(kit.open(VenueKit.newVenue("Nowhere", "999999", VenueKit.schedule(100, 100, "0.00", "1.00", 0)))
                        .code())
                .isEqualTo("INVALID_VENUE_REGION");
        assertThat(kit.open(VenueKit.newVenue("A city", "440300", VenueKit.schedule(100, 100, "0.00", "1.00", 0)))
                        .code())
                .isEqualTo("INVALID_VENUE_REGION");
        Api.Response negative =
                kit.open(VenueKit.newVenue("Negative", "440000", VenueKit.schedule(-1, 100, "0.00", "1.00", 0)));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("INVALID_BASIS_POINTS");
        assertThat(negative.json().path("errors").get(0).path("field").asString())
                .isEqualTo("feeSchedule.defaultBasisPoints");
        assertThat(kit.open(VenueKit.newVenue("Inverted", "440000", VenueKit.schedule(100, 100, "10.00", "1.00", 0)))
                        .code())
                .isEqualTo("FEE_MINIMUM_ABOVE_MAXIMUM");
        Map<String, Object> unknownMechanism = VenueKit.schedule(100, 100, "0.00", "1.00", 0);
        unknownMechanism.put("rates", List.of(Map.of("mechanism", "RAFFLE", "contractType", "*", "basisPoints", 5)));
        assertThat(kit.open(VenueKit.newVenue("Raffle", "440000", unknownMechanism))
                        .code())
                .isEqualTo("UNKNOWN_MECHANISM");
        Map<String, Object> noRulebook = VenueKit.newVenue("No rules", "440000", VenueKit.schedule(1, 1, "0", "1", 0));
        noRulebook.remove("rulebook");
        assertThat(kit.open(noRulebook).code()).isEqualTo("RULEBOOK_REQUIRED");
        assertThat(kit.open(VenueKit.newVenue(" ", "440000", VenueKit.schedule(1, 1, "0", "1", 0)))
                        .code())
                .isEqualTo("INVALID_VENUE_NAME");
        Api.Response byOperator = api.post(
                "/api/v1/venues",
                ADMIN_TOKEN,
                VenueKit.newVenue("Operator's own", "440000", VenueKit.schedule(1, 1, "0", "1", 0)));
        assertThat(byOperator.status()).isEqualTo(403);

        assertThat(api.get("/api/v1/venues", null).json().path("items")).hasSize(before);
        assertThat(api.get("/api/v1/venues/no-such-venue", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/venues/no-such-venue/statistics", null).code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.post(
                                "/api/v1/venues/no-such-venue/operators",
                                MARKET_ADMIN_TOKEN,
                                Map.of("username", Fixtures.unique("op"), "password", "venue operator password"))
                        .status())
                .isEqualTo(404);
        Venue venue = kit.venue("440000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0));
        assertThat(api.get(
                                "/api/v1/venues/" + venue.id() + "/fee-statement?from=2026-01-02T00:00:00Z"
                                        + "&to=2026-01-01T00:00:00Z",
                                venue.operatorToken())
                        .code())
                .isEqualTo("INVALID_STATEMENT_PERIOD");
        assertThat(api.get(
                                "/api/v1/venues/" + venue.id() + "/fee-statement?from=2026-01-01T00:00:00Z"
                                        + "&to=2026-01-02T00:00:00Z",
                                ADMIN_TOKEN)
                        .status())
                .isEqualTo(403);
        JsonNode shown = api.get("/api/v1/venues/" + venue.id(), null).json();
        assertThat(shown.path("regionCode").asString()).isEqualTo("440000");
        assertThat(shown.path("feeSchedule").path("version").asInt()).isEqualTo(1);
        assertThat(shown.path("rulebook").path("sha256").asString()).hasSize(64);
    }

    private String draftAndSubmit(Org seller) {
        Api.Response asset =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> english = new LinkedHashMap<>();
        english.put("type", "ENGLISH");
        english.put("startPrice", cny("10000.00"));
        english.put("increment", cny("123.45"));
        english.put("deposit", cny("1000.00"));
        english.put("startsAt", now.toString());
        english.put("endsAt", now.plus(Duration.ofHours(1)).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", List.of(asset.text("id")));
        body.put("offer", Map.of("type", "ASSIGNMENT"));
        body.put("mechanism", english);
        body.put("title", "Sparse-sensor training method");
        body.put("description", "A granted invention patent offered on two exchanges.");
        Api.Response draft = api.post("/api/v1/listings", seller.token(), body);
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        Api.Response submitted = api.post("/api/v1/listings/" + id + "/submission", seller.token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return id;
    }

    private Api.Response bid(Org bidder, String listing, String amount) {
        return api.post("/api/v1/listings/" + listing + "/bids", bidder.token(), Map.of("amount", cny(amount)));
    }

    private JsonNode awaitTerms(String listing) {
        Eventually.await(
                "the listing's venue terms",
                Duration.ofSeconds(10),
                () -> api.get("/api/v1/listings/" + listing + "/venue-terms", null)
                                .status()
                        == 200);
        return api.get("/api/v1/listings/" + listing + "/venue-terms", null).json();
    }

    private JsonNode statement(Venue venue, String token, Instant from, Instant to) {
        Api.Response statement =
                api.get("/api/v1/venues/" + venue.id() + "/fee-statement?from=" + from + "&to=" + to, token);
        assertThat(statement.status()).as(statement.text()).isEqualTo(200);
        return statement.json();
    }

    private static JsonNode lineOf(JsonNode statement, String deal) {
        for (JsonNode line : statement.path("lines")) {
            if (deal.equals(line.path("dealId").asString())) {
                return line;
            }
        }
        throw new AssertionError("no line for deal " + deal + " in " + statement);
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("items").forEach(item -> types.add(item.path("type").asString()));
        return types;
    }
}
