package org.techmarket.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the web market over plain HTTP, with its own cookies (language, CSRF token, session) and no
 * JavaScript: reads pages, posts forms with the page's CSRF token as a browser would, and counts the SQL statements a
 * page runs ({@link StatementCounting}, when the test imports its configuration).
 */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public PageClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A page as answered: status, headers and HTML. */
    public record Page(int status, java.net.http.HttpHeaders headers, String html) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The CSRF token the page carries for its forms and its scripts. */
        public Optional<String> csrfToken() {
            Matcher meta = CSRF.matcher(html);
            if (meta.find()) {
                return Optional.of(meta.group(1));
            }
            Matcher field = CSRF_FIELD.matcher(html);
            return field.find() ? Optional.of(field.group(1)) : Optional.empty();
        }
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /**
     * The page, the number of SQL statements it ran on the server, their SQL in order, and the transactions it
     * committed: rendered anew ({@code Cache-Control: no-cache}), not an answer the market kept a moment ago.
     */
    public record Counted(Page page, int statements, java.util.List<String> sql, int commits) {}

    public Counted counted(String path) {
        return counted(request(path).header("Cache-Control", "no-cache"));
    }

    /** The page counted as a browser asks for it, which the market may answer with what it kept a moment ago. */
    public Counted countedAsAsked(String path) {
        return counted(request(path));
    }

    private Counted counted(HttpRequest.Builder request) {
        String key = Fixtures.unique("page");
        Page page = send(request.header(StatementCounting.HEADER, key).GET());
        Eventually.await(
                "the page's count",
                Duration.ofSeconds(10),
                () -> StatementCounting.of(key).isPresent());
        return new Counted(
                page,
                StatementCounting.of(key).orElseThrow(),
                StatementCounting.statementsOf(key),
                StatementCounting.commitsOf(key).orElseThrow());
    }

    /** Posts a form as a browser does, the CSRF token of {@code from} included unless it is null. */
    public Page post(String path, Map<String, String> fields, Page from) {
        return post(path, fields, from, "text/html,application/xhtml+xml");
    }

    /** Posts a form as a page's script does with {@code fetch}, which takes any answer (JSON included). */
    public Page fetch(String path, Map<String, String> fields, Page from) {
        return post(path, fields, from, "*/*");
    }

    private Page post(String path, Map<String, String> fields, Page from, String accept) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (from != null) {
            form.put("_csrf", from.csrfToken().orElseThrow(() -> new AssertionError("the page has no CSRF token")));
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .setHeader("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in through the log-in form; the answer is the redirect the form gives. */
    public Page logIn(String username, String password) {
        Page form = get("/login");
        return post("/login", Map.of("username", username, "password", password), form);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml")
                .timeout(Duration.ofSeconds(60));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
