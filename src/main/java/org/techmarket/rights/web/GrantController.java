package org.techmarket.rights.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.rights.application.GrantReading;
import org.techmarket.rights.application.Granting;
import org.techmarket.rights.application.Termination;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.web.GrantJson.CheckView;
import org.techmarket.rights.web.GrantJson.GrantRequest;
import org.techmarket.rights.web.GrantJson.GrantView;
import org.techmarket.rights.web.GrantJson.TerminationRequest;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Grants over HTTP: make one, check one, list and read them, and end one early. */
@RestController
class GrantController {

    private final Granting granting;
    private final GrantReading reading;
    private final Termination termination;

    GrantController(Granting granting, GrantReading reading, Termination termination) {
        this.granting = granting;
        this.reading = reading;
        this.termination = termination;
    }

    @PostMapping("/api/v1/assets/{assetId}/grants")
    ResponseEntity<GrantView> grant(
            @AuthenticationPrincipal Actor actor, @PathVariable String assetId, @RequestBody GrantRequest request) {
        RegisteredGrant entry = granting.grant(actor, assetId, required(request).terms());
        return ResponseEntity.created(URI.create("/api/v1/grants/" + entry.id()))
                .eTag(IfMatch.etag(entry.version()))
                .body(GrantView.of(entry));
    }

    @PostMapping("/api/v1/assets/{assetId}/rights-check")
    CheckView check(
            @AuthenticationPrincipal Actor actor, @PathVariable String assetId, @RequestBody GrantRequest request) {
        return CheckView.of(granting.check(actor, assetId, required(request).terms()));
    }

    @GetMapping("/api/v1/assets/{assetId}/grants")
    PagedItems<GrantView> list(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String assetId,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = reading.list(actor, assetId, cursor, limit).map(GrantView::of);
        return PagedItems.of(page);
    }

    @GetMapping("/api/v1/grants/{grantId}")
    ResponseEntity<GrantView> get(@AuthenticationPrincipal Actor actor, @PathVariable String grantId) {
        RegisteredGrant entry = reading.get(actor, grantId);
        return ResponseEntity.ok().eTag(IfMatch.etag(entry.version())).body(GrantView.of(entry));
    }

    @PostMapping("/api/v1/grants/{grantId}/termination")
    ResponseEntity<GrantView> terminate(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String grantId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TerminationRequest request) {
        TerminationRequest body = required(request);
        RegisteredGrant entry =
                termination.terminate(actor, grantId, body.reason(), body.effectiveOn(), IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(entry.version())).body(GrantView.of(entry));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object is required");
        }
        return body;
    }
}
