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
import org.techmarket.participant.application.Mandating;
import org.techmarket.participant.application.TokenService;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ProblemWriter;
import org.techmarket.shared.Rejection;

/**
 * Authenticates API calls by their {@code Authorization: Bearer} token; a bad token is refused outright. A broker's
 * user naming a client in {@code X-On-Behalf-Of}, or in a JSON body's {@code onBehalfOf} field, acts as that client's
 * member under their mandate, or is refused with 403 and the reason the mandate does not let it act; every endpoint
 * then sees the client as the actor's organization.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String ON_BEHALF_OF = "X-On-Behalf-Of";

    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;
    private final Optional<Mandating> mandates;

    BearerTokenFilter(TokenService tokens) {
        this(tokens, Optional.empty());
    }

    BearerTokenFilter(TokenService tokens, Optional<Mandating> mandates) {
        this.tokens = tokens;
        this.mandates = mandates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor;
        try {
            actor = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    ? tokens.authenticate(header.substring(PREFIX.length()).strip())
                    : Optional.empty();
        } catch (Rejection refused) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemWriter.write(response, 401, "Unauthorized", refused.code(), refused.getMessage());
            return;
        }
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
        if (mandates.isPresent()) {
            OnBehalfOfBody.Read read;
            try {
                read = OnBehalfOfBody.read(
                        request,
                        Optional.ofNullable(request.getHeader(ON_BEHALF_OF)).map(String::strip));
            } catch (Rejection refused) {
                ProblemWriter.write(response, 400, "Bad Request", refused.code(), refused.getMessage());
                return;
            }
            request = read.request();
            if (read.client().isPresent()) {
                try {
                    actor = Optional.of(
                            mandates.get().actingFor(actor.get(), read.client().get()));
                } catch (Rejection refused) {
                    ProblemWriter.write(response, 403, "Forbidden", refused.code(), refused.getMessage());
                    return;
                }
            }
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
