package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Bad requests of every shape get a 4xx problem+json with a stable code, and never a 500. */
class ErrorHandlingIT extends IntegrationTest {

    private Api.Response postRaw(String path, String token, String body) {
        return api.send("POST", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonIsA400() {
        Api.Response response = postRaw("/api/v1/registrations", null, "{\"organization\": {");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("MALFORMED_JSON");
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
    }

    @Test
    void unknownFieldsAreRefused() {
        Api.Response response =
                postRaw("/api/v1/tokens", null, "{\"username\":\"a\",\"password\":\"b\",\"admin\":true}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("admin");
    }

    @Test
    void wrongTypesAreRefusedWithTheField() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Api.Response response = postRaw(
                "/api/v1/assets", org.token(), "{\"kind\":\"INVENTION_PATENT\",\"trl\":\"five\",\"title\":\"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_TYPE");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("trl");

        Api.Response badEnum = postRaw("/api/v1/assets", org.token(), "{\"kind\":\"SPACESHIP\"}");
        assertThat(badEnum.code()).isEqualTo("INVALID_TYPE");
        Api.Response badDate = postRaw("/api/v1/assets", org.token(), "{\"filedOn\":\"2020-13-45\"}");
        assertThat(badDate.code()).isEqualTo("INVALID_TYPE");
        Api.Response numberAsString = postRaw("/api/v1/assets", org.token(), "{\"trl\":5.5}");
        assertThat(numberAsString.status()).isEqualTo(400);
    }

    @Test
    void bodiesOverOneMebibyteAreRefused() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Api.Response response = api.send("POST", "/api/v1/registrations", null, "application/json", big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void wrongMediaTypeMethodAndPathAreClearErrors() {
        Api.Response media = api.send("POST", "/api/v1/tokens", null, "text/plain", "hi".getBytes());
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Api.Response method = api.send("PATCH", "/api/v1/tokens", org.token(), "application/json", "{}".getBytes());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.code()).isEqualTo("METHOD_NOT_ALLOWED");
        Api.Response missing = api.get("/api/v1/reference/nothing-here", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        Api.Response emptyBody = api.send("POST", "/api/v1/tokens", null, "application/json", new byte[0]);
        assertThat(emptyBody.status()).isEqualTo(400);
        Api.Response nullBody = postRaw("/api/v1/registrations", null, "null");
        assertThat(nullBody.status()).isEqualTo(400);
    }

    @Test
    void callsWithoutATokenAreUnauthenticatedProblems() {
        Api.Response response = api.get("/api/v1/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/v1/audit/events", "Basic abc").status()).isEqualTo(401);
    }

    @Test
    void membersCannotReadTheAuditLog() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Api.Response response = api.get("/api/v1/audit/events", org.token());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }
}
