package org.techmarket.operations.web;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.operations.application.StuckWork;
import org.techmarket.shared.Actor;
import org.techmarket.shared.jobs.StuckItem;

/** {@code /api/v1/operations/stuck}: background items that wait for an operator, and releasing one. */
@RestController
class OperationsController {

    private final StuckWork stuck;

    OperationsController(StuckWork stuck) {
        this.stuck = stuck;
    }

    @GetMapping("/api/v1/operations/stuck")
    StuckList list(@AuthenticationPrincipal Actor actor) {
        return new StuckList(stuck.list(actor).stream().map(StuckView::of).toList());
    }

    @PostMapping("/api/v1/operations/stuck/{job}/{itemId}/retry")
    StuckView retry(@AuthenticationPrincipal Actor actor, @PathVariable String job, @PathVariable String itemId) {
        return StuckView.of(stuck.retry(actor, job, itemId));
    }

    record StuckList(List<StuckView> items) {}

    /** An item as operators read it; {@code nextAttemptAt} is null while it waits for an operator. */
    record StuckView(
            String job,
            String itemId,
            int attempts,
            String lastError,
            Instant firstFailedAt,
            Instant lastFailedAt,
            Instant nextAttemptAt) {

        static StuckView of(StuckItem item) {
            return new StuckView(
                    item.job(),
                    item.itemId(),
                    item.attempts(),
                    item.lastError(),
                    item.firstFailedAt(),
                    item.lastFailedAt(),
                    item.nextAttemptAt().orElse(null));
        }
    }
}
