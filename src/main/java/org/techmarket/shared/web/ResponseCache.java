package org.techmarket.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Answers a read that was answered a moment ago, when nothing it could show has changed since, with the bytes it was
 * answered with, instead of reading and rendering it again.
 *
 * <p><b>What "nothing has changed" means.</b> Each kept answer carries the database's snapshot
 * ({@code pg_current_snapshot()}) read just <em>before</em> it was rendered: the newest transaction completed and those
 * still running. A snapshot is the same text again only while no transaction that wrote anything has completed (a
 * transaction that only reads takes no transaction id and never changes it): so when the snapshot read for a new request
 * equals the kept one, every read the kept answer made saw exactly what the request would see now, on whichever node
 * of the market the write was made. One statement, touching no table, replaces the page's reads. What a node keeps
 * in memory and updates after a commit (the search index, the statistics' read models) and what changes with time
 * alone (a Dutch auction's price, a countdown's end) is not in the snapshot: a kept answer is also never older than
 * {@code techmarket.web.response-cache.max-age} (one second by default), by the market's clock and by the node's.
 *
 * <p><b>Whose answer.</b> An answer is kept for exactly one request: the same path and query, and the same
 * {@code Host}, {@code Authorization}, {@code X-On-Behalf-Of}, {@code Cookie}, {@code Accept},
 * {@code Accept-Language}, {@code HX-Request} and forwarding headers, asked by the same principal as the security
 * filters found it (a session's cookie after log-out is a stranger's). A page a signed-in user reads is kept for that
 * session's cookie, with that session's CSRF token in its forms; a bearer token's answer for that token. This filter
 * runs after Spring Security, so a request is authenticated and authorized as always before a kept answer is sent.
 *
 * <p><b>What is kept.</b> Only a {@code GET} answered 200 whose handler set no cookie but the language's, on which no
 * session was begun and no other cookie written, that did not start a stream, and whose body is at most
 * {@code max-entry-bytes}; only once the same request has come twice (a request seen once costs nothing more than
 * before). Not kept, nor answered from what is kept: a request that asks for a fresh answer
 * ({@code Cache-Control: no-cache} or {@code no-store}, {@code Pragma: no-cache}), a {@code Range} request, a
 * stream ({@code Accept: text/event-stream}), the operations endpoints and static files, and a signed-in request with a
 * message waiting for its next page (a flash attribute in its session). A kept answer is sent with the status, type, language,
 * headers and body the handler gave it; the security headers are written again, as on every answer.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class ResponseCache extends OncePerRequestFilter {

    private static final String SNAPSHOT = "select pg_current_snapshot()::text";
    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";
    private static final List<String> KEY_HEADERS = List.of(
            HttpHeaders.HOST,
            HttpHeaders.AUTHORIZATION,
            "X-On-Behalf-Of",
            HttpHeaders.COOKIE,
            HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE,
            "HX-Request",
            "Forwarded",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix");
    private static final List<String> NOT_KEPT_PATHS =
            List.of("/actuator/", "/css/", "/js/", "/images/", "/webjars/", "/favicon.ico");

    /** How long an answer that could not be kept stops its request from being tried again. */
    private static final long REFUSED_FOR_MILLIS = 10_000;

    private final JdbcClient database;
    private final Clock clock;
    private final boolean enabled;
    private final long maxAgeMillis;
    private final long maxAgeNanos;
    private final int maxEntryBytes;
    private final long maxBytes;
    private final int maxEntries;
    private final LinkedHashMap<String, Entry> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long keptBytes;

    ResponseCache(
            JdbcClient database,
            Clock clock,
            @Value("${techmarket.web.response-cache.enabled:true}") boolean enabled,
            @Value("${techmarket.web.response-cache.max-age:1s}") Duration maxAge,
            @Value("${techmarket.web.response-cache.max-entry-bytes:1048576}") int maxEntryBytes,
            @Value("${techmarket.web.response-cache.max-bytes:33554432}") long maxBytes,
            @Value("${techmarket.web.response-cache.max-entries:4096}") int maxEntries) {
        this.database = database;
        this.clock = clock;
        this.enabled = enabled && !maxAge.isZero() && !maxAge.isNegative();
        this.maxAgeMillis = maxAge.toMillis();
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntryBytes = maxEntryBytes;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** What the cache holds for a request: that it was seen, that its answer could not be kept, or the answer. */
    sealed interface Entry permits Seen, Refused, Kept {}

    /** A request seen once, whose answer was not kept. */
    record Seen() implements Entry {}

    /** A request whose answer could not be kept, at {@code when}: it is not tried again for a while. */
    record Refused(long when) implements Entry {}

    /**
     * A kept answer: the snapshot and the time it was rendered at (on the market's clock, and on the node's monotonic
     * one, since a test's clock may stand still or jump), and what the handler gave it.
     */
    record Kept(
            String snapshot,
            long renderedAt,
            long renderedAtNanos,
            String contentType,
            Locale language,
            List<Header> headers,
            Cookie languageCookie,
            byte[] body)
            implements Entry {}

    /** A header the handler set, with its values in order. */
    record Header(String name, List<String> values) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!enabled || !"GET".equals(request.getMethod()) || asksForFresh(request)) {
            return true;
        }
        String path = request.getRequestURI();
        for (String notKept : NOT_KEPT_PATHS) {
            if (path.startsWith(notKept)) {
                return true;
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/event-stream");
    }

    private static boolean asksForFresh(HttpServletRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && (cacheControl.contains("no-cache") || cacheControl.contains("no-store"))) {
            return true;
        }
        String pragma = request.getHeader(HttpHeaders.PRAGMA);
        return (pragma != null && pragma.contains("no-cache")) || request.getHeader(HttpHeaders.RANGE) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && hasFlash(session)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        Entry found = find(key);
        long now = clock.millis();
        if (found == null || (found instanceof Refused refused && now - refused.when() < REFUSED_FOR_MILLIS)) {
            if (found == null) {
                remember(key, new Seen());
            }
            chain.doFilter(request, response);
            return;
        }
        String snapshot = database.sql(SNAPSHOT).query(String.class).single();
        long nanos = System.nanoTime();
        if (found instanceof Kept answer && answer.snapshot().equals(snapshot) && fresh(answer, now, nanos)) {
            send(answer, response);
            return;
        }
        ResponseCapture capture = new ResponseCapture(response, maxEntryBytes);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.finish();
        }
        Kept answer = keepable(request, session, capture, snapshot, now, nanos);
        remember(key, answer != null ? answer : new Refused(now));
    }

    private boolean fresh(Kept answer, long now, long nanos) {
        return now >= answer.renderedAt()
                && now - answer.renderedAt() < maxAgeMillis
                && nanos - answer.renderedAtNanos() < maxAgeNanos;
    }

    private static boolean hasFlash(HttpSession session) {
        try {
            return session.getAttribute(FLASH_MAPS) instanceof Collection<?> maps && !maps.isEmpty();
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    private static String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(256).append(whoAsks()).append(' ').append(request.getRequestURI());
        String query = request.getQueryString();
        if (query != null) {
            key.append('?').append(query);
        }
        for (String name : KEY_HEADERS) {
            key.append('\n');
            var values = request.getHeaders(name);
            while (values != null && values.hasMoreElements()) {
                key.append(values.nextElement()).append('\u0000');
            }
        }
        return key.toString();
    }

    /**
     * Who the security filters found the request to come from: the same cookie of a session ended a moment ago is a
     * stranger's now, and is not answered with the page its user was shown.
     */
    private static String whoAsks() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return "-";
        }
        return authentication.getClass().getSimpleName() + ":" + authentication.getName();
    }

    /** The answer to keep, or {@code null} when this one may not be kept. */
    private Kept keepable(
            HttpServletRequest request,
            HttpSession sessionBefore,
            ResponseCapture capture,
            String snapshot,
            long renderedAt,
            long renderedAtNanos) {
        if (request.isAsyncStarted() || capture.getStatus() != HttpServletResponse.SC_OK) {
            return null;
        }
        byte[] body = capture.body();
        if (body == null) {
            return null;
        }
        HttpSession sessionAfter = request.getSession(false);
        if (sessionAfter != null
                && (sessionBefore == null || !sessionBefore.getId().equals(sessionAfter.getId()))) {
            return null;
        }
        Cookie languageCookie = null;
        for (Cookie cookie : capture.cookies()) {
            if (!"lang".equals(cookie.getName()) || languageCookie != null) {
                return null;
            }
            languageCookie = (Cookie) cookie.clone();
        }
        // a cookie written past the handler (a new CSRF token, a session's) makes the answer this visitor's alone
        if (capture.getHeaders(HttpHeaders.SET_COOKIE).size()
                != capture.cookies().size()) {
            return null;
        }
        List<Header> headers = new ArrayList<>(capture.headerNames().size());
        for (String name : capture.headerNames()) {
            headers.add(new Header(name, List.copyOf(capture.getHeaders(name))));
        }
        return new Kept(
                snapshot,
                renderedAt,
                renderedAtNanos,
                capture.getContentType(),
                capture.language(),
                List.copyOf(headers),
                languageCookie,
                body);
    }

    private static void send(Kept answer, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.language() != null) {
            response.setLocale(answer.language());
        }
        for (Header header : answer.headers()) {
            boolean first = true;
            for (String value : header.values()) {
                if (first) {
                    response.setHeader(header.name(), value);
                    first = false;
                } else {
                    response.addHeader(header.name(), value);
                }
            }
        }
        if (answer.languageCookie() != null) {
            response.addCookie((Cookie) answer.languageCookie().clone());
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private Entry find(String key) {
        synchronized (kept) {
            return kept.get(key);
        }
    }

    private void remember(String key, Entry answer) {
        synchronized (kept) {
            Entry before = kept.put(key, answer);
            keptBytes += size(key, answer) - (before == null ? 0 : size(key, before));
            var eldest = kept.entrySet().iterator();
            while ((kept.size() > maxEntries || keptBytes > maxBytes) && eldest.hasNext()) {
                Map.Entry<String, Entry> entry = eldest.next();
                keptBytes -= size(entry.getKey(), entry.getValue());
                eldest.remove();
            }
        }
    }

    private static long size(String key, Entry entry) {
        return 2L * key.length() + (entry instanceof Kept answer ? answer.body().length : 0) + 256;
    }
}
