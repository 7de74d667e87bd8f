package org.techmarket.participant.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.techmarket.shared.Rejection;

/**
 * Records as {@code ACCESS_DENIED} a 404 that hides another organization's existing resource from its caller
 * ({@link Rejection#hidesExisting()}); the answer itself is left to the problem handler, unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HiddenResourceRecorder implements HandlerExceptionResolver {

    private final RefusedAccess refused;

    HiddenResourceRecorder(RefusedAccess refused) {
        this.refused = refused;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex instanceof Rejection rejection && rejection.hidesExisting()) {
            refused.record(request);
        }
        return null;
    }
}
