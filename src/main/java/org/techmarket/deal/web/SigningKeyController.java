package org.techmarket.deal.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.deal.application.SignerKeyRegistry;
import org.techmarket.deal.application.SignerKeyRegistry.KeyRing;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.SignerKey;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Signing keys the signer holds: register an Ed25519 public key, list the organization's keys, revoke one, and
 * choose whether the market may still sign with a key it holds.
 */
@RestController
class SigningKeyController {

    private static final String KEYS = "/api/v1/signing-keys";

    record KeyRequest(String publicKey) {}

    record ChoiceRequest(Boolean serverHeldKeys) {}

    record KeyView(
            String id,
            String userId,
            String publicKey,
            String fingerprint,
            String algorithm,
            Instant registeredAt,
            Instant revokedAt) {
        static KeyView of(SignerKey k) {
            return new KeyView(
                    k.id(),
                    k.userId(),
                    k.publicKey(),
                    k.fingerprint(),
                    "Ed25519",
                    k.registeredAt(),
                    k.revokedAt().orElse(null));
        }
    }

    record KeyRingView(boolean serverHeldKeys, List<KeyView> items) {
        static KeyRingView of(KeyRing ring) {
            return new KeyRingView(
                    ring.serverHeldKeys(), ring.keys().stream().map(KeyView::of).toList());
        }
    }

    private final SignerKeyRegistry registry;

    SigningKeyController(SignerKeyRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(KEYS)
    ResponseEntity<KeyView> register(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) KeyRequest request) {
        if (request == null
                || request.publicKey() == null
                || request.publicKey().isBlank()) {
            throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "publicKey", "the Ed25519 public key, base64");
        }
        KeyView view = KeyView.of(registry.register(actor, request.publicKey()));
        return ResponseEntity.created(URI.create(KEYS + "/" + view.id())).body(view);
    }

    @GetMapping(KEYS)
    KeyRingView list(@AuthenticationPrincipal Actor actor) {
        return KeyRingView.of(registry.ring(actor));
    }

    @PostMapping(KEYS + "/{id}/revocation")
    KeyView revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return KeyView.of(registry.revoke(actor, id));
    }

    @PutMapping(KEYS + "/server-held")
    KeyRingView choose(@AuthenticationPrincipal Actor actor, @RequestBody(required = false) ChoiceRequest request) {
        if (request == null || request.serverHeldKeys() == null) {
            throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "serverHeldKeys", "true or false");
        }
        return KeyRingView.of(registry.chooseServerHeld(actor, request.serverHeldKeys()));
    }
}
