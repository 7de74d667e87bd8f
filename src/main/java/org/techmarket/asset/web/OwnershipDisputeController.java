package org.techmarket.asset.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.asset.application.OwnershipContests;
import org.techmarket.asset.domain.OwnershipDispute;
import org.techmarket.asset.domain.OwnershipDisputeStatus;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Ownership disputes over HTTP: contest an asset's registration, read the dispute, and an operator's decision. */
@RestController
class OwnershipDisputeController {

    private static final String DISPUTES = "/api/v1/ownership-disputes";

    private final OwnershipContests contests;

    OwnershipDisputeController(OwnershipContests contests) {
        this.contests = contests;
    }

    record DisputeRequest(String statement, List<String> evidence) {}

    record DecisionRequest(OwnershipDisputeStatus outcome, String reason) {}

    record DisputeView(
            String id,
            String assetId,
            String claimantId,
            List<String> respondents,
            String statement,
            List<String> evidence,
            OwnershipDisputeStatus status,
            String reason,
            String decidedBy,
            Instant decidedAt,
            Instant createdAt) {
        static DisputeView of(OwnershipDispute d) {
            return new DisputeView(
                    d.id(),
                    d.assetId(),
                    d.claimantId(),
                    d.respondents(),
                    d.statement(),
                    d.evidence(),
                    d.status(),
                    d.reason().orElse(null),
                    d.decidedBy().orElse(null),
                    d.decidedAt().orElse(null),
                    d.createdAt());
        }
    }

    @PostMapping("/api/v1/assets/{id}/ownership-disputes")
    ResponseEntity<DisputeView> file(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody DisputeRequest request) {
        DisputeRequest body = required(request);
        OwnershipDispute dispute = contests.file(actor, id, body.statement(), body.evidence());
        return ResponseEntity.created(URI.create(DISPUTES + "/" + dispute.id())).body(DisputeView.of(dispute));
    }

    @GetMapping(DISPUTES + "/{id}")
    DisputeView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return DisputeView.of(contests.get(actor, id));
    }

    @PostMapping(DISPUTES + "/{id}/decision")
    DisputeView decide(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody DecisionRequest request) {
        DecisionRequest body = required(request);
        return DisputeView.of(contests.decide(actor, id, body.outcome(), body.reason()));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object is required");
        }
        return body;
    }
}
