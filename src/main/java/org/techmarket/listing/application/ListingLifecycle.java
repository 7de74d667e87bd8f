package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.audit.AuditLog;
import org.techmarket.listing.domain.Auction;
import org.techmarket.listing.domain.AuctionTerms;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.persistence.Listing;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.rights.AssetConflict;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Text;

/**
 * A listing's way to the market: the seller drafts and submits it (its rights checked), an operator approves it,
 * which publishes it at once with a disclosure period until bidding opens at {@code startsAt}, or rejects it; the
 * seller may withdraw it before the first bid, an operator cancel it before award, which releases every deposit.
 */
@Service
public class ListingLifecycle {

    private final Listings listings;
    private final ListingAccess access;
    private final OfferRights rights;
    private final Deposits deposits;
    private final AuditLog audit;
    private final ListingEndings endings;
    private final IdGenerator ids;
    private final Clock clock;
    private final DateRules dates;

    ListingLifecycle(Listings listings, ListingAccess access, OfferRights rights, Deposits deposits, AuditLog audit,
            ListingEndings endings, IdGenerator ids, Clock clock, DateRules dates) {
        this.dates = dates;
        this.endings = endings;
        this.listings = listings;
        this.access = access;
        this.rights = rights;
        this.deposits = deposits;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Listing draft(Actor actor, NewListing request) {
        OrganizationSummary seller = access.permitted(actor, MarketAction.CREATE_LISTING);
        if (request.title() == null || request.title().isBlank() || request.title().length() > 300) {
            throw Rejection.invalid("VALIDATION_FAILED", "title", "a title of 1 to 300 characters is required");
        }
        Text.nameProblem(request.title()).ifPresent(problem -> {
            throw Rejection.invalid("VALIDATION_FAILED", "title", "the title " + problem);
        });
        if (request.description() != null && request.description().length() > 20_000) {
            throw Rejection.invalid("VALIDATION_FAILED", "description", "at most 20000 characters");
        }
        List<String> assetIds = assetIds(request.assetIds());
        List<String> industries = new ArrayList<>();
        for (String assetId : assetIds) {
            AssetSummary asset = access.ownedAsset(assetId, seller.id());
            asset.industries().stream().filter(i -> !industries.contains(i)).forEach(industries::add);
        }
        if (request.mechanism() == null) {
            throw Rejection.invalid("INVALID_MECHANISM", "mechanism", "is required");
        }
        AuctionTerms terms = request.mechanism().terms();
        Instant now = now();
        if (!terms.endsAt().isAfter(now)) {
            throw Rejection.invalid("INVALID_MECHANISM", "mechanism.endsAt", "must be in the future");
        }
        dates.requireWithinHorizon(terms.startsAt(), "mechanism.startsAt");
        dates.requireWithinHorizon(terms.endsAt(), "mechanism.endsAt");
        long deposit = request.mechanism().depositOrZero().minor();
        GrantKind kind = kind(request.offer());
        Optional<GrantScope> scope = kind == GrantKind.ASSIGNMENT ? Optional.empty()
                : Optional.of(licenceScope(request.offer()));
        Listing listing = new Listing(ids.newId(), seller.venueId(), seller.id(), Text.name(request.title()),
                request.description() == null ? "" : request.description(), assetIds, industries, kind, scope,
                request.mechanism(), request.mechanism().currency(), deposit, terms.startsAt(), terms.endsAt(),
                ListingStatus.DRAFT, Optional.empty(), Auction.open(terms).state(), 0, Optional.empty(),
                OptionalLong.empty(), now, now, 1);
        listings.add(listing);
        audit.record(actor.auditName(), "ListingDrafted", subject(listing), Map.of("sellerId", seller.id(),
                "assetIds", assetIds, "offer", kind.name(), "mechanism", listing.mechanism().type().name()));
        return listing;
    }

    /** DRAFT → SUBMITTED, once the rights registry confirms every asset's offer could be granted. */
    @Transactional
    public Listing submit(Actor actor, String id) {
        Listing listing = access.lockVisible(actor, id);
        ListingAccess.requireSeller(actor, listing);
        access.permitted(actor, MarketAction.SUBMIT_LISTING);
        listing.status().transitionTo(ListingStatus.SUBMITTED, false);
        access.requireTradeable(listing);
        List<AssetConflict> conflicts = rights.conflictsForAnyBuyer(listing);
        if (!conflicts.isEmpty()) {
            throw OfferRights.rejection(conflicts);
        }
        return move(actor, listing, ListingStatus.SUBMITTED, Optional.empty(), "ListingSubmitted");
    }

    /** SUBMITTED → APPROVED → PUBLISHED, and OPEN at once if bidding should already have started. */
    @Transactional
    public Listing approve(Actor actor, String id) {
        actor.requireOperator();
        Listing listing = access.lockVisible(actor, id);
        listing.status().transitionTo(ListingStatus.APPROVED, false);
        access.requireTradeable(listing);
        Listing approved = move(actor, listing, ListingStatus.APPROVED, Optional.empty(), "ListingApproved");
        Listing published = move(actor, approved, ListingStatus.PUBLISHED, Optional.empty(), "ListingPublished");
        return published.startsAt().isAfter(now()) ? published : open(Actor.SYSTEM, published);
    }

    @Transactional
    public Listing reject(Actor actor, String id, String reason) {
        actor.requireOperator();
        String why = reason(reason);
        Listing listing = access.lockVisible(actor, id);
        listing.status().transitionTo(ListingStatus.REJECTED, false);
        return move(actor, listing, ListingStatus.REJECTED, Optional.of(why), "ListingRejected");
    }

    @Transactional
    public Listing withdraw(Actor actor, String id) {
        Listing listing = access.lockVisible(actor, id);
        ListingAccess.requireSeller(actor, listing);
        access.permitted(actor, MarketAction.WITHDRAW_LISTING);
        listing.status().transitionTo(ListingStatus.WITHDRAWN, listing.bidCount() > 0);
        return move(actor, listing, ListingStatus.WITHDRAWN, Optional.empty(), "ListingWithdrawn");
    }

    /** Any status before award → CANCELLED; every deposit held for the listing goes back to its bidder. */
    @Transactional
    public Listing cancel(Actor actor, String id, String reason) {
        actor.requireOperator();
        String why = reason(reason);
        Listing listing = access.lockVisible(actor, id);
        listing.status().transitionTo(ListingStatus.CANCELLED, listing.bidCount() > 0);
        deposits.settle(actor, listing, Optional.empty());
        return move(actor, listing, ListingStatus.CANCELLED, Optional.of(why), "ListingCancelled");
    }

    /**
     * Cancels a standing listing whose seller no longer owns {@code assetId} after an assignment, exactly as an
     * operator's cancellation would (every deposit goes back), with {@code reason}. Called with the listing locked;
     * a listing that is no longer standing, or whose seller owns the asset again, is left as it is.
     */
    Optional<Listing> cancelForAssignment(Listing listing, String assetId, boolean sellerStillOwns, String reason) {
        if (!listing.status().isStanding() || !listing.assetIds().contains(assetId) || sellerStillOwns) {
            return Optional.empty();
        }
        deposits.settle(Actor.SYSTEM, listing, Optional.empty());
        return Optional.of(move(Actor.SYSTEM, listing, ListingStatus.CANCELLED, Optional.of(reason),
                "ListingCancelled"));
    }

    /**
     * Cancels a standing listing whose seller was suspended, exactly as an operator's cancellation would (every
     * deposit goes back, its open offers lapse), with {@code reason}. Called with the listing locked; a listing that
     * is no longer standing is left as it is.
     */
    Optional<Listing> cancelForSuspension(Listing listing, String reason) {
        if (!listing.status().isStanding()) {
            return Optional.empty();
        }
        deposits.settle(Actor.SYSTEM, listing, Optional.empty());
        return Optional.of(move(Actor.SYSTEM, listing, ListingStatus.CANCELLED, Optional.of(reason),
                "ListingCancelled"));
    }

    /** PUBLISHED → OPEN: bidding starts. Called with the listing locked. */
    Listing open(Actor actor, Listing published) {
        return move(actor, published, ListingStatus.OPEN, Optional.empty(), "ListingOpened");
    }

    private Listing move(Actor actor, Listing listing, ListingStatus next, Optional<String> reason, String event) {
        listing.status().transitionTo(next, listing.bidCount() > 0);
        Listing moved = listings.update(listing.withStatus(next, reason, now()));
        audit.record(actor.auditName(), event, subject(listing), reason.isPresent()
                ? Map.of("status", next.name(), "reason", reason.get()) : Map.of("status", next.name()));
        if (next.isFinal()) {
            endings.ended(moved);
        }
        return moved;
    }

    static String subject(Listing listing) {
        return "listing:" + listing.id();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw Rejection.invalid("VALIDATION_FAILED", "reason", "a reason of 1 to 2000 characters is required");
        }
        return reason.strip();
    }

