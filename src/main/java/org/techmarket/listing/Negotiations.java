package org.techmarket.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

/**
 * Listings sold by NEGOTIATION, as the module that carries the offers sees them. The offers, their acceptance and
 * the deal that follows live with the deals; the listing only learns the result and awards itself.
 */
public interface Negotiations {

    /**
     * A negotiated listing open to offers: the asking price is only a guide, and offers are taken until its end.
     * What it offers ({@code offeredKind} of {@code assetIds}, a licence within {@code licenceScope}) is what the
     * offers negotiate about.
     */
    record OpenNegotiation(
            String listingId,
            String sellerId,
            Money askingPrice,
            Instant endsAt,
            List<String> assetIds,
            GrantKind offeredKind,
            Optional<GrantScope> licenceScope) {

        public OpenNegotiation {
            assetIds = List.copyOf(assetIds);
        }
    }

    /**
     * The listing, if a buyer may send offers on it now: a 404 when it does not exist or is not disclosed, a 409
     * NOT_A_NEGOTIATION for another mechanism, 409 LISTING_NOT_OPEN outside its period, and 403 OWNER_CANNOT_BID when
     * {@code buyerId} owns an offered asset. Within the caller's transaction the listing is share-locked until the
     * commit, so it cannot end between this answer and the offer being stored.
     */
    OpenNegotiation openTo(String listingId, String buyerId);

    /**
     * Ends a NEGOTIATION listing AWARDED to {@code buyerId} at {@code price}, within the caller's transaction: the
     * listing row is locked, it must still be OPEN and before its end, the buyer must not own the assets and the
     * rights must still be grantable to them (a licence within {@code agreedScope} when the parties agreed one,
     * else within the listing's scope); the buyer's deposit, if one is asked, is held and kept for the deal.
     * Publishes {@link ListingAwarded} for the award's readers (statistics, the audit log, the lapse of the other
     * offers) and returns it, so that the caller, which holds the agreed payment terms, opens the deal from its own
     * acceptance with the award's deposit and scope. A second conclusion is refused (409 LISTING_NOT_OPEN), which is
     * what makes two acceptances on one listing end with one deal.
     */
    ListingAwarded conclude(String listingId, String buyerId, Money price, Optional<GrantScope> agreedScope);
}
