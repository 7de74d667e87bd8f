package org.techmarket.participant.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.application.LoginThrottling;
import org.techmarket.participant.application.SecurityEventLog;
import org.techmarket.participant.domain.SecurityEvent;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.participant.security.ClientAddresses;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Unlocking an account locked by failed log-ins; the security events operators and regulators read. */
@RestController
class SecurityController {

    private final LoginThrottling throttling;
    private final SecurityEventLog events;
    private final ClientAddresses clients;

    SecurityController(LoginThrottling throttling, SecurityEventLog events, ClientAddresses clients) {
        this.throttling = throttling;
        this.events = events;
        this.clients = clients;
    }

    record Unlocked(String userId, boolean wasLocked) {}

    record EventView(
            long sequence,
            Instant occurredAt,
            String type,
            String username,
            String userId,
            String clientAddress,
            String path) {
        static EventView of(SecurityEvent e) {
            return new EventView(
                    e.sequence(),
                    e.occurredAt(),
                    e.type().name(),
                    e.username().orElse(null),
                    e.userId().orElse(null),
                    e.clientAddress(),
                    e.path());
        }
    }

    record EventPage(List<EventView> items, Long nextAfter) {}

    @PostMapping("/api/v1/users/{id}/unlock")
    Unlocked unlock(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest http) {
        return new Unlocked(id, throttling.unlock(actor, id, clients.origin(http)));
    }

    @GetMapping("/api/v1/security-events")
    EventPage events(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<String> type,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        actor.requireMarketReader();
        Optional<SecurityEventType> wanted = type.filter(t -> !t.isBlank()).map(SecurityController::type);
        SecurityEventLog.EventPage page = events.read(actor, wanted, after, limit);
        return new EventPage(
                page.items().stream().map(EventView::of).toList(),
                page.nextAfter().orElse(null));
    }

    private static SecurityEventType type(String name) {
        try {
            return SecurityEventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_PARAMETER,
                    "type",
                    "type is one of " + Arrays.toString(SecurityEventType.values()));
        }
    }
}
