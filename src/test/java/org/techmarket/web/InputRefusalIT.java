package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Input the market refuses, and the shape of every refusal: each answer under {@code /api} is problem+json with a
 * stable code, also when the servlet container or the security firewall refuses before any controller runs.
 */
class InputRefusalIT extends IntegrationTest {

    private Api.Response postRaw(String path, String token, String body) {
        return api.send("POST", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    // ---- refusals made before the dispatcher ----

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "/api/v1/assets/a%2Fb INVALID_REQUEST",
                "/api/v1/assets/a%00b INVALID_REQUEST",
                "/api/v1/assets/{} INVALID_REQUEST",
                "/api/v1/assets/a\\b INVALID_REQUEST",
                "/api/v1/assets/% INVALID_REQUEST",
                "/api/v1/assets/../me REQUEST_REJECTED",
                "/api/v1/assets/a;b=c REQUEST_REJECTED",
                "/api/v1/assets/a%5Cb INVALID_REQUEST",
                "/api/v1/assets/a%25%32%46b REQUEST_REJECTED",
                "/api/v1//assets REQUEST_REJECTED"
            })
    void oddPathsAreProblems(String path, String code) {
        RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertProblem(response, path);
        assertThat(Api.JSON.readTree(response.body()).path("code").asString())
                .as(path)
                .isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "/api/v1/search?q=%%%",
                "/api/v1/search?q=%zz",
                "/api/v1/search?q=%E7%94",
                "/search?q=%%%",
                "/?lang=%%%",
                "/login?lang=%zz"
            })
    void queryStringsThatCannotBeDecodedAreProblems(String path) {
        RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertProblem(response, path);
        assertThat(Api.JSON.readTree(response.body()).path("code").asString())
                .as(path)
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aFormBodyThatCannotBeDecodedIsAProblem() {
        String body = "username=a%%%&password=b";
        RawResponse response = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertProblem(response, "form body");
    }

    @Test
    void anOverlongIdempotencyKeyIsAProblem() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        String key = "k".repeat(100 * 1024);
        RawResponse response = raw("POST /api/v1/ledger/cash-outs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + org.token() + "\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + key + "\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(response.status()).as(response.body()).isIn(400, 431);
        assertProblem(response, "long key");
        assertThat(Api.JSON.readTree(response.body()).path("code").asString())
                .isIn("INVALID_REQUEST", "HEADERS_TOO_LARGE");

        Api.Response tooLongForTheMarket = api.post(
                "/api/v1/ledger/cash-outs", org.token(), Map.of("amount", Map.of("amount", "1.00")), "k".repeat(256));
        assertThat(tooLongForTheMarket.status()).isEqualTo(400);
        assertThat(tooLongForTheMarket.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void theErrorPathItselfIsAProblem() {
        for (String path : new String[] {"/error", "/api/v1/error"}) {
            Api.Response response = api.get(path, null);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.code()).as(path).isNotBlank();
        }
    }

    // ---- bodies ----

    @Test
    void aBodyOfTheWrongShapeNamesNoJavaClass() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        for (String body : new String[] {"[]", "\"x\"", "3", "{\"amount\":[]}", "{\"amount\":{\"amount\":{}}}"}) {
            Api.Response response = postRaw("/api/v1/ledger/cash-outs", org.token(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text())
                    .as(body)
                    .doesNotContain("$")
                    .doesNotContain("org.techmarket")
                    .doesNotContain("java.")
                    .doesNotContain("CashOutRequest");
        }
        for (String body : new String[] {"{\"amount\": {", "{\"amount\" 1}", "{]"}) {
            Api.Response malformed = postRaw("/api/v1/ledger/cash-outs", org.token(), body);
            assertThat(malformed.code()).as(body).isEqualTo("MALFORMED_JSON");
            assertThat(malformed.text())
                    .as(body)
                    .doesNotContain("$")
                    .doesNotContain("Feature")
                    .doesNotContain("Source")
                    .doesNotContain("tools.");
        }
        Api.Response array = postRaw("/api/v1/ledger/cash-outs", org.token(), "[]");
        assertThat(array.code()).isEqualTo("INVALID_TYPE");
        assertThat(array.text("detail")).isEqualTo("The request body must be a JSON object");
    }

    @Test
    void duplicateKeysAreRefusedWithTheField() {
        String name = Fixtures.unique("Org");
        String body = "{\"organization\":{\"name\":\"" + name + "\",\"type\":\"ENTERPRISE\",\"creditCode\":\""
                + Fixtures.uniqueCreditCode() + "\",\"region\":\"440300\",\"region\":\"110000\"},"
                + "\"admin\":{\"username\":\"" + Fixtures.unique("admin")
                + "\",\"password\":\"correct horse battery\",\"displayName\":\"A\"}}";
        Api.Response response = postRaw("/api/v1/registrations", null, body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("DUPLICATE_FIELD");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("organization.region");
        Api.Response once = postRaw("/api/v1/registrations", null, body.replace(",\"region\":\"110000\"", ""));
        assertThat(once.status())
                .as("nothing was stored by the refusal: " + once.text())
                .isEqualTo(201);
    }

    @Test
    void leadingZerosInAnAmountAreRefused() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        for (String amount : new String[] {"00100.00", "0100", "-01.00"}) {
            Api.Response response =
                    api.post("/api/v1/ledger/cash-outs", org.token(), Map.of("amount", Map.of("amount", amount)));
            assertThat(response.status()).as(amount).isEqualTo(400);
            assertThat(response.code()).as(amount).isEqualTo("INVALID_AMOUNT");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("amount.amount");
        }
    }

    @Test
    void datesAndInstantsAreIsoStringsNotNumbers() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Map<String, Object> asset = Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("filedOn", 1551398400000L);
        Api.Response epoch = api.post("/api/v1/assets", org.token(), asset);
        assertThat(epoch.status()).as(epoch.text()).isEqualTo(400);
        assertThat(epoch.code()).isEqualTo("INVALID_TYPE");
        assertThat(epoch.json().path("errors").get(0).path("field").asString()).isEqualTo("filedOn");
        asset.put("filedOn", java.util.List.of(2019, 3, 1));
        assertThat(api.post("/api/v1/assets", org.token(), asset).code()).isEqualTo("INVALID_TYPE");
    }

    // ---- characters ----

    @Test
    void nulAndControlCharactersInABodyAreBadInputNamingTheField() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Map<String, Object> asset = Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", "Sensor\u0000fusion");
        Api.Response nul = api.post("/api/v1/assets", org.token(), asset);
        assertThat(nul.status()).as(nul.text()).isEqualTo(400);
        assertThat(nul.code()).isEqualTo("INVALID_CHARACTERS");
        assertThat(nul.json().path("errors").get(0).path("field").asString()).isEqualTo("title");

        asset.put("title", "Sensor fusion");
        asset.put("ipc", java.util.List.of("G06N 3/08", "B25J\u202E 9/16"));
        Api.Response bidi = api.post("/api/v1/assets", org.token(), asset);
        assertThat(bidi.code()).isEqualTo("INVALID_CHARACTERS");
        assertThat(bidi.json().path("errors").get(0).path("field").asString()).isEqualTo("ipc[1]");

        Api.Response username = api.post("/api/v1/tokens", null, Map.of("username", "a\u0000b", "password", "x"));
        assertThat(username.status()).isEqualTo(400);
        assertThat(username.json().path("errors").get(0).path("field").asString())
                .isEqualTo("username");
    }

    @Test
    void nulAndBidiCharactersInQueryParametersAndPathIdsAreBadInputNamingThem() {
        Api.Response query = api.get("/api/v1/assets?owner=a%00b", null);
        assertThat(query.status()).as(query.text()).isEqualTo(400);
        assertThat(query.code()).isEqualTo("INVALID_CHARACTERS");
        assertThat(query.json().path("errors").get(0).path("field").asString()).isEqualTo("owner");

        Api.Response path = api.get("/api/v1/assets/abc%E2%80%AEdef", null);
        assertThat(path.status()).as(path.text()).isEqualTo(400);
        assertThat(path.code()).isEqualTo("INVALID_CHARACTERS");
        assertThat(path.json().path("errors").get(0).path("field").asString()).isEqualTo("id");

        Api.Response control = api.get("/api/v1/assets/abc%01def", null);
        assertThat(control.status()).as(control.text()).isEqualTo(400);
        assertThat(control.contentType()).startsWith("application/problem+json");
    }

    // ---- names ----

    @Test
    void namesAreOneVisibleLineWithoutBidiOverrides() {
        assertRegistrationRefused("\u200B\u200D\u2060", null, "VALIDATION_FAILED", "organization.name");
        assertRegistrationRefused(
                "Two\nLines " + Fixtures.unique("Org"), null, "VALIDATION_FAILED", "organization.name");
        assertRegistrationRefused(
                "Evil\u202Egnp.exe " + Fixtures.unique("Org"), null, "INVALID_CHARACTERS", "organization.name");
        assertRegistrationRefused(
                "Bell\u0007 " + Fixtures.unique("Org"), null, "INVALID_CHARACTERS", "organization.name");
        assertRegistrationRefused(Fixtures.unique("Org"), "\uFEFF", "VALIDATION_FAILED", "admin.displayName");

        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Map<String, Object> asset = Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", "\u200B");
        Api.Response invisible = api.post("/api/v1/assets", org.token(), asset);
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(invisible.json().path("errors").get(0).path("field").asString())
                .isEqualTo("title");
        asset.put("title", "Tab\tseparated title");
        assertThat(api.post("/api/v1/assets", org.token(), asset).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void namesAndTitlesAreStoredInNfcWhileFreeTextKeepsItsLines() {
        String unique = Fixtures.unique("Org");
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "Cafe\u0301 Robotics " + unique,
                        "ENTERPRISE",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        Fixtures.unique("admin"),
                        "correct horse battery"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        Api.Response read = api.get("/api/v1/organizations/" + registered.text("organizationId"), ADMIN_TOKEN);
        assertThat(read.text("name")).isEqualTo("Caf\u00E9 Robotics " + unique);

        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> asset = Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", "Re\u0301seau de capteurs");
        asset.put("abstract", "First line.\n\tSecond line, indented.");
        Api.Response created = api.post("/api/v1/assets", org.token(), asset);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text("title")).isEqualTo("R\u00E9seau de capteurs");
        assertThat(created.text("abstract")).isEqualTo("First line.\n\tSecond line, indented.");
    }

    @Test
    void operatorsSeeVerifiedOrganizationsOfTheSameName() {
        String unique = Long.toString(System.nanoTime(), 36);
        String verifiedName = "Qiming Robotics " + unique;
        String verifiedId = fixtures.registerEnterpriseNamed(verifiedName);
        assertThat(api.post("/api/v1/organizations/" + verifiedId + "/verification", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);
        String lookalike = fixtures.registerEnterpriseNamed("\uFF31iming  ROBOTICS\u200B " + unique.toUpperCase());
        String other = fixtures.registerEnterpriseNamed("Qiming Robotics " + unique + " Two");

        Api.Response seen = api.get("/api/v1/organizations/" + lookalike, ADMIN_TOKEN);
        assertThat(seen.json().path("nameMatchesVerified").size())
                .as(seen.text())
                .isEqualTo(1);
        assertThat(seen.json()
                        .path("nameMatchesVerified")
                        .get(0)
                        .path("organizationId")
                        .asString())
                .isEqualTo(verifiedId);
        assertThat(seen.json().path("nameMatchesVerified").get(0).path("name").asString())
                .isEqualTo(verifiedName);
        assertThat(api.get("/api/v1/organizations/" + other, ADMIN_TOKEN)
                        .json()
                        .path("nameMatchesVerified")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/organizations/" + verifiedId, ADMIN_TOKEN)
                        .json()
                        .path("nameMatchesVerified")
                        .size())
                .as("an organization is not its own namesake")
                .isZero();

        Fixtures.Org member = fixtures.registerOrg("ENTERPRISE");
        assertThat(api.get("/api/v1/organizations/" + lookalike, member.token())
                        .json()
                        .has("nameMatchesVerified"))
                .as("only operators and regulators are shown namesakes")
                .isFalse();

        JsonNode listed = findInPendingList(lookalike);
        assertThat(listed.path("nameMatchesVerified")
                        .get(0)
                        .path("organizationId")
                        .asString())
                .isEqualTo(verifiedId);
    }

    private JsonNode findInPendingList(String id) {
        String cursor = null;
        do {
            Api.Response page = api.get(
                    "/api/v1/organizations?status=PENDING&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    ADMIN_TOKEN);
            for (JsonNode item : page.json().path("items")) {
                if (item.path("id").asString().equals(id)) {
                    return item;
                }
            }
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString();
        } while (cursor != null && !cursor.isEmpty());
        throw new AssertionError("organization " + id + " is not in the pending list");
    }

    private void assertRegistrationRefused(String name, String displayName, String code, String field) {
        Map<String, Object> registration = new java.util.HashMap<>(Fixtures.registration(
                name,
                "ENTERPRISE",
                Fixtures.uniqueCreditCode(),
                "440300",
                Fixtures.unique("admin"),
                "correct horse battery"));
        registration.put(
                "admin",
                Map.of(
                        "username",
                        Fixtures.unique("admin"),
                        "password",
                        "correct horse battery",
                        "displayName",
                        displayName == null ? "Admin" : displayName));
        Api.Response response = api.post("/api/v1/registrations", null, registration);
        assertThat(response.status()).as(name + ": " + response.text()).isEqualTo(400);
        assertThat(response.code()).as(name).isEqualTo(code);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .as(name)
                .isEqualTo(field);
    }

    // ---- raw HTTP, for requests a client library refuses to send ----

    record RawResponse(int status, String head, String body) {
        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    return line.substring("content-type:".length()).trim();
                }
            }
            return "";
        }
    }

    private void assertProblem(RawResponse response, String what) {
        assertThat(response.contentType()).as(what + ": " + response.head()).startsWith("application/problem+json");
        JsonNode json = Api.JSON.readTree(response.body());
        assertThat(json.path("code").asString())
                .as(what + ": " + response.body())
                .isNotBlank();
        assertThat(json.path("status").asInt()).isEqualTo(response.status());
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception");
    }

    // ---- dates ----

    @Test
    void dueDatesThatHavePassedOrLieBeyondTheHorizonAreRefused() {
        Fixtures.Org worker = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Fixtures.Org client = fixtures.verifiedOrg("ENTERPRISE");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

        Api.Response lumpSumIn2000 = api.post(
                "/api/v1/deals",
                worker.token(),
                proposal(client.id(), Map.of("kind", "LUMP_SUM", "dueDate", "2000-01-01"), null));
        assertThat(lumpSumIn2000.status()).as(lumpSumIn2000.text()).isEqualTo(400);
        assertThat(lumpSumIn2000.code()).isEqualTo("DATE_IN_PAST");
        assertThat(lumpSumIn2000.json().path("errors").get(0).path("field").asString())
                .isEqualTo("paymentTerms.dueDate");

        Api.Response instalmentFarAhead = api.post(
                "/api/v1/deals",
                worker.token(),
                proposal(
                        client.id(),
                        Map.of(
                                "kind",
                                "INSTALMENTS",
                                "instalments",
                                java.util.List.of(
                                        Map.of(
                                                "amount",
                                                Map.of("amount", "100.00"),
                                                "dueDate",
                                                today.plusDays(7).toString()),
                                        Map.of(
                                                "amount",
                                                Map.of("amount", "200.00"),
                                                "dueDate",
                                                today.plusYears(11).toString()))),
                        null));
        assertThat(instalmentFarAhead.code()).as(instalmentFarAhead.text()).isEqualTo("DATE_BEYOND_HORIZON");
        assertThat(instalmentFarAhead.json().path("errors").get(0).path("field").asString())
                .isEqualTo("paymentTerms.instalments[1].dueDate");

        Api.Response workEndsFarAhead =
                api.post("/api/v1/deals", worker.token(), proposal(client.id(), null, "+10000-01-01"));
        assertThat(workEndsFarAhead.status()).as(workEndsFarAhead.text()).isEqualTo(400);
        assertThat(workEndsFarAhead.code()).isIn("DATE_BEYOND_HORIZON", "INVALID_TYPE");

        Api.Response workEndsIn9999 =
                api.post("/api/v1/deals", worker.token(), proposal(client.id(), null, "9999-12-31"));
        assertThat(workEndsIn9999.code()).as(workEndsIn9999.text()).isEqualTo("DATE_BEYOND_HORIZON");
        assertThat(workEndsIn9999.json().path("errors").get(0).path("field").asString())
                .isEqualTo("workEndsOn");

        Api.Response fine = api.post(
                "/api/v1/deals",
                worker.token(),
                proposal(
                        client.id(),
                        Map.of("kind", "LUMP_SUM", "dueDate", today.plusDays(30).toString()),
                        today.plusYears(2).toString()));
        assertThat(fine.status()).as(fine.text()).isEqualTo(201);
    }

    @Test
    void anAuctionEndingInTheYear10000IsRefused() {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response asset =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        java.time.Instant now = java.time.Instant.now();
        for (String endsAt : new String[] {
            "+10000-01-01T00:00:00Z", now.plus(java.time.Duration.ofDays(3700)).toString()
        }) {
            Map<String, Object> mechanism = new java.util.LinkedHashMap<>();
            mechanism.put("type", "ENGLISH");
            mechanism.put("startPrice", Map.of("amount", "1000.00"));
            mechanism.put("increment", Map.of("amount", "100.00"));
            mechanism.put("deposit", Map.of("amount", "100.00"));
            mechanism.put("startsAt", now.toString());
            mechanism.put("endsAt", endsAt);
            Api.Response draft = api.post(
                    "/api/v1/listings",
                    seller.token(),
                    Map.of(
                            "assetIds",
                            java.util.List.of(asset.text("id")),
                            "offer",
                            Map.of("type", "ASSIGNMENT"),
                            "mechanism",
                            mechanism,
                            "title",
                            "Sparse-sensor training method",
                            "description",
                            "A granted invention patent."));
            assertThat(draft.status()).as(endsAt + ": " + draft.text()).isEqualTo(400);
            assertThat(draft.code()).as(endsAt).isEqualTo("DATE_BEYOND_HORIZON");
            assertThat(draft.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("mechanism.endsAt");
        }
    }

    private static Map<String, Object> proposal(String clientId, Map<String, Object> paymentTerms, String workEndsOn) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("type", "CONSULTING");
        body.put("clientId", clientId);
        body.put("price", Map.of("amount", "300.00"));
        if (paymentTerms != null) {
            body.put("paymentTerms", paymentTerms);
        }
        body.put("deliveryObligations", "Advice on a battery management design, delivered as a written report.");
        if (workEndsOn != null) {
            body.put("workEndsOn", workEndsOn);
        }
        return body;
    }

    private RawResponse raw(String request) {
        URI base = URI.create(api.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (java.net.SocketException reset) {
                // The server may close the connection while the rest of an over-long request is still being sent.
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : dechunk(head, text.substring(split + 4));
            int status = Integer.parseInt(head.split(" ")[1]);
            return new RawResponse(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String head, String body) {
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
