package org.techmarket.audit.web;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.audit.persistence.AuditVerifier;
import org.techmarket.audit.persistence.JdbcAuditLog;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lets operators and regulators read the audit log and have the server verify its whole hash chain. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcAuditLog log;
    private final AuditVerifier verifier;
    private final AuditSealer sealer;

    AuditController(JdbcAuditLog log, AuditVerifier verifier, AuditSealer sealer) {
        this.log = log;
        this.verifier = verifier;
        this.sealer = sealer;
    }

    record EventView(
            long sequence,
            String occurredAt,
            String actor,
            String type,
            String subject,
            JsonNode payload,
            String previousHash,
            String hash) {
        static EventView of(AuditEvent e) {
            return new EventView(
                    e.sequence(),
                    e.occurredAt().toString(),
                    e.actor(),
                    e.type(),
                    e.subject(),
                    JSON.readTree(e.payload()),
                    e.previousHash(),
                    e.hash());
        }
    }

    record EventPage(List<EventView> items, Long nextAfter) {}

    record VerificationView(boolean valid, long events, String headHash, Map<String, Object> firstBreak) {}

    @GetMapping("/events")
    EventPage events(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        actor.requireMarketReader();
        if (after < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "after", "after must not be negative");
        }
        int size = Cursor.limit(limit);
        sealer.sealCommitted();
        List<AuditEvent> events = log.page(after, size + 1);
        List<EventView> items = events.stream().limit(size).map(EventView::of).toList();
        Long next = events.size() > size ? items.get(size - 1).sequence() : null;
        return new EventPage(items, next);
    }

    @GetMapping("/verification")
    VerificationView verification(@AuthenticationPrincipal Actor actor) {
        actor.requireMarketReader();
        AuditVerifier.Verification result = verifier.sealAndVerify();
        Map<String, Object> firstBreak = result.firstBreak()
                .<Map<String, Object>>map(b -> Map.of("sequence", b.sequence(), "reason", b.reason()))
                .orElse(null);
        return new VerificationView(result.valid(), result.events(), result.headHash(), firstBreak);
    }
}
