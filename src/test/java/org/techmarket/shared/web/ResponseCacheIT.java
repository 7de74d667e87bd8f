package org.techmarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.StatementCounting;
import org.techmarket.support.WebIntegrationTest;

/**
 * A read answered a moment ago is answered again with what was kept, in one statement, while the database has not
 * changed and for no longer than the kept answer's age allows; each visitor's answer stays their own, and an answer
 * that gave its visitor a cookie of their own is never kept. The other tests of the market run beside this one's
 * requests on the same database (its background jobs too), so a check that needs two requests with no commit between
 * them tries a few times.
 */
class ResponseCacheIT extends WebIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageAskedAgainIsSentAsKeptInOneStatementWithTheSameHeadersAndBody() {
        String asset = registeredAsset("A kept page");
        PageClient visitor = visitor();
        String path = "/assets/" + asset + "?lang=en";

        PageClient.Counted first = visitor.countedAsAsked(path);
        assertThat(first.page().html()).contains("A kept page");
        assertThat(first.statements())
                .as("a request seen once reads what it shows")
                .isGreaterThan(1);
        assertThat(first.page().headers().allValues("Set-Cookie"))
                .as("a stranger's page mints no token")
                .noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN"));

        List<PageClient.Counted> answers = untilKept(() -> visitor.countedAsAsked(path));
        PageClient.Counted kept = answers.get(answers.size() - 1);
        PageClient.Counted rendered = answers.get(answers.size() - 2);
        assertThat(kept.sql()).as("the snapshot, and no read of the page").singleElement();
        assertThat(kept.page().html()).isEqualTo(rendered.page().html());
        assertThat(headers(kept.page())).isEqualTo(headers(rendered.page()));
        assertThat(kept.page().header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void strangersShareOnePageAndAStrangerWithCookiesGetsTheirOwn() {
        String asset = registeredAsset("A page for everyone");
        String path = "/assets/" + asset;

        List<PageClient.Counted> answers = untilKept(() -> visitor().countedAsAsked(path));
        assertThat(answers.get(answers.size() - 1).sql()).singleElement();

        PageClient withZone = visitor();
        withZone.setCookie("tz", "Europe/Berlin");
        assertThat(kept(withZone.countedAsAsked(path)))
                .as("another cookie, another visitor's page")
                .isFalse();
    }

    @Test
    void aCommittedWriteMakesTheNextAnswerFreshWhateverItChanged() {
        String asset = registeredAsset("Before the rename");
        Asked page = askedUntilKept("/assets/" + asset + "?lang=en");

        // as another node of the market would: a commit this node's code never saw
        jdbc.sql("update asset set title = 'After the rename' where id = ?")
                .param(asset)
                .update();

        PageClient.Counted after = page.again();
        assertThat(after.page().html()).contains("After the rename").doesNotContain("Before the rename");
        assertThat(kept(after)).isFalse();
    }

    @Test
    void aKeptAnswerIsNeverOlderThanItsAge() throws InterruptedException {
        Asked page = askedUntilKept("/assets/" + registeredAsset("An aging page"));

        Thread.sleep(1_100);

        assertThat(kept(page.again()))
                .as("rendered again once a second has passed, though nothing changed")
                .isFalse();
    }

    @Test
    void aVisitorWhoAsksForAFreshAnswerGetsOne() {
        Asked page = askedUntilKept("/assets/" + registeredAsset("A fresh page"));

        PageClient.Counted fresh = page.visitor().counted(page.path());
        assertThat(fresh.sql()).as("Cache-Control: no-cache").noneMatch(sql -> sql.contains("pg_current_snapshot"));
        assertThat(fresh.statements()).isGreaterThan(1);
    }

    @Test
    void eachSignedInVisitorsPageIsTheirOwnWithTheirOwnCsrfToken() {
        Fixtures.Org first = fixtures.registerOrg("ENTERPRISE");
        Fixtures.Org second = fixtures.registerOrg("ENTERPRISE");
        PageClient one = signedIn(first);
        PageClient other = signedIn(second);

        List<PageClient.Counted> answers = untilKept(() -> one.countedAsAsked("/workspace/account"));
        PageClient.Counted mine = answers.get(answers.size() - 1);
        PageClient.Counted theirs = other.countedAsAsked("/workspace/account");

        assertThat(mine.page().html()).contains(first.username()).doesNotContain(second.username());
        assertThat(theirs.page().html()).contains(second.username()).doesNotContain(first.username());
        assertThat(kept(theirs))
                .as("another session's page is never the first's")
                .isFalse();
        assertThat(mine.page().csrfToken()).isPresent();
        assertThat(theirs.page().csrfToken())
                .isPresent()
                .isNotEqualTo(mine.page().csrfToken());

        // the kept page's form still works: its token is the session's
        PageClient.Page posted = one.post("/logout", Map.of(), mine.page());
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).contains("/login");
    }

