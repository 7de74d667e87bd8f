package org.techmarket.participant.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/** The pages' CSRF tokens: random per request and per thread, kept in the same cookie and read from the same names. */
class CsrfTokensTest {

    private final PerThreadSecureRandom random = new PerThreadSecureRandom();
    private final CsrfTokens tokens = new CsrfTokens(random);

    @Test
    void tokensAreRandomVersionFourUuidsThatDifferAcrossRequestsAndThreads() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        CsrfToken token = tokens.generateToken(new MockHttpServletRequest());
                        UUID uuid = UUID.fromString(token.getToken());
                        assertThat(uuid.version()).isEqualTo(4);
                        assertThat(uuid.variant()).isEqualTo(2);
                        assertThat(uuid.toString()).isEqualTo(token.getToken());
                        seen.add(token.getToken());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).as("every token of every thread a new one").hasSize(threads * perThread);
    }

    @Test
    void threadsDrawDifferentBytesFromTheSharedSource() throws Exception {
        byte[] here = new byte[32];
        random.nextBytes(here);
        byte[][] there = new byte[1][32];
        Thread other = new Thread(() -> random.nextBytes(there[0]));
        other.start();
        other.join();

        assertThat(there[0]).isNotEqualTo(here).isNotEqualTo(new byte[32]);
        assertThat(random.nextInt()).isNotEqualTo(random.nextInt());
    }

    @Test
    void theTokenIsSavedInTheSameCookieAndReadBackUnderTheSameNames() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        CsrfToken token = tokens.generateToken(request);

        tokens.saveToken(token, request, response);

        Cookie cookie = response.getCookie("XSRF-TOKEN");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo(token.getToken());
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getSecure()).isFalse();

        MockHttpServletRequest next = new MockHttpServletRequest();
        next.setCookies(cookie);
        CsrfToken loaded = tokens.loadToken(next);
        assertThat(loaded.getToken()).isEqualTo(token.getToken());
        assertThat(loaded.getHeaderName()).isEqualTo("X-XSRF-TOKEN");
        assertThat(loaded.getParameterName()).isEqualTo("_csrf");
        assertThat(tokens.loadToken(new MockHttpServletRequest()))
                .as("no cookie, no token")
                .isNull();
    }

    @Test
    void aPageGetsItsTokenMaskedAnewEachTimeAndTheMaskedFormResolvesToTheToken() {
        XorCsrfTokenRequestAttributeHandler handler = CsrfTokens.maskedPerRequest(random);
        CsrfToken token = tokens.generateToken(new MockHttpServletRequest());

        String first = masked(handler, token);
        String second = masked(handler, token);

        assertThat(first).isNotEqualTo(second).isNotEqualTo(token.getToken());
        for (String form : List.of(first, second)) {
            MockHttpServletRequest post = new MockHttpServletRequest("POST", "/logout");
            post.setParameter("_csrf", form);
            assertThat(handler.resolveCsrfTokenValue(post, token)).isEqualTo(token.getToken());
        }
        MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/logout");
        forged.setParameter("_csrf", token.getToken());
        assertThat(handler.resolveCsrfTokenValue(forged, token))
                .as("the bare token is not a masked one")
                .isNotEqualTo(token.getToken());
    }

    private static String masked(XorCsrfTokenRequestAttributeHandler handler, CsrfToken token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        handler.handle(request, new MockHttpServletResponse(), () -> token);
        return ((CsrfToken) request.getAttribute("_csrf")).getToken();
    }
}
