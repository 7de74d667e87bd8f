package org.techmarket.listing.domain;

import java.time.Instant;

/** Something a participant or the closing job asks of a sale, at a time the caller supplies. */
public sealed interface AuctionCommand permits PlaceBid, AcceptPrice, Purchase, CloseAuction {

    Instant at();
}
