package org.techmarket.rights.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/** Rule 5, who may grant: the owners over the asset, a sublicensing licensee inside its own licence. */
final class Entitlement {

    private Entitlement() {}

    /** The conflicts that stop {@code proposal}'s grantors from making it; empty when they are entitled. */
    static List<Conflict> check(AssetRights asset, List<Grant> grants, ProposedGrant proposal) {
        if (proposal.parentGrantId().isEmpty()) {
            return asset.mayGrant(proposal.grantors())
                    ? List.of()
                    : List.of(Conflict.withAsset(
                            ConflictReason.NOT_OWNER,
                            "only the owners " + asset.owners()
                                    + " together, or one of them holding their authority, may grant; "
                                    + proposal.grantors() + " acted"));
        }
        return checkSublicence(parentOf(grants, proposal), proposal);
    }

    /**
     * The exclusive or sole licences a sublicence descends from. A sublicence is carved out of such a
     * licence, not granted against it, so the exclusivity rules do not count them as conflicts; a
     * non-exclusive ancestor is not exempt, so nobody can sublicense more exclusivity than it holds.
     */
    static Set<String> exclusiveAncestors(List<Grant> grants, ProposedGrant proposal) {
        if (proposal.parentGrantId().isEmpty()) {
            return Set.of();
        }
        Set<String> ancestors = new HashSet<>();
        Optional<Grant> next = find(grants, proposal.parentGrantId().get());
        // The depth bound guards against a corrupt cycle of parent ids.
        for (int depth = 0; next.isPresent() && depth <= grants.size(); depth++) {
            Grant ancestor = next.get();
            if (ancestor.type().isExclusiveKind()) {
                ancestors.add(ancestor.id());
            }
            next = ancestor.parentGrantId().flatMap(id -> find(grants, id));
        }
        return ancestors;
    }

    private static List<Conflict> checkSublicence(Grant parent, ProposedGrant proposal) {
        List<Conflict> conflicts = new ArrayList<>(3);
        if (!proposal.grantors().equals(Set.of(parent.grantee()))) {
            conflicts.add(Conflict.withGrant(
                    parent,
                    ConflictReason.NOT_OWNER,
                    "only " + parent.grantee() + ", the holder of licence " + parent.id() + ", may sublicense it; "
                            + proposal.grantors() + " acted"));
        }
        if (!parent.type().isLicence() || !parent.sublicensable() || parent.status() != GrantStatus.ACTIVE) {
            conflicts.add(Conflict.withGrant(
                    parent,
                    ConflictReason.NOT_SUBLICENSABLE,
                    "grant " + parent.id() + " is a " + parent.status() + " " + parent.type()
                            + (parent.sublicensable() ? "" : " without the right to sublicense")));
        }
        if (!Scopes.contains(parent.scope(), proposal.scope())) {
            conflicts.add(Conflict.withGrant(
                    parent,
                    ConflictReason.SUBLICENCE_OUTSIDE_SCOPE,
                    "the sublicence reaches outside the fields, territories or term of licence " + parent.id()));
        }
        return conflicts;
    }

    private static Grant parentOf(List<Grant> grants, ProposedGrant proposal) {
        String parentId = proposal.parentGrantId().orElseThrow();
        return find(grants, parentId)
                .orElseThrow(() -> Rejection.invalid(
                        RightsCodes.UNKNOWN_PARENT_GRANT,
                        "parentGrantId",
                        "grant " + parentId + " is not a grant on this asset"));
    }

    private static Optional<Grant> find(List<Grant> grants, String id) {
        for (Grant grant : grants) {
            if (grant.id().equals(id)) {
                return Optional.of(grant);
            }
        }
        return Optional.empty();
    }
}
