package org.techmarket.demand.domain;

import java.time.Instant;
import java.util.Objects;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * What an organization needs, as it posted it. It starts as a DRAFT the poster alone sees; publishing it before its
 * deadline shows it to its readers; it ends fulfilled, closed by the poster, or expired at the deadline. Every step
 * returns the changed need and moves only as {@link NeedStatus}'s table allows.
 */
public record Need(
        String id,
        NeedKind kind,
        String organizationId,
        NeedDetails details,
        NeedStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public Need {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(status, "status");
    }

    /** A new draft. */
    public static Need draft(String id, NeedKind kind, String organizationId, NeedDetails details, Instant now) {
        return new Need(id, kind, organizationId, details, NeedStatus.DRAFT, now, now);
    }

    /** Shows the need to its readers; refused once its deadline has come (400 DATE_IN_PAST). */
    public Need publish(Instant now) {
        if (!details.deadline().isAfter(now)) {
            throw Rejection.invalid(
                    SharedCodes.DATE_IN_PAST, "deadline", "the deadline " + details.deadline() + " has passed");
        }
        return moveTo(NeedStatus.PUBLISHED, now);
    }

    /** The need was met: a challenge's winner was selected, or the poster says a plain need is met. */
    public Need fulfil(Instant now) {
        return moveTo(NeedStatus.FULFILLED, now);
    }

    /** The poster withdraws the need. */
    public Need close(Instant now) {
        return moveTo(NeedStatus.CLOSED, now);
    }

    /** The deadline came while the need was still published. */
    public Need expire(Instant now) {
        if (now.isBefore(details.deadline())) {
            throw Rejection.conflict(SharedCodes.INVALID_STATUS_TRANSITION, "The need's deadline has not come");
        }
        return moveTo(NeedStatus.EXPIRED, now);
    }

    public boolean isChallenge() {
        return kind == NeedKind.CHALLENGE;
    }

    /** Whether proposals and selections are taken now: published and before the deadline. */
    public boolean isOpenAt(Instant now) {
        return status == NeedStatus.PUBLISHED && now.isBefore(details.deadline());
    }

    private Need moveTo(NeedStatus next, Instant now) {
        return new Need(id, kind, organizationId, details, status.transitionTo(next), createdAt, now);
    }
}