    private static List<String> assetIds(List<String> requested) {
        if (requested == null || requested.isEmpty() || requested.size() > 100
                || requested.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw Rejection.invalid("VALIDATION_FAILED", "assetIds", "one to 100 asset ids are required");
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requested));
        if (distinct.size() != requested.size()) {
            throw Rejection.invalid("VALIDATION_FAILED", "assetIds", "an asset is listed twice");
        }
        return distinct;
    }

    private static GrantKind kind(NewListing.Offer offer) {
        if (offer == null || offer.type() == null) {
            throw Rejection.invalid("INVALID_OFFER", "offer.type", "ASSIGNMENT or LICENCE is required");
        }
        if ("ASSIGNMENT".equals(offer.type())) {
            return GrantKind.ASSIGNMENT;
        }
        if (!"LICENCE".equals(offer.type()) || offer.licence() == null || offer.licence().type() == null) {
            throw Rejection.invalid("INVALID_OFFER", "offer", "ASSIGNMENT, or LICENCE with licence {type, scope}");
        }
        return switch (offer.licence().type()) {
            case "EXCLUSIVE" -> GrantKind.EXCLUSIVE_LICENCE;
            case "SOLE" -> GrantKind.SOLE_LICENCE;
            case "NON_EXCLUSIVE" -> GrantKind.NON_EXCLUSIVE_LICENCE;
            default -> throw Rejection.invalid("INVALID_OFFER", "offer.licence.type",
                    "EXCLUSIVE, SOLE or NON_EXCLUSIVE");
        };
    }

    private static GrantScope licenceScope(NewListing.Offer offer) {
        GrantScope scope = offer.licence().scope();
        if (scope == null || scope.fields().isEmpty() || scope.territories().isEmpty() || scope.start() == null
                || scope.end() == null || !scope.end().isAfter(scope.start())) {
            throw Rejection.invalid("INVALID_SCOPE", "offer.licence.scope",
                    "fields, territories and a term start < end are required");
        }
        return scope;
    }
}
