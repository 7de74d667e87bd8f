package org.techmarket.demand.web;

import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.demand.DemandCodes;
import org.techmarket.demand.application.NeedPosting;
import org.techmarket.demand.application.NeedReading;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.demand.web.NeedJson.NeedRequest;
import org.techmarket.demand.web.NeedJson.NeedView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Needs and challenges over HTTP: post (a draft), publish, close, fulfil, read and browse. A challenge is a need and
 * answers under both paths.
 */
@RestController
class NeedController {

    static final String NEEDS = "/api/v1/needs";
    static final String CHALLENGES = "/api/v1/challenges";

    private final NeedPosting posting;
    private final NeedReading reading;

    NeedController(NeedPosting posting, NeedReading reading) {
        this.posting = posting;
        this.reading = reading;
    }

    @PostMapping(NEEDS)
    ResponseEntity<NeedView> postNeed(@AuthenticationPrincipal Actor actor, @RequestBody NeedRequest request) {
        NeedRequest body = required(request);
        if (body.reward() != null || body.milestones() != null || body.criteria() != null || body.panel() != null) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED, "reward", "a need has no reward or panel; post it as a challenge");
        }
        Need need = posting.post(actor, body.details(), Optional.empty());
        return ResponseEntity.created(URI.create(NEEDS + "/" + need.id())).body(view(actor, need));
    }

    @PostMapping(CHALLENGES)
    ResponseEntity<NeedView> postChallenge(@AuthenticationPrincipal Actor actor, @RequestBody NeedRequest request) {
        NeedRequest body = required(request);
        Need need = posting.post(actor, body.details(), Optional.of(body.terms()));
        return ResponseEntity.created(URI.create(CHALLENGES + "/" + need.id())).body(view(actor, need));
    }

    @PostMapping({NEEDS + "/{id}/publication", CHALLENGES + "/{id}/publication"})
    NeedView publish(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return step(actor, id, posting::publish);
    }

    @PostMapping({NEEDS + "/{id}/closure", CHALLENGES + "/{id}/closure"})
    NeedView close(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return step(actor, id, posting::close);
    }

    @PostMapping(NEEDS + "/{id}/fulfilment")
    NeedView fulfil(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return step(actor, id, posting::fulfil);
    }

    @GetMapping({NEEDS + "/{id}", CHALLENGES + "/{id}"})
    NeedView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return NeedView.of(reading.get(actor, id));
    }

    @GetMapping(NEEDS)
    PagedItems<NeedView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<NeedKind> kind,
            @RequestParam Optional<NeedStatus> status,
            @RequestParam Optional<String> industry,
            @RequestParam Optional<String> region,
            @RequestParam Optional<String> organizationId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return page(actor, kind, status, industry, region, organizationId, limit, cursor);
    }

    @GetMapping(CHALLENGES)
    PagedItems<NeedView> challenges(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<NeedStatus> status,
            @RequestParam Optional<String> industry,
            @RequestParam Optional<String> region,
            @RequestParam Optional<String> organizationId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return page(actor, Optional.of(NeedKind.CHALLENGE), status, industry, region, organizationId, limit, cursor);
    }

    private PagedItems<NeedView> page(
            Actor actor,
            Optional<NeedKind> kind,
            Optional<NeedStatus> status,
            Optional<String> industry,
            Optional<String> region,
            Optional<String> organizationId,
            Integer limit,
            String cursor) {
        region.filter(r -> !r.matches("\\d{6}")).ifPresent(r -> {
            throw Rejection.invalid(DemandCodes.UNKNOWN_REGION, "region", "region is a six-digit GB/T 2260 code");
        });
        var filter = new Needs.Filter(kind, status, industry, region, organizationId);
        var page = reading.page(actor, filter, cursor, limit).map(NeedView::of);
        return PagedItems.of(page);
    }

    private NeedView step(Actor actor, String id, BiFunction<Actor, String, Need> step) {
        return view(actor, step.apply(actor, id));
    }

    private NeedView view(Actor actor, Need need) {
        return NeedView.of(reading.get(actor, need.id()));
    }

    static <T> T required(T body) {
        if (body == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object is required");
        }
        return body;
    }
}
