package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.techmarket.rights.GrantScope;

/**
 * Decides whether a grant, or an open-licence declaration, may be made on an asset, listing every reason
 * it may not. Stateless; it changes nothing.
 *
 * <p>A grant is <em>in force</em> over its effective term: ACTIVE over its whole term, TERMINATED over
 * {@code [start, terminatedFrom)}, EXPIRED or RELEASED never. "Overlaps" below means overlaps in force, so a
 * grant whose effective term ends before the new term starts is no obstacle. The rules:
 * <ol>
 * <li>An EXCLUSIVE or SOLE licence conflicts with every licence in force (of any kind) whose scope overlaps
 *     it: {@link ConflictReason#EXCLUSIVE_OVERLAP}.</li>
 * <li>A NON_EXCLUSIVE or OPEN licence conflicts with every EXCLUSIVE or SOLE licence in force that overlaps
 *     it: {@link ConflictReason#OVERLAPS_EXCLUSIVE}.</li>
 * <li>An ASSIGNMENT moves ownership and existing licences survive it, so it conflicts with nothing but a
 *     PLEDGE in force during its term, unless the pledgee's consent is recorded on the request:
 *     {@link ConflictReason#PLEDGED}.</li>
 * <li>Any licence likewise conflicts with a PLEDGE in force during its term unless the pledgee consented:
 *     {@link ConflictReason#PLEDGED}. A pledge encumbers the whole asset, so its fields and territories do
 *     not narrow this.</li>
 * <li>Only the owners may grant (all co-owners acting, or one holding the authority the others recorded):
 *     {@link ConflictReason#NOT_OWNER}. A licensee may sublicense only as the holder of the parent licence
 *     (else NOT_OWNER), only when that parent is an ACTIVE licence granted sublicensable
 *     ({@link ConflictReason#NOT_SUBLICENSABLE}) and only inside its scope
 *     ({@link ConflictReason#SUBLICENCE_OUTSIDE_SCOPE}). A sublicence does not conflict under rules 1 and 2
 *     with the exclusive or sole licences it descends from.</li>
 * <li>Nothing can be granted on an asset that is EXPIRED, LAPSED or INVALIDATED:
 *     {@link ConflictReason#ASSET_NOT_IN_FORCE}.</li>
 * <li>An open licence cannot be declared while an EXCLUSIVE or SOLE licence is in force today or later
 *     ({@link ConflictReason#EXCLUSIVE_ACTIVE}) or while a pledge is ({@link ConflictReason#PLEDGED}); see
 *     {@link #checkOpenLicenceDeclaration}. Conversely no EXCLUSIVE or SOLE licence can be granted while a
 *     declaration stands ({@link ConflictReason#OPEN_LICENCE_DECLARED}), or the declaration's promise
 *     to every taker would be broken.</li>
 * </ol>
 * The term must also not start before today nor run past the asset's protection
 * ({@link ConflictReason#TERM_IN_PAST}, {@link ConflictReason#TERM_BEYOND_PROTECTION}); see
 * {@link Term#checkTiming}. Malformed requests never get here: building a {@link ProposedGrant} or
 * parsing their scope ({@link Scopes#parse}) from them throws a {@code Rejection}.
 *
 * <p>Performance: one pass over the grants, with the cheap type and term tests before the scope test and
 * no allocation per grant (only the result lists, and a message per conflict found). No index is kept: the
 * grants are read fresh for each check (no in-memory state shared across nodes), and building an index
 * costs the same pass it would save. The lever is in the query instead: the caller need not pass every
 * grant, only those in force at some time during the proposed term plus the proposal's parent and all its
 * ancestors, and gets the same answer (a property test holds it to that).
 */
public final class ConflictChecker {

    /**
     * Checks rules 1 to 7 and the term's timing for {@code proposal} against the asset and its grants, as of
     * {@code today}. {@code grants} holds every grant on the asset, or at least those in force during the
     * proposed term together with the proposal's parent chain.
     *
     * @throws org.techmarket.shared.Rejection {@code UNKNOWN_PARENT_GRANT} when a sublicence names a parent
     *         that is not among {@code grants}
     */
    public CheckResult checkGrant(AssetRights asset, List<Grant> grants, ProposedGrant proposal, LocalDate today) {
        List<Conflict> conflicts = new ArrayList<>();
        if (!asset.status().isInForce()) {
            conflicts.add(assetNotInForce(asset));
        }
        conflicts.addAll(proposal.term().checkTiming(today, asset.protectionEnds()));
        conflicts.addAll(Entitlement.check(asset, grants, proposal));
        if (proposal.type().isExclusiveKind() && asset.openLicenceDeclared()) {
            conflicts.add(Conflict.withAsset(
                    ConflictReason.OPEN_LICENCE_DECLARED,
                    "an open licence is declared on this asset, so no exclusive or sole licence can be granted"));
        }
        findClashingGrants(grants, proposal, Entitlement.exclusiveAncestors(grants, proposal), conflicts);
        return CheckResult.of(conflicts);
    }

