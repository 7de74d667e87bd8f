package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/**
 * A listing as its seller's list of them shows it: what is offered, how and from what price, where it stands and when
 * it ends. Read without the description, scope, assets or the engine's state, which the list does not show.
 */
public record ListingLine(
        String id,
        String title,
        MechanismType mechanism,
        GrantKind offerKind,
        Money startPrice,
        ListingStatus status,
        Optional<String> statusReason,
        Instant endsAt) {}
