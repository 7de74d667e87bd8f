package org.techmarket.participant.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.techmarket.participant.application.SecurityEventLog;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Records as {@code ACCESS_DENIED} a 404 that hides another organization's existing resource from its caller
 * ({@link Rejection#hidesExisting()}); the answer itself is left to the problem handler, unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HiddenResourceRecorder implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(HiddenResourceRecorder.class);

    private final SecurityEventLog events;
    private final ClientAddresses clients;

    HiddenResourceRecorder(SecurityEventLog events, ClientAddresses clients) {
        this.events = events;
        this.clients = clients;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (ex instanceof Rejection rejection && rejection.hidesExisting()) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
                try {
                    events.record(SecurityEventType.ACCESS_DENIED, actor, clients.origin(request));
                } catch (RuntimeException e) {
                    log.warn("Could not record a hidden refusal as a security event", e);
                }
            }
        }
        return null;
    }
}
