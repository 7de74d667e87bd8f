package org.techmarket.participant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.techmarket.participant.application.SecurityEventLog;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.shared.Actor;

/**
 * Records every 403 answered to a signed-in caller as {@code ACCESS_DENIED}, whichever layer refused: the door's
 * role rules or a module's application layer. Recording never changes the answer.
 */
class AccessDeniedRecorder extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedRecorder.class);

    private final SecurityEventLog events;
    private final ClientAddresses clients;

    AccessDeniedRecorder(SecurityEventLog events, ClientAddresses clients) {
        this.events = events;
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() != HttpServletResponse.SC_FORBIDDEN) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            try {
                events.record(SecurityEventType.ACCESS_DENIED, actor, clients.origin(request));
            } catch (RuntimeException e) {
                log.warn("Could not record a refused request as a security event", e);
            }
        }
    }
}
