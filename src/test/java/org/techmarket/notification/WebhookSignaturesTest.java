package org.techmarket.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.techmarket.notification.WebhookSignatures.Verdict;

class WebhookSignaturesTest {

    private static final String SECRET = "whsec_test-secret";
    private static final Instant SENT = Instant.parse("2026-03-01T08:00:00Z");
    private static final byte[] BODY = "{\"kind\":\"listing.outbid\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = WebhookSignatures.DEFAULT_TOLERANCE;

    @Test
    void aDeliverySignedWithTheSecretVerifiesWithinTheTolerance() {
        String header = WebhookSignatures.sign(SECRET, SENT, BODY);

        assertThat(header).matches("t=1772352000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignatures.verify(SECRET, header, BODY, SENT.plusSeconds(299), TOLERANCE))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void anotherSecretOrAChangedBodyOrTimestampIsRefused() {
        String header = WebhookSignatures.sign(SECRET, SENT, BODY);
        byte[] changed = "{\"kind\":\"listing.awarded\"}".getBytes(StandardCharsets.UTF_8);
        String movedTimestamp = header.replace("t=1772352000", "t=1772352001");

        assertThat(WebhookSignatures.verify("whsec_other", header, BODY, SENT, TOLERANCE))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(WebhookSignatures.verify(SECRET, header, changed, SENT, TOLERANCE))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(WebhookSignatures.verify(SECRET, movedTimestamp, BODY, SENT, TOLERANCE))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
    }

    @Test
    void aDeliveryReplayedAfterTheToleranceIsRefused() {
        String header = WebhookSignatures.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignatures.verify(SECRET, header, BODY, SENT.plusSeconds(301), TOLERANCE))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
        assertThat(WebhookSignatures.verify(SECRET, header, BODY, SENT.minusSeconds(301), TOLERANCE))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        for (String header : new String[] {null, "", "t=1", "v1=00", "t=x,v1=00", "t=1,v1=zz", "garbage"}) {
            assertThat(WebhookSignatures.verify(SECRET, header, BODY, SENT, TOLERANCE))
                    .as(header)
                    .isEqualTo(Verdict.MALFORMED);
        }
    }
}
