package org.techmarket.participant.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.techmarket.participant.application.SecurityEventLog;

/**
 * The client address of a request: the connection's peer, or, only when the market is configured to run behind a
 * proxy ({@code techmarket.security.behind-proxy}), the last address in {@code X-Forwarded-For}, the one that proxy
 * added. Anyone can write the header, so it is not believed otherwise.
 */
@Component
public class ClientAddresses {

    private final boolean behindProxy;

    ClientAddresses(@Value("${techmarket.security.behind-proxy:false}") boolean behindProxy) {
        this.behindProxy = behindProxy;
    }

    public String of(HttpServletRequest request) {
        if (behindProxy) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }

    /** Where the request came from, as security events record it. */
    public SecurityEventLog.Origin origin(HttpServletRequest request) {
        return new SecurityEventLog.Origin(of(request), request.getMethod() + " " + request.getRequestURI());
    }
}
