package org.techmarket.surveillance.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.surveillance.application.Review;
import org.techmarket.surveillance.application.Watch;
import org.techmarket.surveillance.domain.Alert;
import org.techmarket.surveillance.domain.Relation;

/** Alerts for operators and regulators, their review, and the related-party graph. */
@RestController
class SurveillanceController {

    private static final String ALERTS = "/api/v1/surveillance/alerts";

    private final Review review;
    private final Watch watch;

    SurveillanceController(Review review, Watch watch) {
        this.review = review;
        this.watch = watch;
    }

    record AlertView(
            String id,
            String kind,
            double score,
            List<String> parties,
            List<String> evidence,
            String rule,
            String status,
            String note,
            Instant raisedAt,
            Instant updatedAt,
            String reviewedBy) {
        static AlertView of(Alert a) {
            return new AlertView(
                    a.id(),
                    a.kind().name(),
                    a.score(),
                    a.parties(),
                    a.evidence(),
                    a.rule(),
                    a.status().name(),
                    a.note().orElse(null),
                    a.raisedAt(),
                    a.updatedAt(),
                    a.reviewedBy().orElse(null));
        }
    }

    record ReviewRequest(String status, String note) {}

    record SuspensionRequest(String organizationId, String reason) {}

    record SuspensionView(String organizationId, String status) {}

    record RunView(int raised) {}

    record RelationView(String first, String second, String kind, String shownBy) {
        static RelationView of(Relation r) {
            return new RelationView(r.first(), r.second(), r.kind().name(), r.shownBy());
        }
    }

    record RelationsView(List<RelationView> items) {}

    @GetMapping(ALERTS)
    PagedItems<AlertView> alerts(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<String> status,
            @RequestParam Optional<String> kind,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = review.list(actor, status, kind, cursor, limit);
        return PagedItems.of(page.map(AlertView::of));
    }

    @GetMapping(ALERTS + "/{id}")
    AlertView alert(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return AlertView.of(review.get(actor, id));
    }

    @PostMapping(ALERTS + "/{id}/review")
    AlertView review(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ReviewRequest request) {
        return AlertView.of(review.review(actor, id, request.status(), request.note()));
    }

    @PostMapping(ALERTS + "/{id}/suspension")
    SuspensionView suspend(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SuspensionRequest request) {
        OrganizationSummary suspended = review.suspendParty(actor, id, request.organizationId(), request.reason());
        return new SuspensionView(suspended.id(), suspended.status().name());
    }

    /** Runs every detector over the whole market now (operators), as the nightly run does. */
    @PostMapping("/api/v1/surveillance/runs")
    RunView run(@AuthenticationPrincipal Actor actor) {
        actor.requireOperator();
        return new RunView(watch.watchWholeMarket());
    }

    @GetMapping("/api/v1/surveillance/relations")
    RelationsView relations(@AuthenticationPrincipal Actor actor, @RequestParam Optional<String> organizationId) {
        return new RelationsView(watch.relations(actor).relations().stream()
                .filter(r -> organizationId
                        .map(id -> r.first().equals(id) || r.second().equals(id))
                        .orElse(true))
                .map(RelationView::of)
                .toList());
    }
}
