package org.techmarket.participant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.application.TokenService;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ProblemWriter;

/** Authenticates API calls by their {@code Authorization: Bearer} token; a bad token is refused outright. */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;

    BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? tokens.authenticate(header.substring(PREFIX.length()).strip())
                : Optional.empty();
        if (actor.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemWriter.write(
                    response,
                    401,
                    "Unauthorized",
                    ParticipantCodes.INVALID_TOKEN,
                    "The bearer token is unknown, expired or revoked");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(
                actor.get(),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.get().role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
