package org.techmarket.rights.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.ConflictChecker;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.ProposedGrant;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.persistence.AssetLocks;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * An asset's rights as they stand: who owns it now, and whether a grant or a declaration would conflict.
 * Reads only the grants a check needs (ADR 0004); callers that go on to change anything hold the asset's
 * lock first, so that what was checked is still true when it is stored.
 */
@Component
class RightsBook {

    private final Assets assets;
    private final Grants grants;
    private final OpenLicences openLicences;
    private final AssetLocks locks;
    private final ConflictChecker checker = new ConflictChecker();

    RightsBook(Assets assets, Grants grants, OpenLicences openLicences, AssetLocks locks) {
        this.assets = assets;
        this.grants = grants;
        this.openLicences = openLicences;
        this.locks = locks;
    }

    AssetSummary requireAsset(String assetId) {
        return assets.find(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
    }

    /**
     * Takes the asset's rights lock and reads the asset again under it, so that its owners are those the last
     * assignment left (an assignment changes them under the same lock).
     */
    AssetSummary lockAsset(String assetId) {
        locks.lock(assetId);
        return requireAsset(assetId);
    }

    /** Takes the asset's rights lock alone, for a caller that reads the asset under it by {@link #tradeable}. */
    void lock(String assetId) {
        locks.lock(assetId);
    }

    /**
     * Takes the asset's rights lock as a grant of {@code kind} needs it: shared for a non-exclusive licence, which
     * conflicts with no other (with its cause's lock, so a cause still records once), alone for every other kind,
     * whose check weighs the licences being recorded beside it or which changes what their checks read.
     */
    void lockFor(String assetId, GrantKind kind, Optional<String> causeId) {
        if (kind == GrantKind.NON_EXCLUSIVE_LICENCE) {
            locks.share(assetId, causeId);
        } else {
            locks.lock(assetId);
        }
    }

    /** As {@link #lockAsset(String)}, with the lock a grant of {@code kind} needs ({@link #lockFor}). */
    AssetSummary lockAsset(String assetId, GrantKind kind) {
        lockFor(assetId, kind, Optional.empty());
        return requireAsset(assetId);
    }

    /**
     * The asset as it stands, if it may be licensed or assigned now (see {@link #requireTradeable}), read once under
     * the asset registry's share lock; with the rights lock held, its owners are those the last assignment left.
     */
    AssetSummary tradeable(String assetId) {
        return assets.tradeable(assetId);
    }

    /**
     * Refuses, for a change that licenses or assigns the asset, an asset whose co-owners have not all confirmed its
     * registration or whose ownership is contested; the asset registry decides.
     */
    void requireTradeable(String assetId) {
        assets.requireTradeable(assetId);
    }

    /** The owners now, as the asset registry names them: it records every assignment this registry makes. */
    Set<String> owners(AssetSummary asset) {
        return Set.copyOf(asset.ownerShares().keySet());
    }

    /**
     * Has the asset registry record {@code assignment}'s assignee as owner of its assignors' shares, in the caller's
     * transaction. This module calls the asset module rather than the other way round, which would be a cycle.
     */
    void recordOwnership(String actor, RegisteredGrant assignment) {
        assets.recordAssignment(
                actor,
                assignment.assetId(),
                assignment.grant().grantors(),
                assignment.grant().grantee(),
                assignment.id());
    }

    CheckResult checkGrant(AssetSummary asset, Set<String> owners, ProposedGrant proposal, LocalDate today) {
        return checkGrant(asset, owners, standingDeclaration(asset.id()), proposal, today);
    }

    /** The asset's standing open-licence declaration; under the asset's lock it stays as read until the commit. */
    Optional<OpenLicenceDeclaration> standingDeclaration(String assetId) {
        return openLicences.standing(assetId);
    }

    /** As {@link #checkGrant(AssetSummary, Set, ProposedGrant, LocalDate)}, with the standing declaration read. */
    CheckResult checkGrant(
            AssetSummary asset,
            Set<String> owners,
            Optional<OpenLicenceDeclaration> standing,
            ProposedGrant proposal,
            LocalDate today) {
        return checkGrant(asset, owners, standing, relevantTo(asset.id(), proposal, today), proposal, today);
    }

    /**
     * The grants a check of {@code proposal} weighs: those of a kind that can clash with it overlapping its term, and
     * its parent's chain, as of today.
     */
    List<Grant> relevantTo(String assetId, ProposedGrant proposal, LocalDate today) {
        return grants
                .relevantTo(
                        assetId,
                        proposal.term(),
                        proposal.parentGrantId(),
                        ConflictChecker.kindsThatCanClash(proposal.type()))
                .stream()
                .map(entry -> entry.grant().asOf(today))
                .toList();
    }

    /** As {@link #relevantTo}, of every kind: what checks of proposals of several kinds over one term share. */
    List<Grant> relevantToAnyKind(String assetId, ProposedGrant proposal, LocalDate today) {
        return asOf(grants.relevantTo(assetId, proposal.term(), proposal.parentGrantId()), today);
    }

    /** As {@link #relevantToAnyKind(String, ProposedGrant, LocalDate)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<List<Grant>> relevantToAnyKind(
            String assetId, ProposedGrant proposal, LocalDate today, ReadsTogether.Batch batch) {
        return grants.relevantTo(assetId, proposal.term(), proposal.parentGrantId(), batch)
                .map(entries -> asOf(entries, today));
    }

    private static List<Grant> asOf(List<RegisteredGrant> entries, LocalDate today) {
        return entries.stream().map(entry -> entry.grant().asOf(today)).toList();
    }

    /** As above, against grants already read by {@link #relevantTo} for a proposal of the same term and parent. */
    CheckResult checkGrant(
            AssetSummary asset,
            Set<String> owners,
            Optional<OpenLicenceDeclaration> standing,
            List<Grant> relevant,
            ProposedGrant proposal,
            LocalDate today) {
        return checker.checkGrant(AssetFacts.rightsOf(asset, owners, standing.isPresent()), relevant, proposal, today);
    }

    CheckResult checkDeclaration(
            AssetSummary asset, Set<String> owners, Set<String> declarers, LocalDate today, boolean declared) {
        List<Grant> inForce = grants.inForceOnOrAfter(asset.id(), today).stream()
                .map(entry -> entry.grant().asOf(today))
                .toList();
        return checker.checkOpenLicenceDeclaration(
                AssetFacts.rightsOf(asset, owners, declared), inForce, declarers, today);
    }

    /** The grant with {@code id} if it is on this asset. */
    Optional<RegisteredGrant> grantOn(String assetId, String id) {
        return grants.find(id).filter(g -> g.assetId().equals(assetId));
    }
}
