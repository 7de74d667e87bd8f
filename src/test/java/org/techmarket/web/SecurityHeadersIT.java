package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Every answer, page or API, carries a strict Content-Security-Policy (no inline script or style), a Referrer-Policy
 * and a Permissions-Policy; of the operations endpoints only health is public.
 */
class SecurityHeadersIT extends IntegrationTest {

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        for (String path : new String[] {
            "/", "/css/find.css", "/api/v1/reference/industries", "/api/v1/me", "/actuator/health", "/no-such-page"
        }) {
            Api.Response response = api.get(path, null);
            String csp = response.header("Content-Security-Policy");
            assertThat(csp)
                    .as(path)
                    .isNotNull()
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'")
                    .contains("base-uri 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("Permissions-Policy"))
                    .as(path)
                    .contains("camera=()")
                    .contains("geolocation=()");
        }
    }

    @Test
    void theFrontPageHasNoInlineScriptOrStyle() {
        Api.Response page = api.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .doesNotContain("<script>")
                .doesNotContain("<style")
                .doesNotContain("style=")
                .doesNotContain(" onclick=")
                .contains("href=\"/css/find.css\"");
        Api.Response css = api.get("/css/find.css", null);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }

    @Test
    void onlyHealthIsPublicAndMetricsNeedAnOperatorOrRegulator() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        Fixtures.Org member = fixtures.registerOrg("ENTERPRISE");
        for (String path :
                new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/http.server.requests"}) {
            Api.Response anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
            Api.Response byMember = api.get(path, member.token());
            assertThat(byMember.status()).as(path).isEqualTo(403);
            assertThat(byMember.code()).isEqualTo("FORBIDDEN");
            assertThat(api.get(path, "tm_no-such-token").status()).as(path).isEqualTo(401);
        }
        assertThat(api.get("/actuator/prometheus", ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics", ADMIN_TOKEN).status()).isEqualTo(200);

        String regulator = Fixtures.unique("regulator");
        assertThat(api.post(
                                "/api/v1/staff",
                                ADMIN_TOKEN,
                                Map.of("username", regulator, "password", "regulator password", "role", "REGULATOR"))
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/actuator/prometheus", fixtures.logIn(regulator, "regulator password"))
                        .status())
                .isEqualTo(200);
    }
}
