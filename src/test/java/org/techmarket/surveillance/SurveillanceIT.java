package org.techmarket.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/**
 * The story of a surveillance desk: organizations that share a legal representative or a bank account are related; a
 * bid by the seller's relative is found after the auction closes, raised once however often the detectors run, taken
 * under review, confirmed, and the relative suspended. Bad reviews are refused and change nothing.
 */
class SurveillanceIT extends IntegrationTest {

    private static final String ALERTS = "/api/v1/surveillance/alerts";

    @Autowired
    Closing closing;

    @Test
    void aSharedLegalRepresentativeIsARelationShownMaskedToOthers() {
        Org first = fixtures.verifiedOrg("ENTERPRISE");
        Org second = fixtures.verifiedOrg("ENTERPRISE");
        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        String representative = "张" + Fixtures.unique("rep");
        assertThat(setRepresentative(first, representative).status()).isEqualTo(200);
        assertThat(setRepresentative(second, " " + representative.toUpperCase() + " ")
                        .status())
                .isEqualTo(200);

        Api.Response own = api.get("/api/v1/organizations/" + first.id(), first.token());
        Api.Response seen = api.get("/api/v1/organizations/" + first.id(), stranger.token());
        assertThat(own.text("legalRepresentative")).isEqualTo(representative);
        assertThat(own.text("registeredAddress")).isEqualTo(addressOf(representative));
        assertThat(seen.text("legalRepresentative")).isEqualTo("张" + "*".repeat(representative.length() - 1));
        assertThat(seen.text("registeredAddress")).isEqualTo(addressOf(representative));

        List<JsonNode> relations = relationsOf(first.id());
        assertThat(relations).anySatisfy(r -> {
            assertThat(List.of(r.path("first").asString(), r.path("second").asString()))
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(r.path("kind").asString()).isEqualTo("SAME_LEGAL_REPRESENTATIVE");
            assertThat(r.path("shownBy").asString()).startsWith("张*").doesNotContain("rep");
        });
        assertThat(relations).noneMatch(r -> r.toString().contains(stranger.id()));
    }

    @Test
    void particularsAreChangedOnlyByTheOrganizationsAdminOrAnOperatorAndBadOnesChangeNothing() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        Org other = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> body = Map.of("legalRepresentative", "李四");

