package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.ledger.LedgerApiIT.cashIn;
import static org.techmarket.ledger.LedgerApiIT.money;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Idempotency-Key on money-moving POSTs: a retry replays the first response and moves nothing more; the key with
 * another body is refused; concurrent duplicates run once; a refused request leaves its key free.
 */
class LedgerIdempotencyIT extends IntegrationTest {

    @LocalServerPort
    int serverPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Reply(int status, String body, String location, String replayed, String code) {}

    private Reply post(String path, String token, String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.body(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String code = response.body().contains("\"code\"")
                ? Api.JSON.readTree(response.body()).path("code").asString()
                : "";
        return new Reply(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").orElse(null),
                code);
    }

    private Fixtures.Org fundedOrg(String amount) {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        assertThat(api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), amount, Fixtures.unique("ref")))
                        .status())
                .isEqualTo(201);
        return org;
    }

    private String balance(Fixtures.Org org, String which) {
        return api.get("/api/v1/accounts", org.token())
                .json()
                .get(0)
                .path(which)
                .path("amount")
                .asString();
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndMovesNoMoreMoney() throws Exception {
        Fixtures.Org org = fundedOrg("100.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", money("40.00", "CNY"));

        Reply first = post("/api/v1/ledger/cash-outs", org.token(), key, body);
        Reply retry = post("/api/v1/ledger/cash-outs", org.token(), key, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.replayed()).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(balance(org, "available")).isEqualTo("60.00");
        assertThat(balance(org, "held")).isEqualTo("40.00");
        assertThat(api.get("/api/v1/ledger/cash-outs", org.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        // The same holds for an operator's cash-in: the key protects even a new bank reference from a double post.
        Map<String, Object> receipt = cashIn(org.id(), "5.00", Fixtures.unique("ref"));
        String receiptKey = UUID.randomUUID().toString();
        Reply recorded = post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, receiptKey, receipt);
        assertThat(post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, receiptKey, receipt)
                        .body())
                .isEqualTo(recorded.body());
        assertThat(balance(org, "available")).isEqualTo("65.00");
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefused() throws Exception {
        Fixtures.Org org = fundedOrg("100.00");
        String key = UUID.randomUUID().toString();
        assertThat(post("/api/v1/ledger/cash-outs", org.token(), key, Map.of("amount", money("10.00", "CNY")))
                        .status())
                .isEqualTo(201);

        Reply other = post("/api/v1/ledger/cash-outs", org.token(), key, Map.of("amount", money("11.00", "CNY")));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(org, "held")).isEqualTo("10.00");
        // Key order and spacing do not make a request different.
        assertThat(post(
                                "/api/v1/ledger/cash-outs",
                                org.token(),
                                key,
                                "{ \"amount\" : { \"currency\":\"CNY\", \"amount\":\"10.00\" } }")
                        .status())
                .isEqualTo(201);
        // Keys belong to the user who sent them: another organization's admin may use the same key.
        Fixtures.Org other2 = fundedOrg("20.00");
        assertThat(post("/api/v1/ledger/cash-outs", other2.token(), key, Map.of("amount", money("11.00", "CNY")))
                        .status())
                .isEqualTo(201);
        assertThat(balance(other2, "held")).isEqualTo("11.00");
    }

    @Test
    void aRefusedRequestLeavesItsKeyFreeForARetry() throws Exception {
        Fixtures.Org org = fundedOrg("10.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", money("25.00", "CNY"));

        Reply refused = post("/api/v1/ledger/cash-outs", org.token(), key, body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
        api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "15.00", Fixtures.unique("ref")));

        assertThat(post("/api/v1/ledger/cash-outs", org.token(), key, body).status())
                .isEqualTo(201);
        assertThat(balance(org, "held")).isEqualTo("25.00");
        assertThat(post("/api/v1/ledger/cash-outs", org.token(), "bad key with spaces", body)
                        .code())
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(post("/api/v1/ledger/cash-outs", org.token(), "k".repeat(256), body)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnceAndTheOthersAreToldSoOrGetTheReplay() throws Exception {
        Fixtures.Org org = fundedOrg("1000.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", money("7.00", "CNY"));
        int clients = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Reply>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return post("/api/v1/ledger/cash-outs", org.token(), key, body);
            }));
        }
        start.countDown();
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get());
        }
        pool.shutdown();

        List<Reply> executed = replies.stream()
                .filter(r -> r.status() == 201 && r.replayed() == null)
                .toList();
        assertThat(executed).hasSize(1);
        for (Reply reply : replies) {
            if (reply.status() == 201) {
                assertThat(reply.body()).isEqualTo(executed.get(0).body());
            } else {
                assertThat(reply.status()).as(reply.body()).isEqualTo(409);
                assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
            }
        }
        assertThat(balance(org, "held")).isEqualTo("7.00");
        assertThat(balance(org, "available")).isEqualTo("993.00");
    }
}
