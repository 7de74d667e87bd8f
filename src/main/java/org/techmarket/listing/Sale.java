package org.techmarket.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.techmarket.asset.AssetKind;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/**
 * A listing as its sale page shows it to one viewer at one instant: what is offered and by whom, the rules in force,
 * the public state of the sale and the anonymised bid history ("Bidder n", the viewer's own lines marked). Nothing
 * secret is here: no maximum, no reserve amount, and no other bidder's sealed bid before the opening.
 */
public record Sale(
        String id,
        String status,
        String title,
        String description,
        String sellerId,
        String sellerName,
        List<Item> assets,
        List<String> industries,
        GrantKind offeredKind,
        String mechanism,
        Rules rules,
        Optional<Money> currentPrice,
        Optional<Money> minimumBid,
        OptionalLong bidCount,
        Instant endsAt,
        String reserve,
        Viewer viewer,
        Optional<Money> awardPrice,
        Optional<String> unsoldReason,
        List<Line> history,
        long version) {

    public Sale {
        assets = List.copyOf(assets);
        industries = List.copyOf(industries);
        history = List.copyOf(history);
    }

    /** One offered asset: its title and kind. */
    public record Item(String id, String title, AssetKind kind) {}

    /**
     * The mechanism's published parameters: the start (or asking) price, whether a reserve exists, the fixed
     * increment (empty for a tiered schedule, whose next step {@link Sale#minimumBid} shows), the deposit each
     * bidder leaves, the period, the soft close, and a Dutch clock's step, interval and floor.
     */
    public record Rules(
            Money startPrice,
            boolean hasReserve,
            Optional<Money> increment,
            Money deposit,
            Instant startsAt,
            Instant scheduledEnd,
            Optional<Duration> extendWindow,
            Optional<Duration> extendBy,
            Optional<Instant> latestEnd,
            Optional<Clock> dutch) {}

    /** A descending clock: {@code step} off every {@code interval} from the start, never below {@code floor}. */
    public record Clock(Money step, Duration interval, Money floor) {}

    /**
     * Where the viewer stands: signed in for an organization, the seller or not, whether it leads, whether it has
     * joined the sale (bid before, so any deposit is already held), and whether it won.
     */
    public record Viewer(boolean signedIn, boolean seller, boolean leading, boolean joined, boolean won) {

        public static final Viewer ANONYMOUS = new Viewer(false, false, false, false, false);
    }

    /** One line of the history, newest first; {@code bidder} is the per-listing number, empty on sealed own bids. */
    public record Line(long sequence, Optional<Integer> bidder, boolean mine, String kind, Money amount, Instant at) {}

    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
