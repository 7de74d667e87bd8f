package org.techmarket.rights.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * A grant as the registry keeps it: the algebra's snapshot plus the asset it is on, why it was terminated,
 * the open-licence declaration it was taken under and the amount then due, the deal or other cause that
 * recorded it (at most one grant per cause), when it was recorded, and its version for optimistic updates.
 */
public record RegisteredGrant(
        String assetId,
        Grant grant,
        Optional<String> terminationReason,
        Optional<String> openLicenceId,
        Optional<Money> amountDue,
        Optional<String> causeId,
        Instant createdAt,
        long version) {

    public RegisteredGrant {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(terminationReason, "terminationReason");
        Objects.requireNonNull(openLicenceId, "openLicenceId");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(causeId, "causeId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public String id() {
        return grant.id();
    }

    /** The entry as it stands on {@code today}: EXPIRED once its term has run out, even before that is recorded. */
    public RegisteredGrant asOf(LocalDate today) {
        Grant current = grant.asOf(today);
        return current == grant
                ? this
                : new RegisteredGrant(
                        assetId, current, terminationReason, openLicenceId, amountDue, causeId, createdAt, version);
    }

    /** The registry entry once its pledgee has released it; refused for anything but a pledge. */
    public RegisteredGrant release() {
        return new RegisteredGrant(
                assetId, grant.release(), terminationReason, openLicenceId, amountDue, causeId, createdAt, version + 1);
    }

    /** The registry entry once its expiry is recorded. */
    public RegisteredGrant expire() {
        return new RegisteredGrant(
                assetId, grant.expire(), terminationReason, openLicenceId, amountDue, causeId, createdAt, version + 1);
    }

    /**
     * The registry entry cut short so that it holds nothing from {@code day} on, for {@code reason}; empty when it
     * already holds nothing from then (see {@link Grant#endNoLaterThan}).
     */
    public Optional<RegisteredGrant> endNoLaterThan(LocalDate day, String reason) {
        return grant.endNoLaterThan(day)
                .map(ended -> new RegisteredGrant(
                        assetId,
                        ended,
                        Optional.of(reason),
                        openLicenceId,
                        amountDue,
                        causeId,
                        createdAt,
                        version + 1));
    }

    /** The registry entry after an early termination from {@code effectiveOn} for {@code reason}. */
    public RegisteredGrant terminate(LocalDate effectiveOn, String reason) {
        return new RegisteredGrant(
                assetId,
                grant.terminate(effectiveOn),
                Optional.of(reason),
                openLicenceId,
                amountDue,
                causeId,
                createdAt,
                version + 1);
    }
}
