package org.techmarket.participant.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.techmarket.support.IntegrationTest;

/**
 * The security filters run unwrapped: no observation decorates the chain or names each filter of each request, while
 * the request as a whole is still timed in {@code http.server.requests}, and the filters still do their work.
 */
class UnobservedSecurityIT extends IntegrationTest {

    @Autowired
    private FilterChainProxy securityFilters;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private SecurityObservationSettings observed;

    @Test
    void theChainIsNotDecoratedAndRequestsAreStillTimedAndGuarded() throws Exception {
        // Whether the chain gets decorated otherwise depends on whether the observation registry has its handlers by
        // the time the chain is built (in the packaged, ahead-of-time context it had); these settings decide it alone.
        assertThat(observed.shouldObserveRequests()).isFalse();
        assertThat(observed.shouldObserveAuthentications()).isFalse();
        assertThat(observed.shouldObserveAuthorizations()).isFalse();
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);

        long before = timedLogins();
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        // The CSRF filter still gave the new visitor a token, and the headers writer its policy.
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        // The timer is stopped once the chain has returned, which may be just after the response reached the client.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (timedLogins() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(timedLogins()).isEqualTo(before + 1);
        assertThat(meters.getMeters())
                .noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }

    private long timedLogins() {
        return meters.find("http.server.requests").tag("uri", "/login").timers().stream()
                .mapToLong(timer -> timer.count())
                .sum();
    }
}
