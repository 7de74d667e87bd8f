package org.techmarket.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.Conflict;
import org.techmarket.rights.domain.ConflictReason;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.OpenLicenceTerms;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;

/**
 * Owners declare, replace and withdraw open licences on their granted patents. A declaration is refused
 * while an exclusive or sole licence or a pledge is in force (rule 7); replacing one checks the same way.
 */
@Service
public class OpenLicensing {

    private final RightsBook book;
    private final OpenLicences openLicences;
    private final Participants participants;
    private final RightsJournal journal;
    private final IdGenerator ids;
    private final Clock clock;

    OpenLicensing(
            RightsBook book,
            OpenLicences openLicences,
            Participants participants,
            RightsJournal journal,
            IdGenerator ids,
            Clock clock) {
        this.book = book;
        this.openLicences = openLicences;
        this.participants = participants;
        this.journal = journal;
        this.ids = ids;
        this.clock = clock;
    }

    /** A declaration made, and whether it is the asset's first standing one rather than a replacement. */
    public record Declared(OpenLicenceDeclaration declaration, boolean replaced) {}

    @Transactional
    public Declared declare(Actor actor, String assetId, OpenLicenceTerms terms) {
        book.requireAsset(assetId);
        String org = Access.permittedOrganization(actor, participants, MarketAction.DECLARE_OPEN_LICENCE);
        AssetSummary asset = book.lockAsset(assetId);
        Set<String> owners = book.owners(asset);
        Access.requireOwner(org, owners);
        book.requireTradeable(assetId);
        Optional<OpenLicenceDeclaration> standing = openLicences.standing(assetId);
        LocalDate today = LocalDate.now(clock);
        CheckResult result = book.checkDeclaration(asset, owners, Set.of(org), today, standing.isPresent());
        if (!asset.kind().isPatent()) {
            List<Conflict> conflicts = new ArrayList<>(result.conflicts());
            conflicts.add(Conflict.withAsset(
                    ConflictReason.ASSET_NOT_GRANTED,
                    "an open licence can be declared only on a patent; this asset is a " + asset.kind()));
            result = CheckResult.of(conflicts);
        }
        if (!result.grantable()) {
            throw Conflicts.rejection(result);
        }
        Instant now = Instants.now(clock);
        standing.ifPresent(old -> openLicences.withdraw(old.id(), now));
        OpenLicenceDeclaration declaration =
                OpenLicenceDeclaration.declare(ids.newId(), assetId, org, terms, asset.industries(), now);
        openLicences.add(declaration);
        journal.openLicenceDeclared(actor.auditName(), declaration, standing.map(OpenLicenceDeclaration::id));
        return new Declared(declaration, standing.isPresent());
    }

    /** Withdraws the standing declaration: no new takers; licences already taken survive. */
    @Transactional
    public OpenLicenceDeclaration withdraw(Actor actor, String assetId) {
        book.requireAsset(assetId);
        String org = actor.requireOrganization();
        AssetSummary asset = book.lockAsset(assetId);
        Access.requireOwner(org, book.owners(asset));
        Access.permittedOrganization(actor, participants, MarketAction.WITHDRAW_OPEN_LICENCE);
        OpenLicenceDeclaration standing = openLicences.standing(assetId).orElseThrow(() -> notDeclared(assetId));
        OpenLicenceDeclaration withdrawn = standing.withdraw(Instants.now(clock));
        openLicences.withdraw(withdrawn.id(), withdrawn.withdrawnAt().orElseThrow());
        journal.openLicenceWithdrawn(actor.auditName(), withdrawn);
        return withdrawn;
    }

    static Rejection notDeclared(String assetId) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND,
                RightsCodes.OPEN_LICENCE_NOT_DECLARED,
                "No open licence is declared on asset " + assetId);
    }
}
