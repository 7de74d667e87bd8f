package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.listing.ListingCodes;
import org.techmarket.listing.domain.AuctionTerms;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.listing.persistence.PledgedListings;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.rights.AssetConflict;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/**
 * A listing's way to the market: the seller drafts and submits it (its rights checked), an operator approves it,
 * which publishes it at once with a disclosure period until bidding opens at {@code startsAt}, or rejects it; the
 * seller may withdraw it before the first bid, an operator cancel it before award, which releases every deposit.
 */
@Service
public class ListingLifecycle {

    private final ListingAccess access;
    private final OfferRights rights;
    private final Deposits deposits;
    private final ListingChanges changes;
    private final IdGenerator ids;
    private final Clock clock;
    private final DateRules dates;
    private final PledgedListings pledgeListings;

    ListingLifecycle(
            ListingAccess access,
            OfferRights rights,
            Deposits deposits,
            ListingChanges changes,
            IdGenerator ids,
            Clock clock,
            DateRules dates,
            PledgedListings pledgeListings) {
        this.pledgeListings = pledgeListings;
        this.dates = dates;
        this.changes = changes;
        this.access = access;
        this.rights = rights;
        this.deposits = deposits;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Listing draft(Actor actor, NewListing request) {
        OrganizationSummary seller = access.permitted(actor, MarketAction.CREATE_LISTING);
        String id = ids.newId();
        access.requireAgentMay(actor, MarketAction.CREATE_LISTING, id, assetIds(request.assetIds()));
        return changes.add(actor, drafted(id, seller, request));
    }

    /**
     * Drafts and submits the ASSIGNMENT of the pledged assets by English auction for the pledgee {@code lender}
     * enforcing {@code loanId}: {@code owner} stays the seller of record, and the pledgee's own pledges do not stand
     * in its way, as its consent is the listing itself. Recorded as listed under that pledge.
     */
    Listing listUnderPledge(Actor lender, String loanId, OrganizationSummary owner, NewListing request) {
        if (request.mechanism() == null || request.mechanism().type() != MechanismType.ENGLISH) {
            throw Rejection.invalid(
                    ListingCodes.INVALID_MECHANISM, "mechanism.type", "a pledge is sold by ENGLISH auction");
        }
        Listing drafted = changes.add(lender, drafted(ids.newId(), owner, request));
        pledgeListings.record(drafted.id(), loanId, lender.requireOrganization(), now());
        return submitChecked(lender, drafted);
    }

    private Listing.Change drafted(String id, OrganizationSummary seller, NewListing request) {
        if (request.title() == null
                || request.title().isBlank()
                || request.title().length() > 300) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED, "title", "a title of 1 to 300 characters is required");
        }
        Text.nameProblem(request.title()).ifPresent(problem -> {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "title", "the title " + problem);
        });
        if (request.description() != null && request.description().length() > 20_000) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "description", "at most 20000 characters");
        }
        List<String> assetIds = assetIds(request.assetIds());
        List<String> industries = new ArrayList<>();
        for (String assetId : assetIds) {
            AssetSummary asset = access.ownedAsset(assetId, seller.id());
            asset.industries().stream().filter(i -> !industries.contains(i)).forEach(industries::add);
        }
        if (request.mechanism() == null) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism", "is required");
        }
        AuctionTerms terms = request.mechanism().terms();
        Instant now = now();
        if (!terms.endsAt().isAfter(now)) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism.endsAt", "must be in the future");
        }
        dates.requireWithinHorizon(terms.startsAt(), "mechanism.startsAt");
        dates.requireWithinHorizon(terms.endsAt(), "mechanism.endsAt");
        request.mechanism().depositOrZero(); // a negative deposit is refused before the offer is read
        GrantKind kind = kind(request.offer());
        Optional<GrantScope> scope =
                kind == GrantKind.ASSIGNMENT ? Optional.empty() : Optional.of(licenceScope(request.offer()));
        return Listing.draft(
                id,
                seller.venueId(),
                seller.id(),
                Text.name(request.title()),
                request.description() == null ? "" : request.description(),
                assetIds,
                industries,
                kind,
                scope,
                request.mechanism(),
                now);
    }

    /** DRAFT → SUBMITTED, once the rights registry confirms every asset's offer could be granted. */
    @Transactional
    public Listing submit(Actor actor, String id) {
        Listing listing = access.lockVisible(actor, id);
        ListingAccess.requireSeller(actor, listing);
        access.permitted(actor, MarketAction.SUBMIT_LISTING);
        access.requireAgentMay(actor, MarketAction.SUBMIT_LISTING, id, listing.assetIds());
        return submitChecked(actor, listing);
    }

    private Listing submitChecked(Actor actor, Listing listing) {
        Listing.Change submitted = listing.submit(now());
        access.requireTradeable(listing);
        List<AssetConflict> conflicts = rights.conflictsForAnyBuyer(listing);
        if (!conflicts.isEmpty()) {
            throw OfferRights.rejection(conflicts);
        }
        return changes.store(actor, submitted);
    }

    /** SUBMITTED → APPROVED → PUBLISHED, and OPEN at once if bidding should already have started. */
    @Transactional
    public Listing approve(Actor actor, String id) {
        Listing listing = access.lockForOperator(actor, id);
        Listing.Change approved = listing.approve(now());
        access.requireTradeable(listing);
        return changes.store(actor, approved);
    }

    @Transactional
    public Listing reject(Actor actor, String id, String reason) {
        actor.requireOperator();
        String why = reason(reason);
        return changes.store(actor, access.lockForOperator(actor, id).reject(why, now()));
    }

    @Transactional
    public Listing withdraw(Actor actor, String id) {
        Listing listing = access.lockVisible(actor, id);
        ListingAccess.requireSeller(actor, listing);
        access.permitted(actor, MarketAction.WITHDRAW_LISTING);
        access.requireAgentMay(actor, MarketAction.WITHDRAW_LISTING, id, listing.assetIds());
        if (pledgeListings.pledgeeOf(id).isPresent()) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    ListingCodes.LISTED_UNDER_PLEDGE,
                    "The pledgee listed this sale under its pledge: only an operator may end it");
        }
        return changes.store(actor, listing.withdraw(now()));
    }

    /** Any status before award → CANCELLED; every deposit held for the listing goes back to its bidder. */
    @Transactional
    public Listing cancel(Actor actor, String id, String reason) {
        actor.requireOperator();
        String why = reason(reason);
        Listing.Change cancelled = access.lockForOperator(actor, id).cancel(why, now());
        deposits.settle(actor, cancelled.listing(), Optional.empty());
        return changes.store(actor, cancelled);
    }

    /**
     * Cancels a standing listing whose seller no longer owns {@code assetId} after an assignment, exactly as an
     * operator's cancellation would (every deposit goes back), with {@code reason}. Called with the listing locked;
     * a listing that is no longer standing, or whose seller owns the asset again, is left as it is.
     */
    Optional<Listing> cancelForAssignment(Listing listing, String assetId, boolean sellerStillOwns, String reason) {
        if (!listing.assetIds().contains(assetId) || sellerStillOwns) {
            return Optional.empty();
        }
        return cancelStanding(listing, reason);
    }

    /**
     * Cancels a standing listing whose seller was suspended, exactly as an operator's cancellation would (every
     * deposit goes back, its open offers lapse), with {@code reason}. Called with the listing locked; a listing that
     * is no longer standing is left as it is.
     */
    Optional<Listing> cancelForSuspension(Listing listing, String reason) {
        return cancelStanding(listing, reason);
    }

    private Optional<Listing> cancelStanding(Listing listing, String reason) {
        if (!listing.status().isStanding()) {
            return Optional.empty();
        }
        Listing.Change cancelled = listing.cancel(reason, now());
        deposits.settle(Actor.SYSTEM, listing, Optional.empty());
        return Optional.of(changes.store(Actor.SYSTEM, cancelled));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED, "reason", "a reason of 1 to 2000 characters is required");
        }
        return reason.strip();
    }

    private static List<String> assetIds(List<String> requested) {
        if (requested == null
                || requested.isEmpty()
                || requested.size() > 100
                || requested.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "assetIds", "one to 100 asset ids are required");
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requested));
        if (distinct.size() != requested.size()) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "assetIds", "an asset is listed twice");
        }
        return distinct;
    }

    private static GrantKind kind(NewListing.Offer offer) {
        if (offer == null || offer.type() == null) {
            throw Rejection.invalid(ListingCodes.INVALID_OFFER, "offer.type", "ASSIGNMENT or LICENCE is required");
        }
        if ("ASSIGNMENT".equals(offer.type())) {
            return GrantKind.ASSIGNMENT;
        }
        if (!"LICENCE".equals(offer.type())
                || offer.licence() == null
                || offer.licence().type() == null) {
            throw Rejection.invalid(
                    ListingCodes.INVALID_OFFER, "offer", "ASSIGNMENT, or LICENCE with licence {type, scope}");
        }
        return switch (offer.licence().type()) {
            case "EXCLUSIVE" -> GrantKind.EXCLUSIVE_LICENCE;
            case "SOLE" -> GrantKind.SOLE_LICENCE;
            case "NON_EXCLUSIVE" -> GrantKind.NON_EXCLUSIVE_LICENCE;
            default ->
                throw Rejection.invalid(
                        ListingCodes.INVALID_OFFER, "offer.licence.type", "EXCLUSIVE, SOLE or NON_EXCLUSIVE");
        };
    }

    private static GrantScope licenceScope(NewListing.Offer offer) {
        GrantScope scope = offer.licence().scope();
        if (scope == null
                || scope.fields().isEmpty()
                || scope.territories().isEmpty()
                || scope.start() == null
                || scope.end() == null
                || !scope.end().isAfter(scope.start())) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_SCOPE,
                    "offer.licence.scope",
                    "fields, territories and a term start < end are required");
        }
        return scope;
    }
}
