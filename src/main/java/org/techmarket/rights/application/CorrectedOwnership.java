package org.techmarket.rights.application;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetOwnershipCorrected;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.persistence.AssetLocks;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Actor;

/**
 * When an upheld ownership dispute takes an asset from its owners, the open licence a former owner declared stops
 * taking new takers, as after an assignment; licences already taken are grants and stay. Delivered after the
 * decision commits, at least once; a declaration already withdrawn is left alone, so a repeat changes nothing.
 */
@Component
public class CorrectedOwnership {

    private final AssetLocks locks;
    private final OpenLicences openLicences;
    private final RightsJournal journal;

    CorrectedOwnership(AssetLocks locks, OpenLicences openLicences, RightsJournal journal) {
        this.locks = locks;
        this.openLicences = openLicences;
        this.journal = journal;
    }

    // The id names the listener in stored publications, so it stays the same when the method is renamed.
    @ApplicationModuleListener(id = "rights.ownership.corrected")
    void on(AssetOwnershipCorrected corrected) {
        withdrawFormerOwnersDeclaration(corrected);
    }

    /** Withdraws the asset's standing declaration if a former owner made it; whether one was withdrawn. */
    @Transactional
    public boolean withdrawFormerOwnersDeclaration(AssetOwnershipCorrected corrected) {
        locks.lock(corrected.assetId());
        return openLicences
                .standing(corrected.assetId())
                .filter(declaration -> corrected.formerOwners().contains(declaration.declaredBy()))
                .map(declaration -> {
                    OpenLicenceDeclaration withdrawn = declaration.withdraw(corrected.correctedAt());
                    openLicences.withdraw(
                            withdrawn.id(), withdrawn.withdrawnAt().orElseThrow());
                    journal.openLicenceWithdrawnByOwnershipCorrection(
                            Actor.SYSTEM.auditName(), withdrawn, corrected.disputeId());
                    return true;
                })
                .orElse(false);
    }
}
