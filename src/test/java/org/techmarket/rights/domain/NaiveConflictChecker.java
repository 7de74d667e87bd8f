package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Rejection;

/**
 * The rules written as plainly as possible, rule by rule, with no regard for speed: the reference that
 * {@link ConflictChecker} must agree with. Effective scopes are materialised as new {@link GrantScope} values.
 */
final class NaiveConflictChecker {

    private static final Set<AssetStatus> DEAD =
            EnumSet.of(AssetStatus.EXPIRED, AssetStatus.LAPSED, AssetStatus.INVALIDATED);
    private static final Set<GrantType> LICENCES = EnumSet.of(
            GrantType.EXCLUSIVE_LICENCE,
            GrantType.SOLE_LICENCE,
            GrantType.NON_EXCLUSIVE_LICENCE,
            GrantType.OPEN_LICENCE);
    private static final Set<GrantType> EXCLUSIVE = EnumSet.of(GrantType.EXCLUSIVE_LICENCE, GrantType.SOLE_LICENCE);

    List<Conflict> checkGrant(AssetRights asset, List<Grant> grants, ProposedGrant p, LocalDate today) {
        Map<String, Grant> byId = grants.stream().collect(Collectors.toMap(Grant::id, Function.identity()));
        List<Conflict> out = new ArrayList<>();
        if (DEAD.contains(asset.status())) {
            out.add(Conflict.withAsset(ConflictReason.ASSET_NOT_IN_FORCE, ""));
        }
        Term term = p.term();
        if (term.start().isBefore(today)) {
            out.add(Conflict.withAsset(ConflictReason.TERM_IN_PAST, ""));
        }
        if (asset.protectionEnds().isPresent()
                && term.end().isAfter(asset.protectionEnds().get())) {
            out.add(Conflict.withAsset(ConflictReason.TERM_BEYOND_PROTECTION, ""));
        }
        Set<String> exempt = new HashSet<>();
        if (p.parentGrantId().isPresent()) {
            Grant parent = Optional.ofNullable(byId.get(p.parentGrantId().get()))
                    .orElseThrow(() -> Rejection.invalid("UNKNOWN_PARENT_GRANT", "parentGrantId", ""));
            if (!p.grantors().equals(Set.of(parent.grantee()))) {
                out.add(Conflict.withGrant(parent, ConflictReason.NOT_OWNER, ""));
            }
            if (!LICENCES.contains(parent.type()) || !parent.sublicensable() || parent.status() != GrantStatus.ACTIVE) {
                out.add(Conflict.withGrant(parent, ConflictReason.NOT_SUBLICENSABLE, ""));
            }
            if (!Scopes.contains(parent.scope(), p.scope())) {
                out.add(Conflict.withGrant(parent, ConflictReason.SUBLICENCE_OUTSIDE_SCOPE, ""));
            }
            for (Grant a = parent;
                    a != null;
                    a = a.parentGrantId().map(byId::get).orElse(null)) {
                if (EXCLUSIVE.contains(a.type())) {
                    exempt.add(a.id());
                }
            }
        } else if (!ownersMayGrant(asset, p.grantors())) {
            out.add(Conflict.withAsset(ConflictReason.NOT_OWNER, ""));
        }
        if (EXCLUSIVE.contains(p.type()) && asset.openLicenceDeclared()) {
            out.add(Conflict.withAsset(ConflictReason.OPEN_LICENCE_DECLARED, ""));
        }
        for (Grant g : grants) {
            Optional<GrantScope> held = effectiveScope(g);
            if (held.isEmpty()) {
                continue;
            }
            boolean needsConsent = LICENCES.contains(p.type()) || p.type() == GrantType.ASSIGNMENT;
            if (g.type() == GrantType.PLEDGE
                    && needsConsent
                    && !p.pledgeeConsent()
                    && Scopes.term(held.get()).overlaps(term)) {
                out.add(Conflict.withGrant(g, ConflictReason.PLEDGED, ""));
            }
            boolean bothLicences = LICENCES.contains(g.type()) && LICENCES.contains(p.type());
            if (bothLicences && Scopes.overlaps(held.get(), p.scope()) && !exempt.contains(g.id())) {
                if (EXCLUSIVE.contains(p.type())) {
                    out.add(Conflict.withGrant(g, ConflictReason.EXCLUSIVE_OVERLAP, ""));
                } else if (EXCLUSIVE.contains(g.type())) {
                    out.add(Conflict.withGrant(g, ConflictReason.OVERLAPS_EXCLUSIVE, ""));
                }
            }
        }
        return out;
    }

    List<Conflict> checkOpenLicenceDeclaration(
            AssetRights asset, List<Grant> grants, Set<String> declarers, LocalDate today) {
        List<Conflict> out = new ArrayList<>();
        if (DEAD.contains(asset.status())) {
            out.add(Conflict.withAsset(ConflictReason.ASSET_NOT_IN_FORCE, ""));
        }
        if (asset.status() == AssetStatus.PENDING) {
            out.add(Conflict.withAsset(ConflictReason.ASSET_NOT_GRANTED, ""));
        }
        if (!ownersMayGrant(asset, declarers)) {
            out.add(Conflict.withAsset(ConflictReason.NOT_OWNER, ""));
        }
        for (Grant g : grants) {
            boolean heldFromToday =
                    effectiveTerm(g).filter(t -> t.end().isAfter(today)).isPresent();
            if (heldFromToday && EXCLUSIVE.contains(g.type())) {
                out.add(Conflict.withGrant(g, ConflictReason.EXCLUSIVE_ACTIVE, ""));
            }
            if (heldFromToday && g.type() == GrantType.PLEDGE) {
                out.add(Conflict.withGrant(g, ConflictReason.PLEDGED, ""));
            }
        }
        return out;
    }

    static Optional<GrantScope> effectiveScope(Grant g) {
        return effectiveTerm(g)
                .map(t -> new GrantScope(g.scope().fields(), g.scope().territories(), t.start(), t.end()));
    }

    /** Worked out here from status and termination date, independently of {@link Grant#effectiveTerm()}. */
    static Optional<Term> effectiveTerm(Grant g) {
        Term term = Scopes.term(g.scope());
        if (g.status() == GrantStatus.ACTIVE) {
            return Optional.of(term);
        }
        if (g.status() != GrantStatus.TERMINATED) {
            return Optional.empty();
        }
        LocalDate cut = g.terminatedFrom().orElseThrow();
        LocalDate end = cut.isBefore(term.end()) ? cut : term.end();
        return term.start().isBefore(end) ? Optional.of(new Term(term.start(), end)) : Optional.empty();
    }

    private static boolean ownersMayGrant(AssetRights asset, Set<String> acting) {
        boolean allOwners = acting.stream().allMatch(asset.owners()::contains);
        boolean everyOwnerActs = asset.owners().stream().allMatch(acting::contains);
        boolean authorisedActs = asset.authorisedOwner().isPresent()
                && acting.contains(asset.authorisedOwner().get());
        return allOwners && (everyOwnerActs || authorisedActs);
    }
}
