package org.techmarket.participant.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.application.TokenService;
import org.techmarket.participant.security.ClientAddresses;
import org.techmarket.shared.Actor;

/** Log-in by password for an API token; listing and revoking one's own tokens; who am I. */
@RestController
class TokenController {

    private final TokenService tokens;
    private final ClientAddresses clients;

    TokenController(TokenService tokens, ClientAddresses clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    record LoginRequest(String username, String password) {}

    record TokenResponse(String id, String token, Instant expiresAt) {}

    record TokenView(String id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {}

    record Me(String userId, String username, String role, String organizationId, String venueId) {}

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse logIn(@RequestBody LoginRequest request, HttpServletRequest http) {
        var issued = tokens.logIn(request.username(), request.password(), clients.origin(http));
        return new TokenResponse(issued.id(), issued.token(), issued.expiresAt().orElse(null));
    }

    @GetMapping("/api/v1/tokens")
    List<TokenView> list(@AuthenticationPrincipal Actor actor) {
        return tokens.tokensOf(actor).stream()
                .map(t -> new TokenView(
                        t.id(),
                        t.label(),
                        t.createdAt(),
                        t.expiresAt().orElse(null),
                        t.revokedAt().orElse(null)))
                .toList();
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest http) {
        tokens.revoke(actor, id, clients.origin(http));
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal Actor actor) {
        return new Me(
                actor.userId(),
                actor.username(),
                actor.role().name(),
                actor.organizationId().orElse(null),
                actor.venueId().orElse(null));
    }
}