    @Test
    void theCookieOfASessionEndedAMomentAgoIsAStrangersAndSeesNothingOfItsUser() throws Exception {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        PageClient member = signedIn(org);
        PageClient.Page before = member.get("/?lang=en");
        String cookies = "JSESSIONID=" + member.cookie("JSESSIONID").orElseThrow() + "; XSRF-TOKEN="
                + member.cookie("XSRF-TOKEN").orElseThrow();

        StatementCounting.Counted kept = untilKeptAsAsked("/?lang=en", "Cookie", cookies);
        assertThat(lastIsSnapshot(kept))
                .as(StatementCounting.report("kept", kept.statements()))
                .isTrue();
        assertThat(kept.response().body()).contains(org.username());

        assertThat(member.post("/logout", Map.of(), before).status()).isEqualTo(302);

        StatementCounting.Counted after = asAsked("/?lang=en", "Cookie", cookies);
        assertThat(after.response().statusCode()).isEqualTo(200);
        assertThat(after.response().body()).doesNotContain(org.username()).contains("href=\"/login\"");
    }

    private static boolean lastIsSnapshot(StatementCounting.Counted counted) {
        return sentAsKept(counted.statements());
    }

    /** Asks {@code path} with one header until it is sent as kept, or ten more times; the last answer. */
    private StatementCounting.Counted untilKeptAsAsked(String path, String header, String value) throws Exception {
        StatementCounting.Counted answer = asAsked(path, header, value);
        for (int attempt = 0; attempt < 10 && !lastIsSnapshot(answer); attempt++) {
            answer = asAsked(path, header, value);
        }
        return answer;
    }

    @Test
    void aPageThatGaveItsVisitorANewTokenIsNeverSentToAnother() {
        // the log-in page gives a visitor without a CSRF cookie a token of their own in a cookie and in its form
        List<PageClient> strangers = List.of(visitor(), visitor(), visitor(), visitor());
        List<String> tokens = strangers.stream()
                .map(stranger -> {
                    PageClient.Page page = stranger.get("/login");
                    assertThat(page.headers().allValues("Set-Cookie"))
                            .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="));
                    return stranger.cookie("XSRF-TOKEN").orElseThrow();
                })
                .toList();

        assertThat(tokens).doesNotHaveDuplicates();
    }

