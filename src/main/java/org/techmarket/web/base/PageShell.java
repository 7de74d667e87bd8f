package org.techmarket.web.base;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;
import org.unbescape.html.HtmlEscape;

/**
 * The frame every page shares around its own content: the CSRF meta tags of the head, the header with the market's
 * links, the visitor's account and the language switch, and the footer. What depends only on the language and on the
 * kind of visitor (a stranger, a member of an organization, an operator, a regulator) is written once per language and
 * kind and kept; the visitor's name, the CSRF token and the addresses of this page in either language are added on
 * every visit, escaped as a template escapes them. Layouts print it through {@link ShellDialect}'s elements.
 */
@Component
public class PageShell {

    /** The attribute under which the security filters leave the request's CSRF token. */
    static final String CSRF_ATTRIBUTE = "_csrf";

    private final MessageSource messages;
    private final Viewer viewer;
    private final Map<String, Frame> frames = new ConcurrentHashMap<>();

    PageShell(MessageSource messages, Viewer viewer) {
        this.messages = messages;
        this.viewer = viewer;
    }

    /**
     * The head's CSRF meta tags, for the page's scripts to send the token with htmx requests; none without a token,
     * and none for a visitor who is not signed in. A stranger's page sends nothing that changes the market from a
     * script (their forms, the log-in's and the registration's, carry the token in a field of their own), and a page
     * without a token is the same page for every stranger: one the market may keep and send to the next
     * ({@code ResponseCache}), where a token would have been minted for each visitor, with a cookie of their own.
     */
    public String csrfMeta(CsrfToken token) {
        if (token == null || viewer.actor().isEmpty()) {
            return "";
        }
        return "<meta name=\"_csrf\" content=\"" + escape(token.getToken())
                + "\">\n  <meta name=\"_csrf_header\" content=\"" + escape(token.getHeaderName()) + "\">";
    }

    /** The skip link and the header for the current visitor in {@code locale}. */
    public String header(Locale locale, CsrfToken token) {
        Actor actor = viewer.actor().orElse(null);
        Frame frame = frame(locale, actor == null ? null : actor.role(), actor);
        StringBuilder html = new StringBuilder(frame.header().length() + 512);
        html.append(frame.header());
        if (actor != null) {
            html.append(escape(actor.username())).append(frame.logOutForm());
            if (token != null) {
                html.append("<input type=\"hidden\" name=\"")
                        .append(escape(token.getParameterName()))
                        .append("\" value=\"")
                        .append(escape(token.getToken()))
                        .append("\"/>");
            }
            html.append(frame.logOutButton());
        }
        boolean chinese = MarketLocales.CHINESE.getLanguage().equals(locale.getLanguage());
        boolean english = MarketLocales.ENGLISH.getLanguage().equals(locale.getLanguage());
        html.append(frame.languages())
                .append("<a href=\"")
                .append(escape(viewer.switchTo(MarketLocales.CHINESE.getLanguage())))
                .append("\" hreflang=\"zh\" lang=\"zh\"")
                .append(chinese ? " aria-current=\"true\"" : "")
                .append(">中文</a>\n        <a href=\"")
                .append(escape(viewer.switchTo(MarketLocales.ENGLISH.getLanguage())))
                .append("\" hreflang=\"en\" lang=\"en\"")
                .append(english ? " aria-current=\"true\"" : "")
                .append(">English</a>\n      </nav>\n    </div>\n  </div>\n</header>");
        return html.toString();
    }

    /** The footer in {@code locale}. */
    public String footer(Locale locale) {
        return frame(locale, null, null).footer();
    }

    private Frame frame(Locale locale, Role role, Actor actor) {
        boolean organization = actor != null && actor.organizationId().isPresent();
        String key = locale.getLanguage() + (actor == null ? "" : role.name()) + (organization ? "+org" : "");
        if (!MarketLocales.SUPPORTED.contains(locale)) {
            return write(locale, actor != null, organization, role);
        }
        return frames.computeIfAbsent(key, k -> write(locale, actor != null, organization, role));
    }

    /** The fixed text of the frame: every message looked up and escaped once. */
    private Frame write(Locale locale, boolean signedIn, boolean organization, Role role) {
        StringBuilder header = new StringBuilder(2048)
                .append("<a class=\"skip-link\" href=\"#content\">")
                .append(text("layout.skip", locale))
                .append("</a>\n<header class=\"site-header\">\n  <div class=\"bar\">\n")
                .append("    <a class=\"brand\" href=\"/\">")
                .append(text("layout.brand", locale))
                .append("</a>\n    <nav class=\"site-nav\" aria-label=\"")
                .append(text("layout.nav", locale))
                .append("\">\n      <ul>\n");
        link(header, "/", "layout.nav.market", locale);
        link(header, "/search", "layout.nav.search", locale);
        link(header, "/needs", "layout.nav.needs", locale);
        link(header, "/challenges", "layout.nav.challenges", locale);
        link(header, "/observatory", "layout.nav.observatory", locale);
        if (organization) {
            link(header, "/workspace", "layout.nav.workspace", locale);
        }
        if (role == Role.OPERATOR) {
            link(header, "/operator", "layout.nav.operator", locale);
        }
        if (role == Role.REGULATOR) {
            link(header, "/regulator", "layout.nav.regulator", locale);
        }
        header.append("      </ul>\n    </nav>\n    <div class=\"account\">\n      ");
        if (signedIn) {
            header.append("<span class=\"who\"><span>")
                    .append(text("layout.signedInAs", locale))
                    .append("</span>\n          <strong class=\"username\">");
        } else {
            header.append("<a href=\"/login\">")
                    .append(text("layout.logIn", locale))
                    .append("</a>\n        <a href=\"/register\">")
                    .append(text("layout.register", locale))
                    .append("</a>\n      ");
        }
        String logOutForm = "</strong></span>\n        <form class=\"logout\" action=\"/logout\" method=\"post\">";
        String logOutButton = "\n          <button type=\"submit\" class=\"link-button\">"
                + text("layout.logOut", locale) + "</button>\n        </form>\n      ";
        String languages = "<nav class=\"languages\" aria-label=\"" + text("layout.language", locale) + "\">\n        ";
        String footer = "<footer class=\"site-footer\">\n  <p>" + text("layout.footer.about", locale)
                + "</p>\n  <p><a href=\"/swagger-ui.html\">" + text("layout.footer.api", locale)
                + "</a>\n    · <a href=\"/api/v1/log/checkpoint\">" + text("layout.footer.log", locale)
                + "</a></p>\n</footer>";
        return new Frame(header.toString(), logOutForm, logOutButton, languages, footer);
    }

    private void link(StringBuilder header, String href, String message, Locale locale) {
        header.append("        <li><a href=\"")
                .append(href)
                .append("\">")
                .append(text(message, locale))
                .append("</a></li>\n");
    }

    private String text(String code, Locale locale) {
        return escape(messages.getMessage(code, null, locale));
    }

    /** Escapes as a template's {@code th:text} and attributes do: the five characters markup gives meaning to. */
    static String escape(String text) {
        return HtmlEscape.escapeHtml4Xml(text);
    }

    /** The fixed text of a frame for one language and kind of visitor, in the order a page prints it. */
    private record Frame(String header, String logOutForm, String logOutButton, String languages, String footer) {}
}
