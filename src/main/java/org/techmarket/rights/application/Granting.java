package org.techmarket.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.ProposedGrant;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Grants rights on an asset and checks grants without making them. A grant is checked and stored under the
 * asset's lock, so of two conflicting grants made at once exactly one is recorded. The owners grant over
 * the asset; a licensee grants sublicences inside its own sublicensable licence.
 */
@Service
public class Granting {

    private final RightsBook book;
    private final GrantRequests requests;
    private final Grants grants;
    private final OpenLicences openLicences;
    private final Participants participants;
    private final RightsJournal journal;
    private final IdGenerator ids;
    private final Clock clock;

    Granting(
            RightsBook book,
            GrantRequests requests,
            Grants grants,
            OpenLicences openLicences,
            Participants participants,
            RightsJournal journal,
            IdGenerator ids,
            Clock clock) {
        this.book = book;
        this.requests = requests;
        this.grants = grants;
        this.openLicences = openLicences;
        this.participants = participants;
        this.journal = journal;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records a grant by the actor's organization, or refuses it with every conflict found. */
    @Transactional
    public RegisteredGrant grant(Actor actor, String assetId, GrantTerms terms) {
        book.requireAsset(assetId);
        String org = Access.permittedOrganization(actor, participants, MarketAction.GRANT);
        AssetSummary asset = book.lockAsset(assetId, terms.type());
        Set<String> owners = book.owners(asset);
        requireGrantor(org, owners, assetId, terms.parentGrantId());
        LocalDate today = LocalDate.now(clock);
        ProposedGrant proposal = requests.proposal(terms, Set.of(org), today);
        book.requireTradeable(asset.id());
        return store(actor.auditName(), asset, owners, proposal, Optional.empty(), today);
    }

    /**
     * Whether the actor's organization could make this grant today; operators and regulators check it as the
     * owners (or, for a sublicence, the parent licensee) would make it. Changes nothing.
     */
    @Transactional(readOnly = true)
    public CheckResult check(Actor actor, String assetId, GrantTerms terms) {
        AssetSummary asset = book.requireAsset(assetId);
        Set<String> owners = book.owners(asset);
        LocalDate today = LocalDate.now(clock);
        if (actor.seesWholeMarket()) {
            Set<String> grantors = terms.parentGrantId()
                    .flatMap(parent -> book.grantOn(assetId, parent))
                    .map(parent -> Set.of(parent.grant().grantee()))
                    .orElse(owners);
            return book.checkGrant(asset, owners, requests.proposal(terms, grantors, today), today);
        }
        String org = actor.requireOrganization();
        requireGrantor(org, owners, assetId, terms.parentGrantId());
        return book.checkGrant(asset, owners, requests.proposal(terms, Set.of(org), today), today);
    }

    /**
     * Whether {@code grantors} could make this grant today; for other modules. Changes nothing. It opens no
     * transaction of its own: a refusal thrown through a transactional boundary would mark the caller's transaction
     * rollback-only even when the caller catches it (a listing's close asks this for its winner, ADR 0020).
     */
    public CheckResult check(String assetId, Set<String> grantors, GrantTerms terms) {
        AssetSummary asset = book.requireAsset(assetId);
        LocalDate today = LocalDate.now(clock);
        return book.checkGrant(asset, book.owners(asset), requests.proposal(terms, grantors, today), today);
    }

    /**
     * Whether {@code grantors} could grant {@code kind} over {@code scope} today to a buyer not yet known, as a
     * listing offers it; for other modules. Changes nothing, and opens no transaction of its own (see above).
     */
    public CheckResult checkOffer(String assetId, Set<String> grantors, GrantKind kind, GrantScope scope) {
        AssetSummary asset = book.requireAsset(assetId);
        LocalDate today = LocalDate.now(clock);
        return book.checkGrant(asset, book.owners(asset), requests.offerProposal(kind, scope, grantors, today), today);
    }

    /**
     * Whether the asset's owners could grant each of {@code kinds} over {@code scope} today, the asset as the caller
     * read it: its standing declaration and the grants overlapping the scope are read once for every kind, since the
     * kinds share the scope's term. Changes nothing, and opens no transaction of its own.
     */
    public Map<GrantKind, CheckResult> checkOffers(AssetSummary asset, List<GrantKind> kinds, GrantScope scope) {
        LocalDate today = LocalDate.now(clock);
        Set<String> owners = book.owners(asset);
        Optional<OpenLicenceDeclaration> standing = book.standingDeclaration(asset.id());
        Map<GrantKind, ProposedGrant> proposals = offerProposals(kinds, scope, owners, today);
        List<Grant> relevant = proposals.isEmpty()
                ? List.of()
                : book.relevantToAnyKind(
                        asset.id(), proposals.values().iterator().next(), today);
        return checks(asset, owners, standing, relevant, proposals, today);
    }

    /**
     * As {@link #checkOffers(AssetSummary, List, GrantScope)}, with the asset's standing declaration as the caller
     * read it, and the grants overlapping the scope read with the other queries of {@code batch}.
     */
    ReadsTogether.Later<Map<GrantKind, CheckResult>> checkOffers(
            AssetSummary asset,
            Optional<OpenLicenceDeclaration> standing,
            List<GrantKind> kinds,
            GrantScope scope,
            ReadsTogether.Batch batch) {
        LocalDate today = LocalDate.now(clock);
        Set<String> owners = book.owners(asset);
        Map<GrantKind, ProposedGrant> proposals = offerProposals(kinds, scope, owners, today);
        if (proposals.isEmpty()) {
            return ReadsTogether.Later.of(Map.of());
        }
        return book.relevantToAnyKind(asset.id(), proposals.values().iterator().next(), today, batch)
                .map(relevant -> checks(asset, owners, standing, relevant, proposals, today));
    }

    /** The proposal of each kind over the same scope: they share its term, so one read of grants serves them all. */
    private Map<GrantKind, ProposedGrant> offerProposals(
            List<GrantKind> kinds, GrantScope scope, Set<String> owners, LocalDate today) {
        Map<GrantKind, ProposedGrant> proposals = new LinkedHashMap<>();
        kinds.forEach(kind -> proposals.put(kind, requests.offerProposal(kind, scope, owners, today)));
        return proposals;
    }

    private Map<GrantKind, CheckResult> checks(
            AssetSummary asset,
            Set<String> owners,
            Optional<OpenLicenceDeclaration> standing,
            List<Grant> relevant,
            Map<GrantKind, ProposedGrant> proposals,
            LocalDate today) {
        Map<GrantKind, CheckResult> checks = new LinkedHashMap<>();
        proposals.forEach((kind, proposal) ->
                checks.put(kind, book.checkGrant(asset, owners, standing, relevant, proposal, today)));
        return checks;
    }

    /**
     * Records a grant made through a deal or another cause, once: if {@code causeId} already recorded a grant
     * on this asset, that grant is returned unchanged, whatever has happened since.
     */
    @Transactional
    public RegisteredGrant recordForCause(String causeId, String assetId, Set<String> grantors, GrantTerms terms) {
        return recordForCause(causeId, assetId, terms.type(), asset -> grantors, asset -> terms);
    }

    /**
     * Records, once per cause as {@link #recordForCause}, a grant by the asset's owners as they stand under its lock,
     * on the terms made of the asset as read there, which must be of {@code kind}: the lock is taken as that kind
     * needs it before the asset is read.
     */
    @Transactional
    public RegisteredGrant recordByOwners(
            String causeId, String assetId, GrantKind kind, Function<AssetSummary, GrantTerms> terms) {
        return recordForCause(causeId, assetId, kind, book::owners, terms);
    }

    /**
     * Under the asset's lock, the earlier grant of the cause, or a new one: the asset is read once, after the lock and
     * only when there is a grant to make, for its owners, the grant's terms and the checks.
     */
    private RegisteredGrant recordForCause(
            String causeId,
            String assetId,
            GrantKind kind,
            Function<AssetSummary, Set<String>> grantors,
            Function<AssetSummary, GrantTerms> terms) {
        if (causeId == null || causeId.isBlank() || causeId.length() > 200) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_CAUSE, "causeId", "a cause id of 1 to 200 characters is required");
        }
        book.lockFor(assetId, kind, Optional.of(causeId));
        Optional<RegisteredGrant> earlier = grants.findByCause(causeId);
        if (earlier.isPresent()) {
            if (!earlier.get().assetId().equals(assetId)) {
                throw new Rejection(
                        Rejection.Kind.UNPROCESSABLE,
                        RightsCodes.CAUSE_REUSED,
                        "Cause " + causeId + " already recorded a grant on another asset");
            }
            return earlier.get();
        }
        AssetSummary asset = book.tradeable(assetId);
        LocalDate today = LocalDate.now(clock);
        GrantTerms made = terms.apply(asset);
        if (made.type() != kind) {
            // the lock was taken for the kind announced; terms of another kind may need it alone
            throw new IllegalArgumentException(
                    "terms of a " + made.type() + " for cause " + causeId + ", announced as a " + kind);
        }
        ProposedGrant proposal = requests.proposal(made, grantors.apply(asset), today);
        return store(Actor.SYSTEM.auditName(), asset, book.owners(asset), proposal, Optional.of(causeId), today);
    }

    /**
     * Registers the owners' pledge of the asset to {@code pledgeeId} for {@code causeId} (see
     * {@link org.techmarket.rights.RightsRegistry#registerPledge}): under the asset's lock, so a licence or assignment
     * either committed before and is seen here, or waits and then meets the pledge.
     */
    @Transactional
    public RegisteredGrant pledge(
            String causeId, String assetId, String pledgeeId, LocalDate until, Instant collateralAsOf) {
        book.requireAsset(assetId);
        book.lock(assetId);
        LocalDate today = LocalDate.now(clock);
        List<RegisteredGrant> since = grants.grantedSince(assetId, collateralAsOf, today);
        if (!since.isEmpty() && grants.findByCause(causeId).isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    RightsCodes.COLLATERAL_CHANGED,
                    "Asset " + assetId + " was " + since.get(0).grant().type() + " under grant "
                            + since.get(0).id() + " after the pledgee priced it; the pledge is not registered");
        }
        GrantTerms terms = new GrantTerms(
                GrantKind.PLEDGE, pledgeeId, GrantScope.unrestricted(today, until), false, false, Optional.empty());
        return recordForCause(causeId, assetId, GrantKind.PLEDGE, book::owners, ignored -> terms);
    }

    private RegisteredGrant store(
            String actor,
            AssetSummary asset,
            Set<String> owners,
            ProposedGrant proposal,
            Optional<String> cause,
            LocalDate today) {
        Optional<OpenLicenceDeclaration> standing = book.standingDeclaration(asset.id());
        CheckResult result = book.checkGrant(asset, owners, standing, proposal, today);
        if (!result.grantable()) {
            throw Conflicts.rejection(result);
        }
        RegisteredGrant entry = new RegisteredGrant(
                asset.id(),
                proposal.toGrant(ids.newId()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                cause,
                Instants.now(clock),
                1);
        grants.add(entry, actor);
        journal.grantRecorded(actor, entry);
        if (proposal.type() == GrantType.ASSIGNMENT) {
            book.recordOwnership(actor, entry);
            withdrawAssignorsDeclaration(actor, entry, standing);
        }
        return entry;
    }

    /**
     * An assignor no longer owns the asset, so its open-licence declaration stops taking new takers; licences already
     * taken are grants and bind the assignee, as any licence survives an assignment.
     */
    private void withdrawAssignorsDeclaration(
            String actor, RegisteredGrant assignment, Optional<OpenLicenceDeclaration> standing) {
        standing.filter(declaration -> assignment.grant().grantors().contains(declaration.declaredBy()))
                .ifPresent(declaration -> {
                    OpenLicenceDeclaration withdrawn = declaration.withdraw(assignment.createdAt());
                    openLicences.withdraw(
                            withdrawn.id(), withdrawn.withdrawnAt().orElseThrow());
                    journal.openLicenceWithdrawnByAssignment(actor, withdrawn, assignment.id());
                });
    }

    /** Only an owner, or the holder of the licence being sublicensed, may ask; anyone else learns nothing more. */
    private void requireGrantor(String org, Set<String> owners, String assetId, Optional<String> parentGrantId) {
        boolean owner = owners.contains(org);
        boolean parentHolder = parentGrantId
                .flatMap(parent -> book.grantOn(assetId, parent))
                .map(parent -> parent.grant().grantee().equals(org))
                .orElse(false);
        if (!owner && !parentHolder) {
            throw Access.notGrantor("Only the asset's owners, or the holder of the licence being sublicensed, "
                    + "may grant rights on it");
        }
    }
}
