package org.techmarket.notification.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.notification.application.WebhookRegistry;
import org.techmarket.notification.persistence.Deliveries;
import org.techmarket.notification.persistence.Webhooks.Webhook;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** An organization's webhooks over HTTP: register (the secret shown once), list, remove, and read the delivery log. */
@RestController
class WebhookController {

    static final String WEBHOOKS = "/api/v1/webhooks";

    /** What registers a webhook. */
    record Request(String url, List<String> events) {}

    /** A webhook as its organization sees it; {@code secret} only in the answer to its registration. */
    record WebhookView(String id, String url, List<String> events, Instant createdAt, Optional<String> secret) {

        static WebhookView of(Webhook webhook, Optional<String> secret) {
            return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.createdAt(), secret);
        }
    }

    /** A page of the delivery log. */
    record DeliveryLog(List<Deliveries.Logged> items, Optional<String> nextCursor) {}

    private final WebhookRegistry registry;

    WebhookController(WebhookRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(WEBHOOKS)
    ResponseEntity<WebhookView> register(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) Request request) {
        if (request == null) {
            throw Rejection.invalid(
                    SharedCodes.MALFORMED_JSON, "body", "a JSON object with url and events is required");
        }
        WebhookRegistry.Registered registered = registry.register(actor, request.url(), request.events());
        return ResponseEntity.created(
                        URI.create(WEBHOOKS + "/" + registered.webhook().id()))
                .body(WebhookView.of(registered.webhook(), Optional.of(registered.secret())));
    }

    @GetMapping(WEBHOOKS)
    List<WebhookView> list(@AuthenticationPrincipal Actor actor) {
        return registry.list(actor).stream()
                .map(w -> WebhookView.of(w, Optional.empty()))
                .toList();
    }

    @GetMapping(WEBHOOKS + "/{id}")
    WebhookView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return WebhookView.of(registry.get(actor, id), Optional.empty());
    }

    @DeleteMapping(WEBHOOKS + "/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        registry.remove(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(WEBHOOKS + "/{id}/deliveries")
    DeliveryLog deliveries(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = registry.deliveries(actor, id, cursor, limit);
        return new DeliveryLog(page.items(), page.nextCursor());
    }
}
