package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;

/**
 * Writes are limited per token and per client address, reads never: a burst beyond a limit is refused with 429
 * {@code RATE_LIMITED} and {@code Retry-After} and changes nothing, another token goes on being served, and after
 * {@code Retry-After} (the market's clock moved on, no waiting) the client is served again. Here the market runs
 * behind a proxy it trusts, so each test writes from an address of its own (only named in {@code X-Forwarded-For}).
 */
@Import(MovableClockConfiguration.class)
@TestPropertySource(
        properties = {
            "techmarket.security.behind-proxy=true",
            "techmarket.rate-limit.token.writes=3",
            "techmarket.rate-limit.token.period=PT10M",
            "techmarket.rate-limit.address.writes=12",
            "techmarket.rate-limit.address.period=PT10M"
        })
class WriteRateLimitIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MovableClock clock;

    private final String address = "198.51.100." + ADDRESSES.incrementAndGet();

    @AfterEach
    void clockBack() {
        clock.shift(Duration.ZERO);
    }

    @Test
    void aBurstBeyondTheTokensAllowanceIsRefusedAndChangesNothingWhileReadsGoOn() throws Exception {
        Member admin = registered();
        for (int i = 0; i < 3; i++) {
            assertThat(addUser(admin).statusCode()).isEqualTo(201);
        }

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = addUser(admin);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Api.JSON.readTree(refused.body()).path("code").asString())
                    .isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(
                            refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isPositive();
        }

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> users =
                    send("GET", "/api/v1/organizations/" + admin.organizationId + "/users", admin.token, null);
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(Api.JSON.readTree(users.body()).size())
                    .as("the admin and the three users added, none of the refused")
                    .isEqualTo(4);
        }
    }

    @Test
    void anotherTokenIsServedWhileOneIsRefused() throws Exception {
        Member first = registered();
        Member second = registered();
        for (int i = 0; i < 3; i++) {
            assertThat(addUser(first).statusCode()).isEqualTo(201);
        }
        assertThat(addUser(first).statusCode()).isEqualTo(429);

        assertThat(addUser(second).statusCode()).isEqualTo(201);
    }

    @Test
    void anAddressBeyondItsAllowanceIsRefusedWhateverItsTokenAndAnotherAddressIsServed() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(send("POST", "/api/v1/registrations", null, Map.of()).statusCode())
                    .as("an invalid registration still counts as a write")
                    .isEqualTo(400);
        }

        HttpResponse<String> refused = send("POST", "/api/v1/registrations", null, Map.of());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Api.JSON.readTree(refused.body()).path("code").asString()).isEqualTo("RATE_LIMITED");

        HttpResponse<String> elsewhere = HTTP.send(
                request("POST", "/api/v1/registrations", null, Map.of())
                        .header("X-Forwarded-For", "203.0.113." + ADDRESSES.incrementAndGet())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void afterRetryAfterTheClientIsServedAgain() throws Exception {
        Member admin = registered();
        for (int i = 0; i < 3; i++) {
            assertThat(addUser(admin).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = addUser(admin);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 200L); // one of three writes comes back every 200 s

        clock.shift(Duration.ofSeconds(retryAfter));

        assertThat(addUser(admin).statusCode()).isEqualTo(201);
        assertThat(addUser(admin).statusCode()).isEqualTo(429);
    }

    /** An organization's admin, registered and logged in from this test's address: two writes of it. */
    private Member registered() throws Exception {
        String username = Fixtures.unique("admin");
        String password = "correct horse battery";
        HttpResponse<String> registered = send(
                "POST",
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        Fixtures.unique("Org"),
                        "ENTERPRISE",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        username,
                        password));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> token =
                send("POST", "/api/v1/tokens", null, Map.of("username", username, "password", password));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return new Member(
                Api.JSON.readTree(registered.body()).path("organizationId").asString(),
                Api.JSON.readTree(token.body()).path("token").asString());
    }

    private HttpResponse<String> addUser(Member admin) throws Exception {
        return send(
                "POST",
                "/api/v1/organizations/" + admin.organizationId + "/users",
                admin.token,
                Map.of(
                        "username",
                        Fixtures.unique("member"),
                        "password",
                        "correct horse battery",
                        "displayName",
                        "A member"));
    }

    private HttpResponse<String> send(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        return HTTP.send(
                request(method, path, token, body)
                        .header("X-Forwarded-For", address)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Api.body(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private record Member(String organizationId, String token) {}
}
