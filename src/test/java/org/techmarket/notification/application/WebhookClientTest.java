package org.techmarket.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookClientTest {

    @Test
    void noClientIsBuiltUntilTheFirstDeliveryAsksForOne() {
        WebhookClient client = new WebhookClient(Duration.ofSeconds(2));

        assertThat(client.built()).isFalse();

        HttpClient first = client.get();
        assertThat(client.built()).isTrue();
        assertThat(client.get()).isSameAs(first);
    }

    @Test
    void theClientKeepsTheDeliveriesTimeoutsAndFollowsNoRedirect() {
        HttpClient http = new WebhookClient(Duration.ofMillis(1500)).get();

        assertThat(http.connectTimeout()).isEqualTo(Optional.of(Duration.ofMillis(1500)));
        assertThat(http.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }
}
