package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * What every page stands on: a session log-in beside the API's tokens, CSRF on every form, the Content-Security-Policy,
 * the language switch remembered in a cookie, and error pages in the page's language.
 */
class WebFoundationIT extends WebIntegrationTest {

    @Test
    void theLogInPageSpeaksChineseByDefaultAndEnglishOnceSwitchedAndRemembers() {
        PageClient visitor = visitor();

        PageClient.Page chinese = visitor.get("/login");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.html()).contains("<html lang=\"zh\"").contains("登录技术要素市场");

        PageClient.Page english = visitor.get("/login?lang=en");
        assertThat(english.html()).contains("<html lang=\"en\"").contains("Log in to the market");
        assertThat(visitor.cookie("lang")).contains("en");

        assertThat(visitor.get("/login").html())
                .as("the cookie keeps the choice")
                .contains("Log in to the market");
        assertThat(visitor.get("/login?lang=fr").html())
                .as("a language the market does not speak changes nothing")
                .contains("Log in to the market");
    }

    @Test
    void everyPageAndTheApiCarryTheStrictContentSecurityPolicy() {
        PageClient visitor = visitor();
        for (String path : new String[] {"/login", "/register", "/no-such-page", "/css/market.css"}) {
            String policy = visitor.get(path).header("Content-Security-Policy");
            assertThat(policy)
                    .as(path)
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .contains("style-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'")
                    .contains("base-uri 'self'")
                    .contains("form-action 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
        }
    }

    @Test
    void everyPageLinksTheWebJarsScriptsAtTheirVersionsWhichAreServed() {
        PageClient stranger = visitor();
        PageClient member = signedIn(fixtures.registerOrg("ENTERPRISE"));
        java.util.regex.Pattern script = java.util.regex.Pattern.compile(
                "<script src=\"(/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js)\" defer></script>\n"
                        + "  <script src=\"(/webjars/htmx-ext-sse/[0-9][^/\"]*/sse\\.js)\" defer></script>");
        Map<String, PageClient.Page> pages = Map.of(
                "/login", stranger.get("/login"),
                "/login?lang=en", stranger.get("/login?lang=en"),
                "/", stranger.get("/"),
                "a missing page, signed in", member.get("/no-such-page-" + Fixtures.unique("p")));
        for (Map.Entry<String, PageClient.Page> page : pages.entrySet()) {
            String path = page.getKey();
            java.util.regex.Matcher head = script.matcher(page.getValue().html());

            assertThat(head.find()).as(path).isTrue();
            assertThat(stranger.get(head.group(1)).status()).as(head.group(1)).isEqualTo(200);
            assertThat(stranger.get(head.group(2)).status()).as(head.group(2)).isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordShowsTheRefusalAndMakesNoSession() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        PageClient visitor = visitor();

        PageClient.Page refused = visitor.logIn(org.username(), "not the password");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login?error=INVALID_CREDENTIALS");
        assertThat(visitor.get("/login?error=INVALID_CREDENTIALS").html()).contains("用户名不存在或密码错误");
        PageClient.Page workspace = visitor.get("/workspace");
        assertThat(workspace.status()).isEqualTo(302);
        assertThat(workspace.header("Location")).endsWith("/login");
    }

    @Test
    void theSessionHoldsTheSameUserAsTheApiAndLogOutEndsIt() {
        Fixtures.Org org = fixtures.registerOrg("UNIVERSITY");
        PageClient visitor = signedIn(org);

        PageClient.Page login = visitor.get("/login");
        assertThat(login.html()).contains("当前用户").contains(org.username());
        PageClient.Page workspace = visitor.get("/workspace");
        assertThat(workspace.status())
                .as("a signed-in user is not sent to log in")
                .isNotEqualTo(302);

        PageClient.Page out = visitor.post("/logout", Map.of(), login);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/login?signedOut");
        assertThat(visitor.get("/workspace").status()).isEqualTo(302);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithAPage() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        PageClient visitor = signedIn(org);

        PageClient.Page refused = visitor.post("/logout", Map.of(), null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.html()).contains("错误 403").doesNotContain("Exception");
        assertThat(visitor.get("/login").html()).as("still signed in").contains(org.username());

        PageClient stranger = visitor();
        PageClient.Page forged =
                stranger.post("/login", Map.of("username", org.username(), "password", org.password()), null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(stranger.cookie("JSESSIONID")).isEmpty();
    }

    @Test
    void aMissingPageIsAnHtmlPageInItsLanguageWhileTheApiKeepsProblemJson() {
        PageClient visitor = signedIn(fixtures.registerOrg("ENTERPRISE"));

        PageClient.Page missing = visitor.get("/no-such-page-" + Fixtures.unique("p") + "?lang=en");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.html()).contains("There is no such page.").doesNotContain("at org.");
        assertThat(api.get("/api/v1/no-such-thing", null).contentType()).startsWith("application/problem+json");
        assertThat(visitor().get("/no-such-page").header("Location"))
                .as("a page that is not public asks a stranger to log in first")
                .endsWith("/login");
    }

    @Test
    void theAccountPagesRunNoStatementsForAStrangerAndOnlyTheUsersStandingForAMember() {
        PageClient stranger = visitor();
        PageClient member = signedIn(fixtures.registerOrg("ENTERPRISE"));
        for (String page : new String[] {"/login", "/register", "/register/done", "/login?lang=en"}) {
            PageClient.Counted anonymous = stranger.counted(page);
            PageClient.Counted known = member.counted(page);
            assertThat(anonymous.page().status()).as(page).isEqualTo(200);
            assertThat(known.page().html()).as(page).contains("class=\"username\"");
            assertThat(anonymous.statements()).as(page + " for a stranger").isZero();
            // one indexed read: whether the user is still active, so a deactivated user's session ends at once
            assertThat(known.statements()).as(page + " for a signed-in user").isEqualTo(1);
        }
    }
}
