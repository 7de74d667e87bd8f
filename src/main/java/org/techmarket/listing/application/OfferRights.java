package org.techmarket.listing.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.techmarket.asset.Assets;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.persistence.PledgedListings;
import org.techmarket.rights.AssetConflict;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.RightsCheck;
import org.techmarket.rights.RightsConflict;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Rejection;

/**
 * Asks the rights registry whether a listing's offer can be granted, asset by asset: at submission for any buyer,
 * at award for the winner. An assignment covers the whole asset from today; a licence its scope, from today at
 * the earliest, since a licence cannot start in the past.
 */
@Component
class OfferRights {

    private final RightsRegistry registry;
    private final Assets assets;
    private final Clock clock;
    private final PledgedListings pledged;

    OfferRights(RightsRegistry registry, Assets assets, Clock clock, PledgedListings pledged) {
        this.pledged = pledged;
        this.registry = registry;
        this.assets = assets;
        this.clock = clock;
    }

    /** Every conflict of the offer for a buyer not yet known; empty when it can be granted. */
    List<AssetConflict> conflictsForAnyBuyer(Listing listing) {
        return conflicts(listing, Optional.empty(), listing.licenceScope());
    }

    /** Every conflict of granting the offer to {@code buyerId} today. */
    List<AssetConflict> conflictsFor(Listing listing, String buyerId) {
        return conflicts(listing, Optional.of(buyerId), listing.licenceScope());
    }

    /** Every conflict of granting the offer to {@code buyerId} today, a licence within {@code licenceScope}. */
    List<AssetConflict> conflictsFor(Listing listing, String buyerId, Optional<GrantScope> licenceScope) {
        return conflicts(listing, Optional.of(buyerId), licenceScope);
    }

    static Rejection rejection(List<AssetConflict> conflicts) {
        return AssetConflict.rejection(
                "The offer cannot be granted: ",
                conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "",
                conflicts);
    }

    private List<AssetConflict> conflicts(Listing listing, Optional<String> buyer, Optional<GrantScope> licenceScope) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<AssetConflict> found = new ArrayList<>();
        for (String assetId : listing.assetIds()) {
            GrantScope scope = scope(listing, licenceScope, assetId, today);
            RightsCheck check;
            try {
                check = buyer.isPresent()
                        ? registry.check(
                                assetId,
                                Set.of(listing.sellerId()),
                                new GrantTerms(listing.offerKind(), buyer.get(), scope, false, false, Optional.empty()))
                        : registry.checkOffer(assetId, Set.of(listing.sellerId()), listing.offerKind(), scope);
            } catch (Rejection refused) {
                // The registry refuses the request itself (e.g. a buyer no longer verified): a reason not to grant.
                found.add(new AssetConflict(
                        assetId,
                        new RightsConflict(Optional.empty(), Optional.empty(), refused.code(), refused.getMessage())));
                continue;
            }
            found.addAll(AssetConflict.on(assetId, check));
        }
        // A pledgee selling under its own pledge consents by listing: its pledges do not stand in the sale's way.
        Optional<String> pledgee = pledged.pledgeeOf(listing.id());
        if (pledgee.isPresent()) {
            found.removeIf(c -> "PLEDGED".equals(c.conflict().reason())
                    && c.conflict()
                            .grantId()
                            .flatMap(registry::find)
                            .map(g -> g.granteeId().equals(pledgee.get()))
                            .orElse(false));
        }
        return found;
    }

    private GrantScope scope(Listing listing, Optional<GrantScope> licenceScope, String assetId, LocalDate today) {
        if (listing.offerKind() == GrantKind.ASSIGNMENT) {
            LocalDate end = assets.find(assetId).flatMap(a -> a.expiresOn()).orElse(today.plusYears(50));
            return new GrantScope(List.of("*"), List.of("WORLD"), today, end);
        }
        GrantScope offered = licenceScope.orElseThrow();
        LocalDate start = offered.start() == null || offered.start().isBefore(today) ? today : offered.start();
        // A licence agreed "as long as the rights last" is checked up to the asset's expiry.
        LocalDate end = offered.end() != null
                ? offered.end()
                : assets.find(assetId)
                        .flatMap(a -> a.expiresOn())
                        .filter(start::isBefore)
                        .orElse(start.plusYears(50));
        return new GrantScope(offered.fields(), offered.territories(), start, end);
    }
}
