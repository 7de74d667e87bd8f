package org.techmarket.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.notification.application.Inbox;
import org.techmarket.notification.persistence.Notifications.Seen;
import org.techmarket.shared.Actor;

/** The caller's inbox over HTTP: list it (unread first, then newest), mark one notice or all of them read. */
@RestController
class NotificationController {

    static final String NOTIFICATIONS = "/api/v1/notifications";

    /** One notice as the caller sees it. */
    record NotificationView(
            String id,
            String kind,
            Map<String, String> subject,
            String summary,
            boolean forYouAlone,
            Instant createdAt,
            boolean read,
            Optional<Instant> readAt) {

        static NotificationView of(Seen seen) {
            return new NotificationView(
                    seen.notice().id(),
                    seen.notice().kind(),
                    Map.of(
                            "type",
                            seen.notice().subjectType(),
                            "id",
                            seen.notice().subjectId()),
                    seen.notice().summary(),
                    seen.notice().userId().isPresent(),
                    seen.notice().createdAt(),
                    !seen.unread(),
                    seen.readAt());
        }
    }

    /** A page of the inbox. */
    record InboxView(List<NotificationView> items, long unread, Optional<String> nextCursor) {}

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(NOTIFICATIONS)
    InboxView list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        Inbox.Listing listing = inbox.list(actor, cursor, limit);
        return new InboxView(
                listing.page().items().stream().map(NotificationView::of).toList(),
                listing.unread(),
                listing.page().nextCursor());
    }

    @PostMapping(NOTIFICATIONS + "/{id}/read")
    NotificationView read(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return NotificationView.of(inbox.read(actor, id));
    }

    @PostMapping(NOTIFICATIONS + "/read")
    Map<String, Integer> readAll(@AuthenticationPrincipal Actor actor) {
        return Map.of("read", inbox.readAll(actor));
    }
}