    /**
     * Checks rule 7 (and rules 5 and 6 as they apply) for {@code declarers} declaring an open licence on the
     * asset as of {@code today}; {@code grants} must hold at least those in force on or after today.
     * Replacing a declaration that already stands is checked the same way.
     */
    public CheckResult checkOpenLicenceDeclaration(
            AssetRights asset, List<Grant> grants, Set<String> declarers, LocalDate today) {
        List<Conflict> conflicts = new ArrayList<>();
        if (!asset.status().isInForce()) {
            conflicts.add(assetNotInForce(asset));
        } else if (asset.status() != AssetStatus.GRANTED) {
            conflicts.add(Conflict.withAsset(
                    ConflictReason.ASSET_NOT_GRANTED,
                    "an open licence can be declared only on a granted patent; this one is " + asset.status()));
        }
        if (!asset.mayGrant(declarers)) {
            conflicts.add(Conflict.withAsset(
                    ConflictReason.NOT_OWNER,
                    "only the owners " + asset.owners() + " may declare an open licence; " + declarers + " acted"));
        }
        for (Grant grant : grants) {
            if ((grant.type().isExclusiveKind() || grant.type() == GrantType.PLEDGE) && grant.holdsOnOrAfter(today)) {
                conflicts.add(
                        grant.type() == GrantType.PLEDGE
                                ? Conflict.withGrant(
                                        grant, ConflictReason.PLEDGED, "the asset is pledged under " + grant.id())
                                : Conflict.withGrant(
                                        grant,
                                        ConflictReason.EXCLUSIVE_ACTIVE,
                                        grant.type() + " " + grant.id() + " is in force until "
                                                + grant.effectiveEnd()));
            }
        }
        return CheckResult.of(conflicts);
    }

    /**
     * The kinds of grant on the asset that rules 1 to 4 weigh against a proposal of {@code proposed}: every licence and
     * pledge for an exclusive or sole licence, exclusive and sole licences and pledges for a non-exclusive or open one,
     * pledges for an assignment, none for a pledge. A check given only these and the proposal's parent chain gives the
     * same answer (a property test holds it to that), so a caller reads no more; a licence sold to many at once then
     * does not read every non-exclusive licence sold before it.
     */
    public static Set<GrantType> kindsThatCanClash(GrantType proposed) {
        if (proposed.isExclusiveKind()) {
            return EnumSet.of(
                    GrantType.EXCLUSIVE_LICENCE,
                    GrantType.SOLE_LICENCE,
                    GrantType.NON_EXCLUSIVE_LICENCE,
                    GrantType.OPEN_LICENCE,
                    GrantType.PLEDGE);
        }
        if (proposed.isLicence()) {
            return EnumSet.of(GrantType.EXCLUSIVE_LICENCE, GrantType.SOLE_LICENCE, GrantType.PLEDGE);
        }
        return proposed == GrantType.ASSIGNMENT ? EnumSet.of(GrantType.PLEDGE) : EnumSet.noneOf(GrantType.class);
    }

    /** Rules 1 to 4: the single pass over every grant on the asset. */
    private static void findClashingGrants(
            List<Grant> grants, ProposedGrant proposal, Set<String> exempt, List<Conflict> conflicts) {
        GrantType type = proposal.type();
        boolean licence = type.isLicence();
        boolean exclusive = type.isExclusiveKind();
        boolean pledgesBlock = (licence || type == GrantType.ASSIGNMENT) && !proposal.pledgeeConsent();
        if (!licence && !pledgesBlock) {
            return;
        }
        GrantScope scope = proposal.scope();
        Term term = proposal.term();
        for (Grant grant : grants) {
            GrantType existing = grant.type();
            if (existing == GrantType.PLEDGE) {
                if (pledgesBlock && grant.holdsDuring(term)) {
                    conflicts.add(Conflict.withGrant(
                            grant,
                            ConflictReason.PLEDGED,
                            "pledge " + grant.id() + " is in force during the term and its pledgee has not consented"));
                }
            } else if (licence
                    && existing.isLicence()
                    && (exclusive || existing.isExclusiveKind())
                    && grant.holdsWithin(scope)
                    && !exempt.contains(grant.id())) {
                conflicts.add(
                        exclusive
                                ? Conflict.withGrant(
                                        grant,
                                        ConflictReason.EXCLUSIVE_OVERLAP,
                                        existing + " " + grant.id() + " is in force over an overlapping scope")
                                : Conflict.withGrant(
                                        grant,
                                        ConflictReason.OVERLAPS_EXCLUSIVE,
                                        existing + " " + grant.id() + " holds an overlapping scope exclusively"));
            }
        }
    }

    private static Conflict assetNotInForce(AssetRights asset) {
        return Conflict.withAsset(
                ConflictReason.ASSET_NOT_IN_FORCE, "the asset is " + asset.status() + "; nothing can be granted on it");
    }
}
