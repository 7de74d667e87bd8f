package org.techmarket.participant.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.participant.application.SecurityEventLog;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.shared.Actor;

/**
 * Records a request's refusal as {@code ACCESS_DENIED} against its signed-in caller; an anonymous caller leaves no
 * event. Recording never changes the answer: a failure to record is logged and passed over.
 */
@Component
class RefusedAccess {

    private static final Logger log = LoggerFactory.getLogger(RefusedAccess.class);

    private final SecurityEventLog events;
    private final ClientAddresses clients;

    RefusedAccess(SecurityEventLog events, ClientAddresses clients) {
        this.events = events;
        this.clients = clients;
    }

    void record(HttpServletRequest request) {
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