        Api.Response refused = api.put("/api/v1/organizations/" + org.id() + "/particulars", other.token(), body, null);
        Api.Response bad = api.put(
                "/api/v1/organizations/" + org.id() + "/particulars",
                org.token(),
                Map.of("legalRepresentative", "李\n四"),
                null);
        Api.Response tooLong = api.put(
                "/api/v1/organizations/" + org.id() + "/particulars",
                org.token(),
                Map.of("registeredAddress", "路".repeat(301)),
                null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/organizations/" + org.id(), ADMIN_TOKEN)
                        .json()
                        .path("legalRepresentative")
                        .isNull())
                .isTrue();
        Api.Response byOperator =
                api.put("/api/v1/organizations/" + org.id() + "/particulars", ADMIN_TOKEN, body, null);
        assertThat(byOperator.status()).isEqualTo(200);
        assertThat(byOperator.text("legalRepresentative")).isEqualTo("李四");
    }

    @Test
    void cashingOutToOneBankAccountRelatesTwoOrganizations() {
        Org first = fixtures.verifiedOrg("ENTERPRISE");
        Org second = fixtures.verifiedOrg("ENTERPRISE");
        String account = "6222 " + (100_000_000L + (long) (Math.random() * 800_000_000L)) + " 77";
        for (Org org : List.of(first, second)) {
            fixtures.cashIn(org, "100.00");
            Api.Response out = api.post(
                    "/api/v1/ledger/cash-outs", org.token(), Map.of("amount", cny("10.00"), "bankAccount", account));
            assertThat(out.status()).as(out.text()).isEqualTo(201);
            String digits = account.replace(" ", "");
            assertThat(out.text("bankAccount")).isEqualTo("****" + digits.substring(digits.length() - 4));
        }
        Api.Response malformed = api.post(
                "/api/v1/ledger/cash-outs", first.token(), Map.of("amount", cny("10.00"), "bankAccount", "12-34"));
        assertThat(malformed.status()).isEqualTo(400);

        assertThat(relationsOf(first.id())).anySatisfy(r -> {
            assertThat(r.toString()).contains(second.id());
            assertThat(r.path("kind").asString()).isEqualTo("SAME_BANK_ACCOUNT");
            assertThat(r.path("shownBy").asString()).startsWith("****");
        });
    }

    @Test
    void aRelativesBidIsFoundAfterTheCloseRaisedOnceReviewedConfirmedAndLeadsToASuspension() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org relative = fixtures.verifiedOrg("ENTERPRISE");
        Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        String representative = "王" + Fixtures.unique("rep");
        setRepresentative(seller, representative);
        setRepresentative(relative, representative);
        String listing = publishEnglish(seller, Duration.ofHours(1));
        String shillBid = bid(relative, listing, "100.00");
        bid(buyer, listing, "150.00");
        // Closed as the closing job would once its end has come, without waiting for the clock.
        assertThat(closing.close(listing, Instant.now().plus(Duration.ofHours(2))))
                .isTrue();

        Eventually.await(
                "the close to raise a shill-bidding alert",
                Duration.ofSeconds(30),
                () -> !alertsOn(listing).isEmpty());
        JsonNode alert = alertsOn(listing).get(0);
        assertThat(alert.path("kind").asString()).isEqualTo("SHILL_BIDDING");
        assertThat(alert.path("status").asString()).isEqualTo("OPEN");
        assertThat(alert.path("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(alert.path("parties").toString()).contains(relative.id(), seller.id());
        assertThat(alert.path("evidence").toString()).contains("listing:" + listing, "bid:" + shillBid);
        String id = alert.path("id").asString();

        Api.Response run = api.post("/api/v1/surveillance/runs", ADMIN_TOKEN, Map.of());
        assertThat(run.status()).isEqualTo(200);
        assertThat(alertsOn(listing)).hasSize(1);

        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long before = audit.head();
        assertThat(review(id, "UNDER_REVIEW", "asking the seller").text("status"))
                .isEqualTo("UNDER_REVIEW");
        Api.Response suspendEarly = api.post(
                ALERTS + "/" + id + "/suspension",
                ADMIN_TOKEN,
                Map.of("organizationId", relative.id(), "reason", "shill bidding"));
        assertThat(suspendEarly.status()).isEqualTo(409);
        assertThat(suspendEarly.code()).isEqualTo("ALERT_NOT_CONFIRMED");
        Api.Response confirmed = review(id, "CONFIRMED", "the relative admitted it");
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.text("note")).isEqualTo("the relative admitted it");
        assertThat(audit.types(before, "alert:" + id)).containsExactly("AlertReviewed", "AlertReviewed");

        Api.Response notParty = api.post(
                ALERTS + "/" + id + "/suspension",
                ADMIN_TOKEN,
                Map.of("organizationId", buyer.id(), "reason", "shill bidding"));
        assertThat(notParty.status()).isEqualTo(400);
        assertThat(notParty.code()).isEqualTo("NOT_A_PARTY");
        Api.Response suspended = api.post(
                ALERTS + "/" + id + "/suspension",
                ADMIN_TOKEN,
                Map.of("organizationId", relative.id(), "reason", "shill bidding"));
        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + relative.id(), ADMIN_TOKEN)
                        .text("status"))
                .isEqualTo("SUSPENDED");
    }

    @Test
    void badReviewsAreRefusedWithTheirCodeAndChangeNothing() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org relative = fixtures.verifiedOrg("ENTERPRISE");
        String representative = "赵" + Fixtures.unique("rep");
        setRepresentative(seller, representative);
        setRepresentative(relative, representative);
        String listing = publishEnglish(seller, Duration.ofHours(1));
        bid(relative, listing, "100.00");
        api.post("/api/v1/surveillance/runs", ADMIN_TOKEN, Map.of());
        String id = alertsOn(listing).get(0).path("id").asString();
        String regulator = fixtures.regulator();

        assertProblem(review(id, "CLOSED", "why"), 400, "UNKNOWN_ALERT_STATUS");
        assertProblem(review(id, "UNDER_REVIEW", " "), 400, "NOTE_REQUIRED");
        assertProblem(review("no-such-alert", "UNDER_REVIEW", "why"), 404, "ALERT_NOT_FOUND");
        assertProblem(api.get(ALERTS + "/no-such-alert", regulator), 404, "ALERT_NOT_FOUND");
        assertProblem(api.get(ALERTS + "?status=SHUT", regulator), 400, "UNKNOWN_ALERT_STATUS");
        assertProblem(api.get(ALERTS + "?kind=SPOOFING", regulator), 400, "UNKNOWN_ALERT_KIND");
        assertProblem(
                api.post(ALERTS + "/" + id + "/review", regulator, Map.of("status", "DISMISSED", "note", "no")),
                403,
                "FORBIDDEN");
        assertProblem(api.get(ALERTS, seller.token()), 403, "FORBIDDEN");
        assertThat(api.get(ALERTS + "/" + id, regulator).text("status")).isEqualTo("OPEN");

        assertThat(review(id, "DISMISSED", "family, but no harm").status()).isEqualTo(200);
        assertProblem(review(id, "CONFIRMED", "changed my mind"), 409, "ALERT_TRANSITION_NOT_ALLOWED");
        assertThat(api.get(ALERTS + "/" + id, regulator).text("status")).isEqualTo("DISMISSED");
        assertThat(api.get(ALERTS + "?status=DISMISSED&kind=SHILL_BIDDING&limit=200", regulator)
                        .status())
                .isEqualTo(200);
    }

    private void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private Api.Response review(String id, String status, String note) {
        return api.post(ALERTS + "/" + id + "/review", ADMIN_TOKEN, Map.of("status", status, "note", note));
    }

    private Api.Response setRepresentative(Org org, String name) {
        return api.put(
                "/api/v1/organizations/" + org.id() + "/particulars",
                org.token(),
                Map.of("legalRepresentative", name, "registeredAddress", addressOf(name.strip())),
                null);
    }

    /** An address of the representative's own, so that only the organizations a test relates share one. */
    private static String addressOf(String representative) {
        return "北京市海淀区中关村大街" + representative.toLowerCase().substring(1) + "号";
    }

    private List<JsonNode> relationsOf(String organizationId) {
        Api.Response read = api.get("/api/v1/surveillance/relations?organizationId=" + organizationId, ADMIN_TOKEN);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        read.json().path("items").forEach(items::add);
        return items;
    }

    /** The alerts whose evidence names the listing, read page by page. */
    private List<JsonNode> alertsOn(String listingId) {
        List<JsonNode> found = new ArrayList<>();
        String cursor = "";
        do {
            Api.Response page = api.get(ALERTS + "?kind=SHILL_BIDDING&limit=200&cursor=" + cursor, ADMIN_TOKEN);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("items").forEach(a -> {
                if (a.path("evidence").toString().contains("\"listing:" + listingId + "\"")) {
                    found.add(a);
                }
            });
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        return found;
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private String publishEnglish(Org seller, Duration open) {
        Api.Response asset =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "ENGLISH");
        mechanism.put("startPrice", cny("100.00"));
        mechanism.put("increment", cny("10.00"));
        mechanism.put("deposit", cny("0.00"));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(open).toString());
        return fixtures.publishListing(
                seller,
                Map.of(
                        "assetIds",
                        List.of(asset.text("id")),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        mechanism,
                        "title",
                        "Sparse-sensor training method",
                        "description",
                        "A granted invention patent."));
    }

    private String bid(Org bidder, String listingId, String amount) {
        Api.Response bid =
                api.post("/api/v1/listings/" + listingId + "/bids", bidder.token(), Map.of("amount", cny(amount)));
        assertThat(bid.status()).as(bid.text()).isEqualTo(201);
        return bid.text("bidId");
    }
}
