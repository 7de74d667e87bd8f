package org.techmarket.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.outbound.domain.PublicEvent;
import org.techmarket.outbound.domain.PublicMessage;

/** What a log entry of a public type sends out: its topic, its key, and only the fields named public. */
class PublicMessageTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123456Z");

    @Test
    void aBidGoesToItsTopicKeyedByItsListingWithItsAmountsAsTheApiWritesThem() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bidId", "bid-1");
        payload.put("bidderId", "org-7");
        payload.put("amount", "1250000.00 CNY");
        payload.put("currentPrice", "1250000.00 CNY");

        PublicMessage message = PublicMessage.of(PublicEvent.BidPlaced, "tm.", "event-1", AT, "listing:L-1", payload)
                .orElseThrow();

        assertThat(message.topic()).isEqualTo("tm.listing.bid-placed.v1");
        assertThat(message.key()).isEqualTo("L-1");
        assertThat(message.envelope())
                .containsEntry("schema", "tm.listing.bid-placed.v1")
                .containsEntry("schemaVersion", 1)
                .containsEntry("eventId", "event-1")
                .containsEntry("type", "BidPlaced")
                .containsEntry("occurredAt", "2026-03-01T08:15:30.123456Z")
                .containsEntry("subject", Map.of("type", "listing", "id", "L-1"))
                .containsEntry("key", "L-1");
        assertThat(message.envelope().get("data"))
                .isEqualTo(Map.of(
                        "bidId",
                        "bid-1",
                        "amount",
                        Map.of("amount", "1250000.00", "currency", "CNY"),
                        "currentPrice",
                        Map.of("amount", "1250000.00", "currency", "CNY")));
    }

    @Test
    void aSealedBidCarriesNoAmountBecauseItsLogEntryHasNone() {
        PublicMessage message = PublicMessage.of(
                        PublicEvent.BidPlaced,
                        "tm.",
                        "event-2",
                        AT,
                        "listing:L-2",
                        Map.of("bidId", "bid-2", "bidderId", "org-8"))
                .orElseThrow();

        assertThat(message.envelope().get("data")).isEqualTo(Map.of("bidId", "bid-2"));
    }

    @Test
    void aDealStepLeavesItsPriceContractAndDocumentsInside() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cause", "listing:L-1");
        payload.put("contractType", "ASSIGNMENT");
        payload.put("price", "500.00");
        payload.put("currency", "CNY");
        payload.put("payment", "LUMP_SUM");
        payload.put("contractHash", "ab12");
        payload.put("status", "AWAITING_SIGNATURES");

        PublicMessage message = PublicMessage.of(PublicEvent.DealOpened, "tm.", "event-3", AT, "deal:D-1", payload)
                .orElseThrow();

        assertThat(message.topic()).isEqualTo("tm.deal.opened.v1");
        assertThat(message.key()).isEqualTo("D-1");
        assertThat(message.envelope().get("data"))
                .isEqualTo(
                        Map.of("cause", "listing:L-1", "contractType", "ASSIGNMENT", "status", "AWAITING_SIGNATURES"));
    }

    @Test
    void aGrantIsKeyedByItsAssetSoTheGrantsOnOneAssetKeepTheirOrder() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", "A-1");
        payload.put("type", "EXCLUSIVE_LICENCE");
        payload.put("granteeId", "org-9");
        payload.put("grantors", List.of("org-1"));
        payload.put("start", "2026-03-01");
        payload.put("end", "2029-03-01");

        PublicMessage message = PublicMessage.of(PublicEvent.GrantRecorded, "tm.", "event-4", AT, "grant:G-1", payload)
                .orElseThrow();

        assertThat(message.key()).isEqualTo("A-1");
        assertThat(message.envelope()).containsEntry("subject", Map.of("type", "grant", "id", "G-1"));
        assertThat(((Map<?, ?>) message.envelope().get("data")).containsKey("grantors"))
                .isFalse();
    }

    @Test
    void anEntryThatDoesNotNameWhatItsEventIsKeyedBySendsNothing() {
        assertThat(PublicMessage.of(PublicEvent.BidPlaced, "tm.", "e", AT, "deal:D-1", Map.of()))
                .isEmpty();
        assertThat(PublicMessage.of(PublicEvent.BidPlaced, "tm.", "e", AT, "listing:", Map.of()))
                .isEmpty();
        assertThat(PublicMessage.of(PublicEvent.GrantExpired, "tm.", "e", AT, "grant:G-1", Map.of()))
                .isEmpty();
    }

    @Test
    void typesThatAreNotPublicDoNotGoOut() {
        assertThat(PublicEvent.ofType("HoldPlaced")).isEmpty();
        assertThat(PublicEvent.ofType("TokenIssued")).isEmpty();
        assertThat(PublicEvent.ofType("ContractProposed")).isEmpty();
        assertThat(PublicEvent.ofType("BidPlaced")).contains(PublicEvent.BidPlaced);
    }
}
