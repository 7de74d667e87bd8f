package org.techmarket.listing.domain;

import java.util.List;
import java.util.Objects;

/** The least step by which an English auction's price must be beaten: one fixed step or a schedule by price. */
public sealed interface Increment {

    /** The step that applies when the price is {@code price}. */
    long stepAt(long price);

    static Increment fixed(long step) {
        return new Fixed(step);
    }

    static Increment tiered(List<Tier> tiers) {
        return new Tiered(tiers);
    }

    /** The same step at every price. */
    record Fixed(long step) implements Increment {

        public Fixed {
            TermsChecks.positiveAmount(step, "increment");
        }

        @Override
        public long stepAt(long price) {
            return step;
        }
    }

    /** One row of a schedule: from this price upwards (until the next row) the step is {@code step}. */
    record Tier(long from, long step) {}

    /**
     * A schedule of steps: the step for a price is that of the tier with the greatest {@code from} not above
     * the price. Tiers are strictly ascending by {@code from}; a price below the first tier uses its step.
     */
    record Tiered(List<Tier> tiers) implements Increment {

        public Tiered {
            tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
            if (tiers.isEmpty()) {
                throw AuctionRefusals.invalidMechanism("increments", "must have at least one tier");
            }
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                if (tier.from() < 0) {
                    throw AuctionRefusals.invalidMechanism("increments[" + i + "].from", "must not be negative");
                }
                TermsChecks.positiveAmount(tier.step(), "increments[" + i + "].step");
                if (i > 0 && tier.from() <= tiers.get(i - 1).from()) {
                    throw AuctionRefusals.invalidMechanism(
                            "increments[" + i + "].from", "must be greater than the previous tier's from");
                }
            }
        }

        @Override
        public long stepAt(long price) {
            // Binary search for the last tier starting at or below the price, so long schedules stay cheap.
            int low = 0;
            int high = tiers.size() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (tiers.get(middle).from() <= price) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            return tiers.get(low).step();
        }

        long firstFrom() {
            return tiers.get(0).from();
        }
    }
}
