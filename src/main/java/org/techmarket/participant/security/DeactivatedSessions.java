package org.techmarket.participant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.application.UserStanding;
import org.techmarket.shared.Actor;

/**
 * Ends a page session whose user has been deactivated, on the first request after it: the session is invalidated
 * and the browser sent to the log-in page with the code {@code USER_DEACTIVATED} (an htmx request is told where to
 * go by {@code HX-Redirect}). Static files are served without the look-up.
 */
final class DeactivatedSessions extends OncePerRequestFilter {

    static final String REDIRECT = SessionLogIn.PAGE + "?error=" + ParticipantCodes.USER_DEACTIVATED.name();

    private static final String[] STATIC = {"/css/", "/js/", "/images/", "/webjars/", "/favicon.ico"};

    private final UserStanding standing;

    DeactivatedSessions(UserStanding standing) {
        this.standing = standing;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : STATIC) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Actor actor
                && !standing.active(actor.userId())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            String target = request.getContextPath() + REDIRECT;
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(target);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
