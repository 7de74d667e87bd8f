package org.techmarket.demand.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.demand.application.ChallengeAwards;
import org.techmarket.demand.application.NeedReading;
import org.techmarket.demand.domain.Proposal;
import org.techmarket.demand.domain.Scorecard;
import org.techmarket.demand.web.NeedJson.ProposalRequest;
import org.techmarket.demand.web.NeedJson.ProposalView;
import org.techmarket.demand.web.NeedJson.ScoresRequest;
import org.techmarket.demand.web.NeedJson.SelectionRequest;
import org.techmarket.demand.web.NeedJson.SelectionView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** A challenge's competition over HTTP: proposals, the panel's scores and the poster's selection of the winner. */
@RestController
class ChallengeController {

    static final String PROPOSALS = "/api/v1/proposals";

    private final ChallengeAwards awards;
    private final NeedReading reading;

    ChallengeController(ChallengeAwards awards, NeedReading reading) {
        this.awards = awards;
        this.reading = reading;
    }

    @PostMapping(NeedController.CHALLENGES + "/{id}/proposals")
    ResponseEntity<ProposalView> propose(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ProposalRequest request) {
        Proposal proposal =
                awards.propose(actor, id, NeedController.required(request).submission());
        return ResponseEntity.created(URI.create(PROPOSALS + "/" + proposal.id()))
                .body(ProposalView.of(reading.proposal(actor, proposal.id())));
    }

    @GetMapping(NeedController.CHALLENGES + "/{id}/proposals")
    List<ProposalView> proposals(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return reading.proposals(actor, id).stream().map(ProposalView::of).toList();
    }

    @GetMapping(PROPOSALS + "/{id}")
    ProposalView proposal(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return ProposalView.of(reading.proposal(actor, id));
    }

    @PostMapping(PROPOSALS + "/{id}/scores")
    ResponseEntity<Map<String, Object>> score(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ScoresRequest request) {
        Scorecard card =
                awards.score(actor, id, NeedController.required(request).scores());
        return ResponseEntity.status(201)
                .body(Map.of("proposalId", id, "userId", actor.userId(), "scores", card.scores()));
    }

    @PostMapping(NeedController.CHALLENGES + "/{id}/selection")
    SelectionView select(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SelectionRequest request) {
        String proposalId = NeedController.required(request).proposalId();
        if (proposalId == null || proposalId.isBlank()) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "proposalId", "proposalId is required");
        }
        return new SelectionView(id, proposalId, awards.select(actor, id, proposalId));
    }
}
