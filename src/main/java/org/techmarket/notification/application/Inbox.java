package org.techmarket.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.notification.NotificationCodes;
import org.techmarket.notification.persistence.Notifications;
import org.techmarket.notification.persistence.Notifications.After;
import org.techmarket.notification.persistence.Notifications.Seen;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A user's inbox: the notices filed for their organization and those for them alone, unread first and then newest,
 * each read or not by this user. Someone without an organization (an operator, a regulator) has an empty inbox.
 */
@Service
public class Inbox {

    /** A page of the inbox and how many of the user's notices are unread in all. */
    public record Listing(Page<Seen> page, long unread) {}

    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    Inbox(Notifications notifications, AuditLog audit, Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Listing list(Actor actor, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Optional<After> after = Cursor.decode(cursor).map(Inbox::after);
        if (actor.organizationId().isEmpty()) {
            return new Listing(new Page<>(List.of(), Optional.empty()), 0);
        }
        String org = actor.organizationId().get();
        Notifications.InboxPage inbox = notifications.inbox(org, actor.userId(), after, size + 1);
        return new Listing(Page.of(inbox.rows(), size, Inbox::key), inbox.unread());
    }

    /** As {@link #list(Actor, String, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Listing> list(Actor actor, String cursor, Integer limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        Optional<After> after = Cursor.decode(cursor).map(Inbox::after);
        if (actor.organizationId().isEmpty()) {
            return ReadsTogether.Later.of(new Listing(new Page<>(List.of(), Optional.empty()), 0));
        }
        return notifications
                .inbox(actor.organizationId().get(), actor.userId(), after, size + 1, batch)
                .map(inbox -> new Listing(Page.of(inbox.rows(), size, Inbox::key), inbox.unread()));
    }

    /**
     * The subjects ({@code type:id}) of the caller's unread notices of {@code kind}, all of them and nothing else of
     * the notices; none for someone without an organization. Read with the other queries of {@code batch}.
     */
    public ReadsTogether.Later<Set<String>> unreadSubjects(Actor actor, String kind, ReadsTogether.Batch batch) {
        return actor.organizationId()
                .map(org -> notifications.unreadSubjects(org, actor.userId(), kind, batch))
                .orElseGet(() -> ReadsTogether.Later.of(Set.of()));
    }

    /** Marks one notice read by the caller; reading it again changes nothing. */
    @Transactional
    public Seen read(Actor actor, String id) {
        Seen seen = find(actor, id);
        if (seen.unread()) {
            Instant at = now();
            notifications.markRead(id, actor.userId(), at);
            audit.record(
                    actor.auditName(), NotificationEvents.NotificationsRead, "notification:" + id, Map.of("count", 1));
            return new Seen(seen.notice(), Optional.of(at));
        }
        return seen;
    }

    /** Marks everything in the caller's inbox read; returns how many notices that was. */
    @Transactional
    public int readAll(Actor actor) {
        String org = actor.requireOrganization();
        int count = notifications.markAllRead(org, actor.userId(), now());
        if (count > 0) {
            audit.record(
                    actor.auditName(),
                    NotificationEvents.NotificationsRead,
                    "organization:" + org,
                    Map.of("count", count));
        }
        return count;
    }

    private Seen find(Actor actor, String id) {
        return actor.organizationId()
                .flatMap(org -> notifications.find(id, org, actor.userId()))
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        NotificationCodes.NOTIFICATION_NOT_FOUND,
                        "No notification " + id + " is in your inbox"));
    }

    private static String key(Seen seen) {
        return (seen.unread() ? "1" : "0") + "|" + seen.notice().createdAt() + "|"
                + seen.notice().id();
    }

    private static After after(String key) {
        String[] parts = key.split("\\|", 3);
        try {
            if (parts.length == 3 && (parts[0].equals("0") || parts[0].equals("1"))) {
                return new After(parts[0].equals("1"), Instant.parse(parts[1]), parts[2]);
            }
        } catch (DateTimeParseException e) {
            // answered below as any other cursor this server did not issue
        }
        throw Rejection.invalid(SharedCodes.INVALID_CURSOR, "cursor", "The cursor is not one this server issued");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
