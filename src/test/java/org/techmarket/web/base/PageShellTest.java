package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;

class PageShellTest {

    private final PageShell shell = new PageShell(messages(), new Viewer());

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aStrangerIsOfferedToLogInAndTheSwitchKeepsTheQueryEscaped() {
        visit("/needs", "q=%3Cb%3E&x=%22&lang=en", null);

        String header = shell.header(MarketLocales.ENGLISH, token("t1"));

        assertThat(header)
                .contains("<a href=\"/login\">Log in</a>", "<a href=\"/register\">Register</a>")
                .contains("<a href=\"/needs?q=%3Cb%3E&amp;x=%22&amp;lang=zh\" hreflang=\"zh\" lang=\"zh\">中文</a>")
                .contains("<a href=\"/needs?q=%3Cb%3E&amp;x=%22&amp;lang=en\" hreflang=\"en\" lang=\"en\""
                        + " aria-current=\"true\">English</a>")
                .doesNotContain("username", "logout", "/workspace", "/operator", "/regulator", "t1");
    }

    @Test
    void eachVisitorSeesTheirOwnNameAndTokenEscapedThoughTheFrameIsKept() {
        visit("/workspace", null, member("ada<&\"'", Role.ORG_ADMIN));
        String first = shell.header(MarketLocales.CHINESE, token("a\"b"));
        visit("/workspace", null, member("grace", Role.ORG_ADMIN));
        String second = shell.header(MarketLocales.CHINESE, token("c&d"));

        assertThat(first)
                .contains("<strong class=\"username\">ada&lt;&amp;&quot;&#39;</strong>")
                .contains("<input type=\"hidden\" name=\"_csrf\" value=\"a&quot;b\"/>")
                .contains("<a href=\"/workspace\">我的工作台</a>", "退出登录", "当前用户")
                .contains("<a href=\"/workspace?lang=zh\" hreflang=\"zh\" lang=\"zh\" aria-current=\"true\">中文</a>")
                .doesNotContain("/login\"", "/operator", "/regulator");
        assertThat(second)
                .contains("<strong class=\"username\">grace</strong>", "value=\"c&amp;d\"")
                .doesNotContain("ada", "a&quot;b");
    }

    @Test
    void theDesksAreLinkedOnlyForTheirRole() {
        visit("/", null, staff("op", Role.OPERATOR));
        String operator = shell.header(MarketLocales.ENGLISH, token("t"));
        visit("/", null, staff("reg", Role.REGULATOR));
        String regulator = shell.header(MarketLocales.ENGLISH, token("t"));
        visit("/", null, staff("admin", Role.MARKET_ADMIN));
        String admin = shell.header(MarketLocales.ENGLISH, token("t"));

        assertThat(operator)
                .contains("<a href=\"/operator\">Operations</a>")
                .doesNotContain("/regulator", "/workspace");
        assertThat(regulator)
                .contains("<a href=\"/regulator\">Supervision</a>")
                .doesNotContain("/operator", "/workspace");
        assertThat(admin).contains("Log out").doesNotContain("/operator", "/regulator", "/workspace");
    }

    @Test
    void theHeadCarriesTheTokenOnlyForASignedInVisitorWithOneAndTheFooterIsInThePagesLanguage() {
        visit("/", null, member("ada", Role.ORG_ADMIN));
        assertThat(shell.csrfMeta(token("x<y")))
                .isEqualTo(
                        "<meta name=\"_csrf\" content=\"x&lt;y\">\n  <meta name=\"_csrf_header\" content=\"X-XSRF-TOKEN\">");
        assertThat(shell.csrfMeta(null)).isEmpty();
        visit("/", null, null);
        assertThat(shell.csrfMeta(token("x<y")))
                .as("a stranger's page, the same for every stranger")
                .isEmpty();
        assertThat(shell.footer(MarketLocales.ENGLISH))
                .contains("The market&#39;s verifiable log")
                .doesNotContain("市场");
        assertThat(shell.footer(MarketLocales.CHINESE)).doesNotContain("verifiable log");
    }

    private static void visit(String path, String query, Actor actor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.clearContext();
        if (actor != null) {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
        }
    }

    private static Actor member(String username, Role role) {
        return new Actor("u-" + username, username, role, Optional.of("org-1"), Optional.empty());
    }

    private static Actor staff(String username, Role role) {
        return new Actor("u-" + username, username, role, Optional.empty(), Optional.empty());
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", value);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
