package org.techmarket.web.base;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;

/**
 * Who is looking at a page, for the layout as {@code ${@viewer...}}: the signed-in {@link Actor} (the same one the
 * API's bearer tokens give), their role, and the address of this page in the other language.
 */
@Component("viewer")
public class Viewer {

    /** The signed-in user, if any. */
    public Optional<Actor> actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor
                ? Optional.of(actor)
                : Optional.empty();
    }

    public boolean signedIn() {
        return actor().isPresent();
    }

    public String username() {
        return actor().map(Actor::username).orElse("");
    }

    /** Whether the signed-in user has {@code role} (a {@link Role} constant's name). */
    public boolean is(String role) {
        return actor().map(a -> a.role().name().equals(role)).orElse(false);
    }

    /** Whether the signed-in user acts for an organization (members and organization admins). */
    public boolean actsForOrganization() {
        return actor().flatMap(Actor::organizationId).isPresent();
    }

    /** This page's address with {@code ?lang=} set to {@code language}, its other parameters kept. */
    public String switchTo(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + language;
        }
        HttpServletRequest request = attributes.getRequest();
        boolean forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null;
        String path = forwarded
                ? (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI)
                : request.getRequestURI();
        String query = forwarded
                ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
                : request.getQueryString();
        return path + "?" + withLanguage(query, language);
    }

    /** The query with its {@code lang} parameters dropped and {@code lang=language} last, every other pair as it was. */
    static String withLanguage(String query, String language) {
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('='));
                if (!pair.isEmpty() && !name.equals(MarketLocales.COOKIE)) {
                    kept.append(pair).append('&');
                }
            }
        }
        return kept.append(MarketLocales.COOKIE).append('=').append(language).toString();
    }
}
