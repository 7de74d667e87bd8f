package org.techmarket.listing.domain;

import java.util.Objects;

/** How a sale ended: awarded to one winner at one price, or unsold for a stated reason. */
public sealed interface Outcome {

    /** The winner and the price they pay, in fen. */
    record Award(String winnerId, long price) implements Outcome {

        public Award {
            Objects.requireNonNull(winnerId, "winnerId");
        }
    }

    /** No sale, and why. */
    record Unsold(UnsoldReason reason) implements Outcome {

        public Unsold {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a sale ended without a winner. */
    enum UnsoldReason {
        /** Nobody bid, accepted or purchased before the end. */
        NO_BIDS,
        /** Bids came, but none reached the hidden reserve. */
        RESERVE_NOT_MET
    }
}
