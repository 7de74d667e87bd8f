package org.techmarket.rights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.ProposedGrant;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.domain.Scopes;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;

/**
 * Any verified organization takes a declared open licence at once: a non-exclusive licence of type
 * OPEN_LICENCE on the declared terms, from today, granted by the owners through their declaration. The
 * amount due is recorded on the grant until the ledger settles it. One organization holds at most one
 * such licence on an asset at a time.
 */
@Service
public class OpenLicenceTaking {

    private final RightsBook book;
    private final Grants grants;
    private final OpenLicences openLicences;
    private final Participants participants;
    private final RightsJournal journal;
    private final IdGenerator ids;
    private final Clock clock;

    OpenLicenceTaking(
            RightsBook book,
            Grants grants,
            OpenLicences openLicences,
            Participants participants,
            RightsJournal journal,
            IdGenerator ids,
            Clock clock) {
        this.book = book;
        this.grants = grants;
        this.openLicences = openLicences;
        this.participants = participants;
        this.journal = journal;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public RegisteredGrant take(Actor actor, String assetId) {
        book.requireAsset(assetId);
        String taker = Access.permittedOrganization(actor, participants, MarketAction.TAKE_OPEN_LICENCE);
        AssetSummary asset = book.lockAsset(assetId);
        Set<String> owners = book.owners(asset);
        // A declaration by an organization that no longer owns the asset offers nothing, even before it is withdrawn.
        OpenLicenceDeclaration declaration = openLicences
                .standing(assetId)
                .filter(standing -> owners.contains(standing.declaredBy()))
                .orElseThrow(() -> OpenLicensing.notDeclared(assetId));
        LocalDate today = LocalDate.now(clock);
        if (owners.contains(taker)) {
            throw Rejection.conflict(
                    RightsCodes.TAKER_IS_OWNER, "An owner cannot take an open licence on its own asset");
        }
        if (grants.holdsOpenLicence(assetId, taker, today)) {
            throw Rejection.conflict(
                    RightsCodes.OPEN_LICENCE_ALREADY_TAKEN,
                    "Your organization already holds an open licence on this asset");
        }
        book.requireTradeable(assetId);
        GrantScope scope = declaration.terms().scopeFrom(today, AssetFacts.protectionEnds(asset));
        ProposedGrant proposal =
                new ProposedGrant(GrantType.OPEN_LICENCE, owners, taker, scope, false, false, Optional.empty());
        CheckResult result = book.checkGrant(asset, owners, proposal, today);
        if (!result.grantable()) {
            throw Conflicts.rejection(result);
        }
        RegisteredGrant entry = new RegisteredGrant(
                assetId,
                proposal.toGrant(ids.newId()),
                Optional.empty(),
                Optional.of(declaration.id()),
                Optional.of(declaration.terms().royalty().amountDue(Scopes.term(scope))),
                Optional.empty(),
                Instants.now(clock),
                1);
        grants.add(entry, actor.auditName());
        journal.openLicenceTaken(actor.auditName(), entry, declaration.terms().royalty());
        return entry;
    }
}
