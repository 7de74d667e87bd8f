package org.techmarket.participant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every 403 answered to a signed-in caller as {@code ACCESS_DENIED}, whichever layer refused: the door's
 * role rules or a module's application layer.
 */
class AccessDeniedRecorder extends OncePerRequestFilter {

    private final RefusedAccess refused;

    AccessDeniedRecorder(RefusedAccess refused) {
        this.refused = refused;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            refused.record(request);
        }
    }
}
