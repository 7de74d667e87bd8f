package org.techmarket.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techmarket.notification.WebhookSignatures.Verdict;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real receiver: deliveries are signed so the receiver can verify them and refuse replays, a
 * failing receiver gets the delivery on a later attempt or it is given up after the last, and a receiver that hangs
 * does not hold up the bids whose notices it is sent.
 */
class WebhookIT extends IntegrationTest {

    private NoticeMarket market;

    @BeforeEach
    void market() {
        market = new NoticeMarket(api, fixtures);
    }

    private Api.Response register(Org org, String url, List<String> events) {
        return api.post("/api/v1/webhooks", org.token(), Map.of("url", url, "events", events));
    }

    /** Registers a webhook for outbid notices; returns its id and secret. */
    private String[] outbidHook(Org org, Receiver receiver) {
        Api.Response created = register(org, receiver.url(), List.of("listing.outbid"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new String[] {created.text("id"), created.text("secret")};
    }

    /** Alice leads an English auction and Bob takes the lead from her: Alice is told. Returns the listing. */
    private String outbid(Org alice, Org bob) {
        Org seller = market.participant("UNIVERSITY", "0.00");
        String listing = market.openListing(seller, "ENGLISH");
        assertThat(market.bid(alice, listing, "1000.00").status()).isEqualTo(201);
        assertThat(market.bid(bob, listing, "1100.00").status()).isEqualTo(201);
        return listing;
    }

    private JsonNode awaitDelivery(Org org, String webhook, String status) {
        Eventually.await(
                "a delivery " + status,
                Duration.ofSeconds(15),
                () -> status.equals(
                        deliveries(org, webhook).path(0).path("status").asString()));
        return deliveries(org, webhook).path(0);
    }

    private JsonNode deliveries(Org org, String webhook) {
        Api.Response log = api.get("/api/v1/webhooks/" + webhook + "/deliveries", org.token());
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        return log.json().path("items");
    }

    @Test
    void aDeliveryIsSignedSoTheReceiverVerifiesItAndRefusesItReplayedLater() {
        Org alice = market.participant("ENTERPRISE", "10000.00");
        Org bob = market.participant("ENTERPRISE", "10000.00");
        try (Receiver receiver = new Receiver()) {
            String[] hook = outbidHook(alice, receiver);
            String listing = outbid(alice, bob);

            JsonNode delivery = awaitDelivery(alice, hook[0], "DELIVERED");
            Receiver.Received got = receiver.received().get(0);
            assertThat(WebhookSignatures.verify(
                            hook[1], got.signature(), got.body(), Instant.now(), WebhookSignatures.DEFAULT_TOLERANCE))
                    .isEqualTo(Verdict.VALID);
            assertThat(WebhookSignatures.verify(
                            hook[1],
                            got.signature(),
                            got.body(),
                            Instant.now().plus(Duration.ofMinutes(10)),
                            WebhookSignatures.DEFAULT_TOLERANCE))
                    .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
            assertThat(WebhookSignatures.verify(
                            "whsec_guessed",
                            got.signature(),
                            got.body(),
                            Instant.now(),
                            WebhookSignatures.DEFAULT_TOLERANCE))
                    .isEqualTo(Verdict.WRONG_SIGNATURE);
            JsonNode body = Api.JSON.readTree(got.body());
            assertThat(body.path("kind").asString()).isEqualTo("listing.outbid");
            assertThat(body.path("subject").path("id").asString()).isEqualTo(listing);
            assertThat(got.kind()).isEqualTo("listing.outbid");
            assertThat(got.delivery()).isEqualTo(delivery.path("id").asString());
            assertThat(delivery.path("tries").get(0).path("statusCode").asInt()).isEqualTo(200);
        }
    }

    @Test
    void aReceiverThatFailsGetsTheDeliveryOnALaterAttempt() {
        Org alice = market.participant("ENTERPRISE", "10000.00");
        Org bob = market.participant("ENTERPRISE", "10000.00");
        try (Receiver receiver = new Receiver(500)) {
            String[] hook = outbidHook(alice, receiver);
            outbid(alice, bob);

            JsonNode delivery = awaitDelivery(alice, hook[0], "DELIVERED");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.path("tries").findValues("statusCode"))
                    .extracting(JsonNode::asInt)
                    .containsExactly(500, 200);
            assertThat(delivery.path("tries").get(0).path("error").asString()).isEqualTo("HTTP 500");
            assertThat(receiver.received())
                    .extracting(Receiver.Received::delivery)
                    .containsOnly(delivery.path("id").asString());
        }
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheLastAttemptAndShownAmongTheStuck() {
        Org alice = market.participant("ENTERPRISE", "10000.00");
        Org bob = market.participant("ENTERPRISE", "10000.00");
        try (Receiver receiver = new Receiver(503, 503, 503, 503)) {
            String[] hook = outbidHook(alice, receiver);
            outbid(alice, bob);

            JsonNode delivery = awaitDelivery(alice, hook[0], "ABANDONED");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.path("tries").findValues("statusCode"))
                    .extracting(JsonNode::asInt)
                    .containsExactly(503, 503, 503);
            Api.Response stuck = api.get("/api/v1/operations/stuck", ADMIN_TOKEN);
            assertThat(stuck.status()).as(stuck.text()).isEqualTo(200);
            assertThat(stuck.text()).contains(delivery.path("id").asString()).contains("webhook-delivery");

            // Released, it is tried once more; one more failure gives it up again.
            Api.Response released = api.post(
                    "/api/v1/operations/stuck/webhook-delivery/"
                            + delivery.path("id").asString() + "/retry",
                    ADMIN_TOKEN,
                    Map.of());
            assertThat(released.status()).as(released.text()).isEqualTo(200);
            Eventually.await(
                    "the released delivery tried once more",
                    Duration.ofSeconds(15),
                    () -> deliveries(alice, hook[0]).path(0).path("tries").size() == 4);
            JsonNode again = awaitDelivery(alice, hook[0], "ABANDONED");
            assertThat(again.path("attempts").asInt()).isEqualTo(3);
            assertThat(again.path("tries").findValues("attempt"))
                    .extracting(JsonNode::asInt)
                    .containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void aReceiverThatHangsDoesNotHoldUpTheBidsItIsToldOf() {
        Org alice = market.participant("ENTERPRISE", "10000.00");
        Org bob = market.participant("ENTERPRISE", "10000.00");
        try (Receiver receiver = new Receiver()) {
            receiver.hang();
            outbidHook(alice, receiver);
            outbidHook(bob, receiver);
            String listing = outbid(alice, bob);
            Eventually.await(
                    "the receiver holding a delivery",
                    Duration.ofSeconds(10),
                    () -> !receiver.received().isEmpty());

            // While the receiver holds Alice's delivery, Alice takes the lead back, so Bob is told too: the bid is
            // answered though neither delivery has been.
            Api.Response back = market.bid(alice, listing, "1300.00");

            assertThat(back.status()).as(back.text()).isEqualTo(201);
            assertThat(back.json().path("leading").asBoolean()).isTrue();
            assertThat(receiver.received()).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void badWebhooksAreRefusedWithTheirCodesAndChangeNothing() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        for (String url : List.of("ftp://example.com/hook", "not a url", "")) {
            Api.Response refused = register(org, url, List.of("listing.outbid"));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("INVALID_WEBHOOK_URL");
        }
        Api.Response unknown = register(org, "https://example.com/hook", List.of("listing.outbid", "listing.bid"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_EVENT_KIND");
        assertThat(register(org, "https://example.com/hook", List.of()).code()).isEqualTo("UNKNOWN_EVENT_KIND");
        assertThat(api.get("/api/v1/webhooks", org.token()).json().isEmpty()).isTrue();
    }

    @Test
    void anOrganizationHasAtMostTenWebhooksAndSeesOnlyItsOwn() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        for (int i = 0; i < 10; i++) {
            Api.Response created = register(org, "http://127.0.0.1:9/hook" + i, List.of("listing.awarded"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            assertThat(created.text("secret")).startsWith("whsec_");
        }
        Api.Response eleventh = register(org, "http://127.0.0.1:9/hook", List.of("listing.awarded"));
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.code()).isEqualTo("TOO_MANY_WEBHOOKS");

        Api.Response mine = api.get("/api/v1/webhooks", org.token());
        assertThat(mine.json()).hasSize(10);
        assertThat(mine.text()).doesNotContain("whsec_");
        String id = mine.json().get(0).path("id").asString();
        for (Api.Response notTheirs : List.of(
                api.get("/api/v1/webhooks/" + id, stranger.token()),
                api.get("/api/v1/webhooks/" + id + "/deliveries", stranger.token()),
                api.delete("/api/v1/webhooks/" + id, stranger.token()))) {
            assertThat(notTheirs.status()).isEqualTo(404);
            assertThat(notTheirs.code()).isEqualTo("WEBHOOK_NOT_FOUND");
        }
        assertThat(api.get("/api/v1/webhooks", stranger.token()).json().isEmpty())
                .isTrue();

        assertThat(api.delete("/api/v1/webhooks/" + id, org.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, org.token()).code()).isEqualTo("WEBHOOK_NOT_FOUND");
        assertThat(register(org, "http://127.0.0.1:9/hook", List.of("listing.awarded"))
                        .status())
                .isEqualTo(201);
    }
}
