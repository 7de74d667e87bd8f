package org.techmarket.participant.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.techmarket.participant.application.SecurityEventLog;
import org.techmarket.participant.application.TokenService;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Form log-in for the web market's pages through {@link TokenService#logInForSession}: the same password check,
 * throttling and refusals as an API token's log-in. A refusal sends the browser back to the log-in page with the
 * refusal's stable code, which the page words in its language; the session then holds the same {@link Actor} a bearer
 * token authenticates as.
 */
final class SessionLogIn implements AuthenticationProvider {

    static final String PAGE = "/login";

    private final TokenService tokens;

    SessionLogIn(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt.getDetails() instanceof SecurityEventLog.Origin origin)) {
            throw new Refused("INVALID_CREDENTIALS");
        }
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        try {
            Actor actor = tokens.logInForSession(attempt.getName(), password, origin);
            return UsernamePasswordAuthenticationToken.authenticated(
                    actor,
                    null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        } catch (Rejection rejection) {
            throw new Refused(rejection.code());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Back to the log-in page, naming only the refusal's code; no session is made. */
    static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String code = failure instanceof Refused refused ? refused.code : "INVALID_CREDENTIALS";
        response.sendRedirect(request.getContextPath() + PAGE + "?error=" + code);
    }

    /** A refused page request (a form without its CSRF token, a page the user's role may not see) as an HTML page. */
    static AccessDeniedHandlerImpl deniedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/denied");
        return handler;
    }

    /** A log-in refused with the code the API would have answered. */
    static final class Refused extends AuthenticationException {

        private final String code;

        Refused(String code) {
            super("Log-in refused: " + code);
            this.code = code;
        }
    }
}
