package org.techmarket.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Sends every POST and PUT of the public API the bodies a careless or hostile client would: a plausible body made
 * from the OpenAPI document's schema, then its mutations ({@link BodyMutations}), with the tokens of a seller, a
 * buyer and an operator, an invalid token and none, and hostile path ids. Whatever is sent, the market answers below
 * 500, every refusal is {@code application/problem+json} with a stable {@code code} and names no internal class, and
 * afterwards the ledger balances, the rights match the deals ({@code MarketInvariants}) and the audit chain verifies.
 * The run is seeded, so a failure repeats.
 */
class ApiFuzzIT extends IntegrationTest {

    private static final long SEED = 20261205L;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> HOSTILE_IDS = List.of(
            "%00", "..%2F..%2Fetc", "%7B%7D", "a;b", "x".repeat(3_000), "%27%20or%201%3D1--", "%E2%80%AE", "-1");
    private static final Pattern INTERNAL_NAME =
            Pattern.compile("org\\.techmarket|\\$[A-Z]|java\\.|tools\\.jackson" + "|springframework|Exception");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("techmarket_fuzz"));
    }

    @Test
    void noInputBreaksTheMarketOrComesBackInTheWrongShape() {
        Fixtures.Org seller = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        buyer.id(),
                        "amount",
                        Map.of("amount", "1000000.00", "currency", "CNY"),
                        "bankReference",
                        Fixtures.unique("fuzz")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
        String assetId = fixtures.registerAsset(
                        seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()))
                .text("id");
        JsonNode openApi = api.get("/v3/api-docs", null).json();
        assertThat(openApi.path("paths").size())
                .as("the OpenAPI document lists the API")
                .isGreaterThan(20);

        Map<String, String> known = new LinkedHashMap<>();
        known.put("assetId", assetId);
        known.put("organizationId", buyer.id());
        known.put("clientId", buyer.id());
        SchemaBodies bodies = new SchemaBodies(openApi, known);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("assets", assetId);
        ids.put("organizations", seller.id());
        ids.put("listings", openListing(assetId, seller));

        Random random = new Random(SEED);
        BodyMutations mutations = new BodyMutations(random);
        List<String> tokens = new ArrayList<>(List.of(seller.token(), buyer.token(), ADMIN_TOKEN));
        tokens.add("tm_not-a-real-token-000000000000000");
        tokens.add(null);

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (String method : List.of("post", "put")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String target = withIds(path.getKey(), ids);
                JsonNode valid = SchemaBodies.requestSchema(operation)
                        .map(bodies::sample)
                        .orElse(Api.JSON.createObjectNode());
                List<BodyMutations.Mutation> sends = mutations.of(valid);
                for (int i = 0; i < sends.size(); i++) {
                    String token = i == 0 ? seller.token() : tokens.get(random.nextInt(tokens.size()));
                    check(failures, method, target, sends.get(i), token);
                    sent++;
                }
                for (String token : tokens) {
                    check(failures, method, target, sends.get(0), token);
                    sent++;
                }
                if (PATH_PARAMETER.matcher(path.getKey()).find()) {
                    for (String hostile : HOSTILE_IDS) {
                        check(
                                failures,
                                method,
                                PATH_PARAMETER.matcher(path.getKey()).replaceAll(Matcher.quoteReplacement(hostile)),
                                sends.get(0),
                                seller.token());
                        sent++;
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(500);
        assertThat(failures)
                .as("answers that were a 5xx or not problem+json, of %d requests", sent)
                .isEmpty();

        Api.Response audit = api.get("/api/v1/audit/verification", ADMIN_TOKEN);
        assertThat(audit.json().path("valid").asBoolean()).as(audit.text()).isTrue();
    }

    private void check(
            List<String> failures, String method, String path, BodyMutations.Mutation mutation, String token) {
        Api.Response response;
        try {
            response = api.send(
                    method.toUpperCase(),
                    path,
                    token,
                    "application/json",
                    mutation.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            failures.add(describe(method, path, mutation, token) + " → no answer: " + e);
            return;
        }
        String problem = problemIn(response);
        if (problem == null && mutation.name().endsWith(": NUL") && response.status() < 300) {
            problem = "accepted a NUL byte";
        }
        if (problem != null) {
            failures.add(describe(method, path, mutation, token) + " → " + response.status() + " " + problem + ": "
                    + abbreviate(response.text()));
        }
    }

    /** What is wrong with an answer, or null when it is a success or a well-formed refusal. */
    private static String problemIn(Api.Response response) {
        if (response.status() >= 500) {
            return "server error";
        }
        if (response.status() < 400) {
            return null;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not problem+json (" + type + ")";
        }
        if (response.code().isBlank()) {
            return "no code";
        }
        if ("CONSTRAINT_VIOLATION".equals(response.code())) {
            return "bad input reached the database";
        }
        if (INTERNAL_NAME.matcher(response.json().path("detail").asString()).find()) {
            return "names an internal class";
        }
        return null;
    }

    /** An English auction of the seller's asset, open for an hour, so that bids and offers reach the market's rules. */
    private String openListing(String assetId, Fixtures.Org seller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "ENGLISH");
        mechanism.put("startPrice", Map.of("amount", "1000.00", "currency", "CNY"));
        mechanism.put("increment", Map.of("amount", "10.00", "currency", "CNY"));
        mechanism.put("deposit", Map.of("amount", "100.00", "currency", "CNY"));
        mechanism.put("startsAt", now.plusSeconds(1).toString());
        mechanism.put("endsAt", now.plus(1, ChronoUnit.HOURS).toString());
        Api.Response draft = api.post(
                "/api/v1/listings",
                seller.token(),
                Map.of(
                        "assetIds",
                        List.of(assetId),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        mechanism,
                        "title",
                        "Fuzzed listing",
                        "description",
                        "An assignment auctioned while the API is fuzzed."));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        assertThat(api.post("/api/v1/listings/" + id + "/submission", seller.token(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/listings/" + id + "/approval", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);
        return id;
    }

    private static String withIds(String template, Map<String, String> ids) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (PATH_PARAMETER.matcher(segment).matches()) {
                segment = ids.getOrDefault(segments[i - 1], "0190a0a0-0000-7000-8000-000000000000");
            }
            path.append('/').append(segment);
        }
        return path.toString();
    }

    private static String describe(String method, String path, BodyMutations.Mutation mutation, String token) {
        return method.toUpperCase() + " " + abbreviate(path) + " [" + mutation.name() + "]"
                + (token == null ? " without a token" : "");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