    @Test
    void aSwitchOfLanguageIsKeptWithItsCookie() {
        String asset = registeredAsset("A page in English");
        String path = "/assets/" + asset + "?lang=en";

        List<PageClient.Counted> answers = untilKept(() -> visitor().countedAsAsked(path));
        PageClient.Counted kept = answers.get(answers.size() - 1);

        assertThat(kept.page().html()).contains("<html lang=\"en\"");
        assertThat(kept.page().headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .startsWith("lang=en");
    }

    @Test
    void anApiReadIsKeptForItsTokenAlone() throws Exception {
        Fixtures.Org owner = fixtures.registerOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.registerOrg("ENTERPRISE");
        String path = "/api/v1/me";

        StatementCounting.Counted kept = untilKeptAsAsked(path, "Authorization", "Bearer " + owner.token());
        assertThat(kept.statements())
                .as(StatementCounting.report("/api/v1/me", kept.statements()))
                .last()
                .asString()
                .contains("pg_current_snapshot");
        assertThat(kept.response().body()).contains(owner.username());

        StatementCounting.Counted theirs = asAsked(path, stranger.token());
        assertThat(theirs.response().body()).contains(stranger.username()).doesNotContain(owner.username());
        assertThat(asAsked(path, "tm_no-such-token").response().statusCode()).isEqualTo(401);
    }

    /**
     * Asks until an answer is sent as kept (its last statement reads the snapshot: no commit by anything else fell
     * between two requests); the answers in order, the kept one last.
     */
    private static List<PageClient.Counted> untilKept(Supplier<PageClient.Counted> ask) {
        List<PageClient.Counted> answers = new java.util.ArrayList<>();
        answers.add(ask.get());
        for (int attempt = 0; attempt < 10 && !kept(answers.get(answers.size() - 1)); attempt++) {
            answers.add(ask.get());
        }
        PageClient.Counted last = answers.get(answers.size() - 1);
        assertThat(kept(last))
                .as(StatementCounting.report("an answer kept", last.sql()))
                .isTrue();
        return answers;
    }

    /** A visitor and the page it asked for until it was sent as kept. */
    private record Asked(PageClient visitor, String path) {
        PageClient.Counted again() {
            return visitor.countedAsAsked(path);
        }
    }

    private Asked askedUntilKept(String path) {
        Asked asked = new Asked(visitor(), path);
        untilKept(asked::again);
        return asked;
    }

    private static boolean kept(PageClient.Counted answer) {
        return sentAsKept(answer.sql());
    }

    /** Whether a request's last statement read the snapshot: an answer sent as kept, not rendered after it. */
    private static boolean sentAsKept(List<String> statements) {
        return !statements.isEmpty() && statements.get(statements.size() - 1).contains("pg_current_snapshot");
    }

    private StatementCounting.Counted asAsked(String path, String token) throws Exception {
        return asAsked(path, "Authorization", "Bearer " + token);
    }

    /** {@code path} asked with one header as it is, by a client that keeps no cookies. */
    private StatementCounting.Counted asAsked(String path, String header, String value) throws Exception {
        String key = Fixtures.unique("kept");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header(header, value)
                .header(StatementCounting.HEADER, key)
                .GET();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        org.techmarket.support.Eventually.await(
                "the request's count",
                java.time.Duration.ofSeconds(10),
                () -> StatementCounting.of(key).isPresent());
        return new StatementCounting.Counted(response, StatementCounting.statementsOf(key));
    }

    private String registeredAsset(String title) {
        Fixtures.Org owner = fixtures.registerOrg("ENTERPRISE");
        Map<String, Object> asset = Fixtures.knowHowAsset(owner.id());
        asset.put("title", title);
        var added = fixtures.registerAsset(owner, asset);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.text("id");
    }

    /**
     * The answer's headers but the moment's ({@code Date}) and the framing's: a kept answer is sent with its length,
     * a rendered one in chunks.
     */
    /**
     * A page's headers but those written for the moment it is sent: its date, its length, and a cookie's
     * {@code Expires}, which counts its year from the second the answer leaves (a kept answer's cookie is written anew).
     */
    private static Map<String, List<String>> headers(PageClient.Page page) {
        Map<String, List<String>> headers = new TreeMap<>(page.headers().map());
        headers.remove("date");
        headers.remove("content-length");
        headers.remove("transfer-encoding");
        headers.computeIfPresent(
                "set-cookie",
                (name, cookies) -> cookies.stream()
                        .map(cookie -> cookie.replaceAll("; Expires=[^;]*", ""))
                        .toList());
        return headers;
    }
}
