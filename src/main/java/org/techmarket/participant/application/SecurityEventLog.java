package org.techmarket.participant.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.participant.domain.SecurityEvent;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.persistence.SecurityEvents;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Records security events (successful, failed and throttled log-ins, locks, refusals, token revocations) and lets
 * operators and regulators read them. An event joins the caller's transaction when there is one.
 */
@Service
public class SecurityEventLog {

    private final SecurityEvents events;
    private final Clock clock;

    SecurityEventLog(SecurityEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Where a request came from: the client's address and the path it called. */
    public record Origin(String clientAddress, String path) {}

    /** A page of events and the sequence to ask for the next page after, if there is one. */
    public record EventPage(List<SecurityEvent> items, Optional<Long> nextAfter) {}

    @Transactional
    public void record(SecurityEventType type, Optional<User> account, Origin origin) {
        events.add(
                clock.instant(),
                type,
                account.map(User::username),
                account.map(User::id),
                origin.clientAddress(),
                origin.path());
    }

    @Transactional
    public void record(SecurityEventType type, Actor actor, Origin origin) {
        events.add(
                clock.instant(),
                type,
                Optional.of(actor.username()),
                Optional.of(actor.userId()),
                origin.clientAddress(),
                origin.path());
    }

    /** Events after a sequence, oldest first, of one type or of all: for operators and regulators. */
    @Transactional(readOnly = true)
    public EventPage read(Actor actor, Optional<SecurityEventType> type, long after, Integer limit) {
        actor.requireMarketReader();
        if (after < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "after", "after must not be negative");
        }
        int size = Cursor.limit(limit);
        List<SecurityEvent> found = events.page(type, after, size + 1);
        List<SecurityEvent> page = found.stream().limit(size).toList();
        return new EventPage(
                page, found.size() > size ? Optional.of(page.get(size - 1).sequence()) : Optional.empty());
    }
}
