package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.GrantScope;

/**
 * The terms an owner offers to every taker of an open licence: the royalty, how long each licence runs, and
 * optionally which fields and territories it covers (all fields world-wide otherwise). Every taker gets a
 * licence from the day it takes it, cut short where the asset's protection ends.
 */
public record OpenLicenceTerms(Royalty royalty, LicencePeriod period, Optional<Restriction> restriction) {

    /** The fields of use and territories a declaration limits its licences to. */
    public record Restriction(Set<FieldOfUse> fields, Set<Territory> territories) {

        /** Rejects an empty list of fields or territories with {@code INVALID_SCOPE}. */
        public Restriction {
            Scopes.requireFieldsAndTerritories(fields, territories);
            fields = Set.copyOf(fields);
            territories = Set.copyOf(territories);
        }
    }

    public OpenLicenceTerms {
        Objects.requireNonNull(royalty, "royalty");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(restriction, "restriction");
    }

    /**
     * The scope of a licence taken on {@code start}: the declared fields and territories over one licence
     * period, ending early on {@code protectionEnds} (the first unprotected day) when that comes first and
     * is after the start. When protection has already ended the full period is kept, so that the checker
     * reports why nothing can be taken rather than this method failing.
     */
    public GrantScope scopeFrom(LocalDate start, Optional<LocalDate> protectionEnds) {
        LocalDate end = period.endFrom(start);
        LocalDate cut = protectionEnds
                .filter(limit -> limit.isAfter(start) && limit.isBefore(end))
                .orElse(end);
        Set<FieldOfUse> fields = restriction.map(Restriction::fields).orElse(Set.of(FieldOfUse.ALL));
        Set<Territory> territories = restriction.map(Restriction::territories).orElse(Set.of(Territory.WORLD));
        return Scopes.of(fields, territories, new Term(start, cut));
    }
}
