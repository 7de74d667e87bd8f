package org.techmarket.listing.application;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.listing.ListingCodes;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.participant.Brokerage;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Who may see and do what with a listing. Drafts, submissions and refused listings are the seller's and the
 * operators' (and regulators') business only: anyone else is told they do not exist.
 */
@Component
class ListingAccess {

    /** Statuses in which a listing is not (yet) disclosed to the market. */
    static final Set<ListingStatus> PRIVATE =
            EnumSet.of(ListingStatus.DRAFT, ListingStatus.SUBMITTED, ListingStatus.APPROVED, ListingStatus.REJECTED);

    private final Listings listings;
    private final Participants participants;
    private final Brokerage brokerage;
    private final Assets assets;

    ListingAccess(Listings listings, Participants participants, Brokerage brokerage, Assets assets) {
        this.listings = listings;
        this.participants = participants;
        this.brokerage = brokerage;
        this.assets = assets;
    }

    static boolean maySee(Actor actor, Listing listing) {
        return !PRIVATE.contains(listing.status()) || actor.seesWholeMarket() || actor.belongsTo(listing.sellerId());
    }

    Listing visible(Actor actor, String id) {
        return listings.find(id).filter(l -> maySee(actor, l)).orElseThrow(() -> Rejection.notFound("Listing", id));
    }

    /** The listing locked for a change, if the actor may see it. */
    Listing lockVisible(Actor actor, String id) {
        return listings.lock(id).filter(l -> maySee(actor, l)).orElseThrow(() -> Rejection.notFound("Listing", id));
    }

    /** The listing locked for a bid, with the bidder's place on it, if the actor may see it. */
    Listings.ForBidder lockVisibleForBidder(Actor actor, String id, String bidderId) {
        return listings.lockForBidder(id, bidderId)
                .filter(locked -> maySee(actor, locked.listing()))
                .orElseThrow(() -> Rejection.notFound("Listing", id));
    }

    /** As {@link #lockVisibleForBidder}, the listing as last committed, without its lock. */
    Listings.ForBidder visibleForBidder(Actor actor, String id, String bidderId) {
        return listings.readForBidder(id, bidderId)
                .filter(seen -> maySee(actor, seen.listing()))
                .orElseThrow(() -> Rejection.notFound("Listing", id));
    }

    /** The listing locked for its own venue's operator; an operator of another venue is refused. */
    Listing lockForOperator(Actor actor, String id) {
        actor.requireOperator();
        Listing listing = lockVisible(actor, id);
        if (actor.venueId().map(venue -> !venue.equals(listing.venueId())).orElse(false)) {
            throw Rejection.forbidden("An operator acts only on the listings of their own venue");
        }
        return listing;
    }

    static void requireSeller(Actor actor, Listing listing) {
        if (!actor.belongsTo(listing.sellerId())) {
            throw Rejection.forbidden("Only the seller may do this");
        }
    }

    /** The actor's organization, whose status must permit {@code action} (the participant registry's matrix). */
    OrganizationSummary permitted(Actor actor, MarketAction action) {
        return participants.permitted(actor, action);
    }

    /**
     * As {@link #permitted} for each actor acting for its own organization, their organizations share-locked in one
     * statement, each refused alone.
     */
    Participants.Permissions permittedEach(Collection<Actor> actors, MarketAction action) {
        return participants.permittedEach(actors, action);
    }

    /**
     * For a broker acting for the actor's organization: its mandate must cover the listing's assets, and the broker
     * acts on the listing for this one client (403 MANDATE_SCOPE_EXCLUDES, BROKER_ACTS_FOR_ANOTHER_CLIENT); nothing
     * for anyone acting for its own organization.
     */
    void requireAgentMay(Actor actor, MarketAction action, String listingId, List<String> assetIds) {
        brokerage.actOnListing(actor, action, listingId, assetIds);
    }

    /** The asset, which the seller must own. */
    AssetSummary ownedAsset(String assetId, String sellerId) {
        AssetSummary asset = assets.find(assetId)
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.UNPROCESSABLE,
                        ListingCodes.UNKNOWN_ASSET,
                        "Asset " + assetId + " does not exist"));
        if (!asset.ownerShares().containsKey(sellerId)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    ListingCodes.NOT_ASSET_OWNER,
                    "Only an owner of asset " + assetId + " may list it");
        }
        return asset;
    }

    /**
     * Refuses a listing of an asset whose co-owners have not all confirmed its registration or whose ownership is
     * contested; the asset registry decides, and no dispute can be filed on them until the caller commits.
     */
    void requireTradeable(Listing listing) {
        listing.assetIds().forEach(assets::requireTradeable);
    }

    /** Refuses a bidder who owns any of the offered assets: owners may not bid the price up. */
    void requireNotOwner(Listing listing, String bidderId) {
        boolean owner = bidderId.equals(listing.sellerId()) || assets.anyOwnedBy(listing.assetIds(), bidderId);
        if (owner) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    ListingCodes.OWNER_CANNOT_BID,
                    "An owner of an offered asset may not bid on its listing");
        }
    }
}
