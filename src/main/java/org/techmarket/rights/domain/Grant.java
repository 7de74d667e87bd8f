package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * A snapshot of one grant over an asset: who granted what to whom over which scope, and where it stands.
 * Changes return a new snapshot and go through {@link GrantStatus#transitionTo}; only a pledge can be
 * released. An early termination frees the scope from its effective date: the grant then holds only over
 * {@code [start, terminatedFrom)}, its effective term, which is what the conflict rules look at.
 */
public record Grant(
        String id,
        GrantType type,
        Set<String> grantors,
        String grantee,
        GrantScope scope,
        boolean sublicensable,
        GrantStatus status,
        boolean pledgeeConsent,
        Optional<LocalDate> terminatedFrom,
        Optional<String> parentGrantId) {

    /** Enforces the snapshot's invariants; a violation means corrupt data or a bug, not bad user input. */
    public Grant {
        requireText(id, "id");
        Objects.requireNonNull(type, "type");
        grantors = Set.copyOf(Objects.requireNonNull(grantors, "grantors"));
        requireText(grantee, "grantee");
        Objects.requireNonNull(scope, "scope");
        if (scope.start() == null || scope.end() == null) {
            throw new IllegalArgumentException("grant " + id + ": its term needs a start and an end");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(terminatedFrom, "terminatedFrom");
        Objects.requireNonNull(parentGrantId, "parentGrantId");
        if (grantors.isEmpty()) {
            throw new IllegalArgumentException("grant " + id + " has no grantor");
        }
        if ((status == GrantStatus.TERMINATED) != terminatedFrom.isPresent()) {
            throw new IllegalArgumentException(
                    "grant " + id + ": a termination date goes with TERMINATED and only with it");
        }
        if (status == GrantStatus.RELEASED && type != GrantType.PLEDGE) {
            throw new IllegalArgumentException("grant " + id + ": only a pledge can be RELEASED");
        }
        if (parentGrantId.isPresent() && !type.isLicence()) {
            throw new IllegalArgumentException("grant " + id + ": only a licence can be a sublicence");
        }
    }

    /** Whether this licence was carved out of another licence rather than granted by the owners. */
    public boolean isSublicence() {
        return parentGrantId.isPresent();
    }

    /** The days over which this grant holds rights, if any: the whole term, cut short by an early termination. */
    public Optional<Term> effectiveTerm() {
        return isInForce() ? Optional.of(new Term(scope.start(), effectiveEnd())) : Optional.empty();
    }

    /** Whether this grant holds rights on some day: ACTIVE, or TERMINATED with effect after its start. */
    public boolean isInForce() {
        return scope.start().isBefore(effectiveEnd());
    }

    /** Whether this grant still holds rights on {@code day} or later. */
    public boolean holdsOnOrAfter(LocalDate day) {
        return isInForce() && effectiveEnd().isAfter(day);
    }

    /** Ends the grant early; it keeps its rights up to, not including, {@code effectiveOn}. */
    public Grant terminate(LocalDate effectiveOn) {
        GrantStatus next = status.transitionTo(GrantStatus.TERMINATED);
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        if (!effectiveOn.isBefore(scope.end())) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_TERMINATION_DATE,
                    "effectiveOn",
                    "grant " + id + " ends on its own on " + scope.end() + "; terminate it before that");
        }
        return with(next, Optional.of(effectiveOn));
    }

    /** Records that the grant's term, or the asset's protection, has run out. */
    public Grant expire() {
        return with(status.transitionTo(GrantStatus.EXPIRED), Optional.empty());
    }

    /** Whether this grant is ACTIVE and its term has run out by {@code today} (its end is exclusive). */
    public boolean isDueToExpire(LocalDate today) {
        return status == GrantStatus.ACTIVE && !today.isBefore(scope.end());
    }

    /**
     * The grant as it stands on {@code today}: EXPIRED once its term has run out, whether or not that has been
     * recorded yet; otherwise unchanged.
     */
    public Grant asOf(LocalDate today) {
        return isDueToExpire(today) ? expire() : this;
    }

    /**
     * The grant cut short so that it holds nothing from {@code day} on, as when the licence it was carved from
     * ends: an ACTIVE grant is terminated from {@code day}, a grant already terminated from a later day is
     * terminated from {@code day} instead (an earlier date, not a change of status). Empty when the grant
     * already holds nothing from {@code day} on.
     */
    public Optional<Grant> endNoLaterThan(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (!holdsOnOrAfter(day)) {
            return Optional.empty();
        }
        return status == GrantStatus.TERMINATED
                ? Optional.of(with(GrantStatus.TERMINATED, Optional.of(day)))
                : Optional.of(terminate(day));
    }

    /** The pledgee gives up its security; only a pledge can be released. */
    public Grant release() {
        if (type != GrantType.PLEDGE) {
            throw Rejection.conflict(
                    RightsCodes.NOT_A_PLEDGE, "grant " + id + " is a " + type + "; only a pledge can be released");
        }
        return with(status.transitionTo(GrantStatus.RELEASED), Optional.empty());
    }

    /** Whether this grant holds rights on a day of {@code term}. */
    boolean holdsDuring(Term term) {
        return Term.overlaps(scope.start(), effectiveEnd(), term.start(), term.end());
    }

    /** Whether this grant holds rights somewhere inside {@code other}: the hot path of every conflict check. */
    boolean holdsWithin(GrantScope other) {
        return Term.overlaps(scope.start(), effectiveEnd(), other.start(), other.end())
                && Scopes.sharesFieldAndTerritory(scope, other);
    }

    /** The exclusive end of the effective term; equal to the start (an empty term) once nothing is held. */
    LocalDate effectiveEnd() {
        LocalDate end = scope.end();
        switch (status) {
            case ACTIVE:
                return end;
            case TERMINATED:
                LocalDate cut = terminatedFrom.get();
                return cut.isBefore(end) ? cut : end;
            default:
                return scope.start();
        }
    }

    private Grant with(GrantStatus newStatus, Optional<LocalDate> newTerminatedFrom) {
        return new Grant(
                id,
                type,
                grantors,
                grantee,
                scope,
                sublicensable,
                newStatus,
                pledgeeConsent,
                newTerminatedFrom,
                parentGrantId);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
