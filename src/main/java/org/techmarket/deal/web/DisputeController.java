package org.techmarket.deal.web;

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
import org.techmarket.deal.application.DealDisputes;
import org.techmarket.deal.domain.DisputeOutcome;
import org.techmarket.deal.persistence.Disputes.DisputeRow;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Disputes over HTTP: a party opens one on a deal; an operator resolves it with a written decision. */
@RestController
class DisputeController {

    private final DealDisputes disputes;

    DisputeController(DealDisputes disputes) {
        this.disputes = disputes;
    }

    record OpenRequest(String reasons, List<String> evidence) {}

    record ResolutionRequest(DisputeOutcome outcome, Money sellerAmount, String decision) {}

    record DecisionView(String outcome, Money sellerGross, String decision, String decidedBy, Instant decidedAt) {}

    record DisputeView(
            String id,
            String dealId,
            String openedBy,
            String reasons,
            List<String> evidence,
            Instant openedAt,
            String status,
            DecisionView resolution) {
        static DisputeView of(DisputeRow d) {
            return new DisputeView(
                    d.id(),
                    d.dealId(),
                    d.openedBy(),
                    d.reasons(),
                    d.evidence(),
                    d.openedAt(),
                    d.decision().isPresent() ? "RESOLVED" : "OPEN",
                    d.decision()
                            .map(x -> new DecisionView(
                                    x.outcome().name(),
                                    Money.of(x.sellerGrossMinor(), d.currency()),
                                    x.text(),
                                    x.decidedBy(),
                                    x.decidedAt()))
                            .orElse(null));
        }
    }

    @PostMapping("/api/v1/deals/{id}/disputes")
    ResponseEntity<DisputeView> open(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) OpenRequest request) {
        if (request == null) {
            throw Rejection.invalid(
                    SharedCodes.MALFORMED_JSON, "body", "a JSON object with reasons and evidence is required");
        }
        DisputeRow dispute = disputes.open(actor, id, request.reasons(), request.evidence());
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + dispute.id()))
                .body(DisputeView.of(dispute));
    }

    @GetMapping("/api/v1/disputes/{id}")
    DisputeView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return DisputeView.of(disputes.find(actor, id));
    }

    @PostMapping("/api/v1/disputes/{id}/resolution")
    DisputeView resolve(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) ResolutionRequest request) {
        if (request == null) {
            throw Rejection.invalid(
                    SharedCodes.MALFORMED_JSON, "body", "a JSON object with outcome and decision is required");
        }
        return DisputeView.of(
                disputes.resolve(actor, id, request.outcome(), request.sellerAmount(), request.decision()));
    }
}
