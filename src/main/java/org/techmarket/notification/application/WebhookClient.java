package org.techmarket.notification.application;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client that sends webhooks, built on the first delivery rather than with the market's context: building
 * one loads the JVM's default TLS context and trust store, a cost on the start's main thread that a market without
 * webhooks never needs, and that a first delivery, on a sender's thread, pays once instead.
 */
final class WebhookClient {

    private final Duration connectTimeout;
    private volatile HttpClient http;

    WebhookClient(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The client, built by the first caller; every caller gets the same one. */
    HttpClient get() {
        HttpClient built = http;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (http == null) {
                http = HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            }
            return http;
        }
    }

    boolean built() {
        return http != null;
    }
}
