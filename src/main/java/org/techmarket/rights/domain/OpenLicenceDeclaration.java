package org.techmarket.rights.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * An owner's public offer of a patent to all comers on fixed terms. It stands (ACTIVE) until withdrawn or
 * replaced by a new declaration; withdrawing stops new takers, and licences already taken survive. The
 * asset's industries are kept as they were when it was declared, for the catalogue's filter.
 */
public record OpenLicenceDeclaration(
        String id,
        String assetId,
        String declaredBy,
        OpenLicenceTerms terms,
        List<String> industries,
        Status status,
        Instant declaredAt,
        Optional<Instant> withdrawnAt) {

    /** Whether the offer stands. */
    public enum Status {
        ACTIVE,
        WITHDRAWN
    }

    public OpenLicenceDeclaration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(terms, "terms");
        industries = List.copyOf(industries);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(declaredAt, "declaredAt");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        if ((status == Status.WITHDRAWN) != withdrawnAt.isPresent()) {
            throw new IllegalArgumentException("declaration " + id + ": a withdrawal time goes with WITHDRAWN only");
        }
    }

    /** A new declaration that stands from {@code at}. */
    public static OpenLicenceDeclaration declare(
            String id, String assetId, String declaredBy, OpenLicenceTerms terms, List<String> industries, Instant at) {
        return new OpenLicenceDeclaration(
                id, assetId, declaredBy, terms, industries, Status.ACTIVE, at, Optional.empty());
    }

    /** The declaration withdrawn at {@code at}; only a standing declaration can be withdrawn. */
    public OpenLicenceDeclaration withdraw(Instant at) {
        if (status != Status.ACTIVE) {
            throw Rejection.conflict(
                    RightsCodes.OPEN_LICENCE_WITHDRAWN, "open licence " + id + " is already withdrawn");
        }
        return new OpenLicenceDeclaration(
                id, assetId, declaredBy, terms, industries, Status.WITHDRAWN, declaredAt, Optional.of(at));
    }
}
