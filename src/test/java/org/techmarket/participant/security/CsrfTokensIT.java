package org.techmarket.participant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The pages' CSRF tokens over HTTP: every new visitor gets a token of its own in the {@code XSRF-TOKEN} cookie, as
 * before, also when many arrive at once; a form posted with the page's token is taken, one with a forged token, another
 * visitor's token or none is refused with 403 and changes nothing.
 */
class CsrfTokensIT extends WebIntegrationTest {

    private static final Pattern COOKIE = Pattern.compile("^XSRF-TOKEN=([0-9a-f-]{36}); Path=/; HttpOnly$");

    @Test
    void visitorsArrivingTogetherEachGetTheirOwnTokenInTheSameCookie() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> visits = new ArrayList<>();
            for (int v = 0; v < 40; v++) {
                visits.add(pool.submit(() -> {
                    HttpResponse<String> page = http.send(
                            HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).isEqualTo(200);
                    String cookie = page.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("XSRF-TOKEN="))
                            .findFirst()
                            .orElseThrow();
                    Matcher token = COOKIE.matcher(cookie);
                    assertThat(token.matches()).as(cookie).isTrue();
                    // a stranger's token is in the log-in form's field; the head's meta tags are for signed-in pages
                    assertThat(page.body()).contains("name=\"_csrf\"");
                    tokens.add(token.group(1));
                    return null;
                }));
            }
            for (Future<?> visit : visits) {
                visit.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokens).hasSize(40);
    }

    @Test
    void aFormWithThePagesTokenIsTakenAndWithAForgedOrAnothersTokenRefused() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        PageClient member = signedIn(org);
        PageClient other = visitor();
        PageClient.Page othersPage = other.get("/login");

        PageClient.Page page = member.get("/login");
        for (PageClient.Page forged : List.of(withToken("00000000-0000-4000-8000-000000000000"), othersPage)) {
            PageClient.Page refused = member.post("/logout", Map.of(), forged);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.html()).contains("错误 403");
        }
        assertThat(member.post("/logout", Map.of(), null).status())
                .as("no token at all")
                .isEqualTo(403);
        assertThat(member.get("/login").html()).as("still signed in").contains(org.username());

        PageClient.Page out = member.post("/logout", Map.of(), page);

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/login?signedOut");
        assertThat(member.get("/workspace").status()).isEqualTo(302);
    }

    @Test
    void aScriptsPostWithTheTokenInTheHeaderIsTaken() throws Exception {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        PageClient member = signedIn(org);
        String token = member.get("/login").csrfToken().orElseThrow();
        String cookies = "JSESSIONID=" + member.cookie("JSESSIONID").orElseThrow() + "; XSRF-TOKEN="
                + member.cookie("XSRF-TOKEN").orElseThrow();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<Void> forged =
                http.send(logOut(cookies, "X-XSRF-TOKEN", "forged"), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> taken =
                http.send(logOut(cookies, "X-XSRF-TOKEN", token), HttpResponse.BodyHandlers.discarding());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
    }

    private HttpRequest logOut(String cookies, String header, String token) {
        return HttpRequest.newBuilder(URI.create(api.base() + "/logout"))
                .header("Cookie", cookies)
                .header(header, token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private static PageClient.Page withToken(String token) {
        return new PageClient.Page(
                200,
                HttpHeaders.of(Map.of(), (name, value) -> true),
                "<meta name=\"_csrf\" content=\"" + token + "\">");
    }
}
