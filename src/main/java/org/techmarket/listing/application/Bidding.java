package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.listing.domain.AcceptPrice;
import org.techmarket.listing.domain.AuctionCommand;
import org.techmarket.listing.domain.AuctionResult;
import org.techmarket.listing.domain.AuctionView;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.domain.PlaceBid;
import org.techmarket.listing.domain.Purchase;
import org.techmarket.listing.persistence.Bidders.Bidder;
import org.techmarket.listing.persistence.Bids;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Bids, Dutch acceptances and fixed-price purchases. Each runs with the listing's row locked: re-hydrate the
 * sale, apply the command, hold the bidder's deposit if it is their first, store the new state and the bid; racing
 * bids on one listing therefore take turns, and a refused bid (or a deposit the bidder cannot pay) stores nothing.
 * An acceptance or purchase ends the sale, so it is awarded in the same transaction.
 */
@Service
public class Bidding {

    /** The answer to an accepted bid: whether the bidder now leads, the public price and the (possibly moved) end. */
    public record Accepted(String bidId, Listing listing, AuctionView view, boolean leading) {}

    /** How many times a bid is decided on the listing as committed before it waits for the listing's lock. */
    private static final int UNLOCKED_TRIES = 3;

    private final ListingAccess access;
    private final ListingChanges changes;
    private final Deposits deposits;
    private final Awarding awarding;
    private final Bids bids;
    private final Listings listings;
    private final BidGroups groups;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;

    Bidding(
            ListingAccess access,
            ListingChanges changes,
            Deposits deposits,
            Awarding awarding,
            Bids bids,
            Listings listings,
            BidGroups groups,
            TransactionTemplate transactions,
            IdGenerator ids,
            Clock clock) {
        this.access = access;
        this.changes = changes;
        this.deposits = deposits;
        this.awarding = awarding;
        this.bids = bids;
        this.listings = listings;
        this.groups = groups;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Accepted placeBid(Actor actor, String listingId, Money amount, Money maxAmount) {
        return placeBid(actor, listingId, amount, maxAmount, UNLOCKED_TRIES);
    }

    /** A bid, decided without the listing's lock up to {@code unlockedTries} times before it waits for the lock. */
    private Accepted placeBid(Actor actor, String listingId, Money amount, Money maxAmount, int unlockedTries) {
        String bidder = access.permitted(actor, MarketAction.BID).id();
        if (amount == null) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "amount", "an amount is required");
        }
        return take(
                actor,
                listingId,
                bidder,
                MarketAction.BID,
                "BID",
                (listing, id, at) -> placeBidCommand(listing, id, bidder, amount, maxAmount, at),
                unlockedTries);
    }

    /**
     * As {@link #placeBid}, for a caller outside any transaction, committed with the other bids that arrive meanwhile,
     * on this listing or others ({@link BidGroups}): the bid is answered once it is durable, as alone, and refused alone
     * when it is refused. A bid a group cannot take (a first bid, a broker's, a listing still to open, one that the bid
     * would end, or one another transaction holds) is placed alone in a transaction of its own, as {@link #placeBid}
     * places it.
     */
    public Accepted placeBidWithOthers(Actor actor, String listingId, Money amount, Money maxAmount) {
        if (amount == null
                || actor.agency().isPresent()
                || actor.organizationId().isEmpty()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return placeAlone(actor, listingId, amount, maxAmount);
        }
        String place = listingId + "\n" + actor.organizationId().get();
        if (!joinedHere.contains(place)) {
            // A first bid joins alone and under the lock: asking a group, or reading the listing without the lock
            // first, would cost it a read that finds it has not joined. A bidder who joined through another node
            // is served as well by the locked way.
            Accepted alone = transactions.execute(tx -> placeBid(actor, listingId, amount, maxAmount, 0));
            if (joinedHere.size() >= JOINED_REMEMBERED) {
                joinedHere.clear();
            }
            joinedHere.add(place);
            return alone;
        }
        GroupedBid bid = new GroupedBid(
                actor, listingId, amount, maxAmount, clock.instant().truncatedTo(ChronoUnit.MICROS));
        BidGroups.Answer answer = groups.place(listingId, bid, this::takeTogether);
        if (answer.refusal().isPresent()) {
            throw answer.refusal().get();
        }
        return answer.accepted().orElseGet(() -> placeAlone(actor, listingId, amount, maxAmount));
    }

    private Accepted placeAlone(Actor actor, String listingId, Money amount, Money maxAmount) {
        return transactions.execute(tx -> placeBid(actor, listingId, amount, maxAmount));
    }

    /** How many bidders' places on listings this node remembers before it forgets them all and learns them again. */
    private static final int JOINED_REMEMBERED = 100_000;

    /**
     * Listings and bidders (listing id, a line break, bidder id) that this node has seen bid, so have joined: only
     * their bids wait for a group. A hint, never a rule: a place forgotten or seen on another node only sends a bid
     * alone, and a group sends alone any bidder who has not joined.
     */
    private final Set<String> joinedHere = ConcurrentHashMap.newKeySet();

    /** A bid waiting to be taken with others on its listing, and when it arrived. */
    record GroupedBid(Actor actor, String listingId, Money amount, Money maxAmount, Instant at) {}

    /**
     * Takes a group of bids in the caller's transaction, on whatever listings they are for: the bidders'
     * organizations are share-locked together and each checked as a bid alone checks its own, the listings are locked
     * together with every bidder's place on them (a listing another transaction holds is passed over, and its bids
     * sent alone), each listing's bids are decided one after another on what the ones before them left, all the bids
     * are stored in one statement, their events are logged in one more, and each accepted bid announces the lead it
     * took, in their order. An English listing hears its bids in the group from the lowest amount up (arrival order
     * among equal amounts): they raced, none has been answered, so any order is one they could have arrived in, and
     * this one refuses none that another would accept for being below a bid that came before it in the group. Sealed
     * bids keep their arrival order, which says nothing of their amounts.
     */
    List<BidGroups.Answer> takeTogether(List<GroupedBid> group) {
        // Every bidder's organization share-locked with one statement, as each bid alone locks its own; a bidder
        // whose organization may not bid (suspended meanwhile) is refused alone, as its bid alone would be.
        Participants.Permissions permissions =
                access.permittedEach(group.stream().map(GroupedBid::actor).toList(), MarketAction.BID);
        Map<String, String> bidderOf = new HashMap<>();
        permissions.permitted().forEach((organization, summary) -> bidderOf.put(organization, summary.id()));
        // By identity: two requests may carry equal bids, and each gets its own answer.
        Map<GroupedBid, BidGroups.Answer> answers = new IdentityHashMap<>();
        Map<String, List<GroupedBid>> byListing = new HashMap<>();
        for (GroupedBid bid : group) {
            Rejection refused = permissions.refused().get(bid.actor().requireOrganization());
            if (refused != null) {
                answers.put(bid, BidGroups.Answer.of(refused));
            } else {
                byListing
                        .computeIfAbsent(bid.listingId(), id -> new ArrayList<>())
                        .add(bid);
            }
        }
        Map<String, Listings.ForBidders> locked =
                byListing.isEmpty() ? Map.of() : listings.lockForBidders(byListing.keySet(), bidderOf.values());
        List<TakenInGroup> taken = new ArrayList<>();
        List<Listings.TakenBids> stored = new ArrayList<>();
        locked.forEach((listingId, found) -> {
            List<TakenInGroup> on = takeOn(found, byListing.get(listingId), bidderOf, answers);
            if (!on.isEmpty()) {
                taken.addAll(on);
                stored.add(new Listings.TakenBids(
                        found.listing(),
                        on.get(on.size() - 1).taken().next(),
                        on.stream().map(t -> t.taken().row()).toList()));
            }
        });
        if (!stored.isEmpty()) {
            if (!listings.storeBids(stored)) {
                throw new IllegalStateException("a listing changed under its lock");
            }
            changes.record(taken.stream()
                    .map(t -> new ListingChanges.Step(
                            t.request().actor(), t.taken().bid().change()))
                    .toList());
            for (TakenInGroup t : taken) {
                answers.put(t.request(), BidGroups.Answer.of(answer(t.request().actor(), t.before(), t.taken())));
            }
        }
        // A bid on a listing passed over (held elsewhere) or not found is placed alone, which waits or answers 404.
        return group.stream()
                .map(bid -> answers.getOrDefault(bid, BidGroups.Answer.ALONE))
                .toList();
    }

    /** A bid a group took: its request, the listing as the bids before it left it, and what it did. */
    private record TakenInGroup(GroupedBid request, Listing before, Taken taken) {}

    /**
     * Decides a group's bids on one listing it locked, one after another on what the ones before them left (an English
     * listing's from the lowest amount up, a sealed one's in arrival order), and returns those it took; a bid refused
     * or sent alone is answered so in {@code answers}.
     */
    private List<TakenInGroup> takeOn(
            Listings.ForBidders found,
            List<GroupedBid> bids,
            Map<String, String> bidderOf,
            Map<GroupedBid, BidGroups.Answer> answers) {
        Listing current = found.listing();
        List<GroupedBid> order = new ArrayList<>(bids);
        if (!current.isSealed()) {
            order.sort(Comparator.comparingLong(bid -> bid.amount().minor()));
        }
        List<TakenInGroup> taken = new ArrayList<>();
        for (GroupedBid bid : order) {
            String bidder = bidderOf.get(bid.actor().requireOrganization());
            if (!ListingAccess.maySee(bid.actor(), current)
                    || !found.joined().containsKey(bidder)
                    || !current.openForBids(bid.at()).events().isEmpty()) {
                answers.put(bid, BidGroups.Answer.ALONE);
                continue;
            }
            try {
                String bidId = ids.newId();
                Taken next = Taken.of(
                        current,
                        bidId,
                        bidder,
                        "BID",
                        placeBidCommand(current, bidId, bidder, bid.amount(), bid.maxAmount(), bid.at()));
                if (next.result().outcome().isPresent()) {
                    answers.put(bid, BidGroups.Answer.ALONE);
                    continue;
                }
                taken.add(new TakenInGroup(bid, current, next));
                current = next.next();
            } catch (Rejection refused) {
                answers.put(bid, BidGroups.Answer.of(refused));
            }
        }
        return taken;
    }

    /** The auction's command for a bid, in the listing's currency (a bid in another is refused). */
    private static AuctionCommand placeBidCommand(
            Listing listing, String bidId, String bidder, Money amount, Money maxAmount, Instant at) {
        requireCurrency(listing, amount, "amount");
        if (maxAmount != null) {
            requireCurrency(listing, maxAmount, "maxAmount");
        }
        return new PlaceBid(
                bidId,
                bidder,
                amount.minor(),
                maxAmount == null ? OptionalLong.empty() : OptionalLong.of(maxAmount.minor()),
                at);
    }

    @Transactional
    public Accepted accept(Actor actor, String listingId) {
        String bidder = access.permitted(actor, MarketAction.ACCEPT_PRICE).id();
        return take(
                actor,
                listingId,
                bidder,
                MarketAction.ACCEPT_PRICE,
                "ACCEPTANCE",
                (listing, id, at) -> new AcceptPrice(id, bidder, at),
                UNLOCKED_TRIES);
    }

    @Transactional
    public Accepted purchase(Actor actor, String listingId) {
        String buyer = access.permitted(actor, MarketAction.PURCHASE).id();
        return take(
                actor,
                listingId,
                buyer,
                MarketAction.PURCHASE,
                "PURCHASE",
                (listing, id, at) -> new Purchase(id, buyer, at),
                UNLOCKED_TRIES);
    }

    /** Builds the engine command for a locked listing. */
    @FunctionalInterface
    private interface CommandFor {
        AuctionCommand build(Listing listing, String bidId, Instant at);
    }

    private Accepted take(
            Actor actor,
            String listingId,
            String bidder,
            MarketAction action,
            String kind,
            CommandFor commandFor,
            int unlockedTries) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Accepted> unwaited = unlockedTries > 0
                ? takeUnlocked(actor, listingId, bidder, kind, commandFor, at, unlockedTries)
                : Optional.empty();
        if (unwaited.isPresent()) {
            return unwaited.get();
        }
        Listings.ForBidder locked = access.lockVisibleForBidder(actor, listingId, bidder);
        access.requireAgentMay(actor, action, listingId, locked.listing().assetIds());
        Listing listing = changes.store(Actor.SYSTEM, locked.listing().openForBids(at));
        Optional<Bidder> joined = locked.bidder();
        if (joined.isEmpty()) {
            // Checked when a bidder joins: owners change only by an assignment or an upheld dispute, and either
            // ends the listing, so a bidder who joined as a non-owner needs no asset read on every later bid.
            access.requireNotOwner(listing, bidder);
        }
        String bidId = ids.newId();
        Taken taken = Taken.of(listing, bidId, bidder, kind, commandFor.build(listing, bidId, at));
        if (taken.result().outcome().isEmpty()) {
            // A first bid that leaves the sale open joins its bidder in the statement that stores it.
            boolean stored = joined.isEmpty()
                    ? listings.storeFirstBid(listing, taken.next(), taken.row(), deposits.hold(actor, listing, bidder))
                    : listings.storeBid(listing, taken.next(), taken.row());
            if (!stored) {
                throw new IllegalStateException("listing " + listingId + " changed under its lock");
            }
            return accepted(actor, listing, taken);
        }
        if (joined.isEmpty()) {
            deposits.joinNew(actor, listing, bidder, at);
        }
        bids.add(taken.row());
        changes.record(actor, taken.bid().change());
        changes.announceLead(listing, taken.leaderBefore(), taken.result().view(), bidId, at);
        Listing stored = awarding.settle(new Listing.Change(taken.next(), List.of()), at);
        return new Accepted(bidId, stored, taken.result().view(), true);
    }

    /**
     * A bid that needs nothing but the listing's new state and its own row (a bidder who has joined, a listing already
     * open, a sale it does not end), decided on the listing as last committed and stored only if the listing is still
     * so: the listing's row lock is then taken by the store itself and held only for the bid's last writes and its
     * commit, not while it is read and decided, and a bid refused on what was committed (too low, the sale over) waits
     * for no lock at all. A listing that moved since it was read (another bid came first) is read and decided again,
     * {@code tries} times in all. Empty when the bid needs the locked way: a first bid, an opening, an ending, a
     * broker's bid, or a listing still moving after those tries.
     */
    private Optional<Accepted> takeUnlocked(
            Actor actor, String listingId, String bidder, String kind, CommandFor commandFor, Instant at, int tries) {
        if (actor.agency().isPresent()) {
            return Optional.empty();
        }
        Listings.ForBidder seen = access.visibleForBidder(actor, listingId, bidder);
        Listing listing = seen.listing();
        if (seen.bidder().isEmpty() || !listing.openForBids(at).events().isEmpty()) {
            return Optional.empty();
        }
        String bidId = ids.newId();
        Taken taken = Taken.of(listing, bidId, bidder, kind, commandFor.build(listing, bidId, at));
        if (taken.result().outcome().isPresent()) {
            return Optional.empty();
        }
        if (!listings.storeBid(listing, taken.next(), taken.row())) {
            // Losing the race here usually makes the bid too low: told so from what the winner left, without the lock.
            return tries > 1
                    ? takeUnlocked(actor, listingId, bidder, kind, commandFor, at, tries - 1)
                    : Optional.empty();
        }
        return Optional.of(accepted(actor, listing, taken));
    }

    /** Logs a stored bid that left the sale open, announces a lead it took, and answers it. */
    private Accepted accepted(Actor actor, Listing listing, Taken taken) {
        changes.record(actor, taken.bid().change());
        return answer(actor, listing, taken);
    }

    /** Announces a lead the stored and logged bid took, and answers it. */
    private Accepted answer(Actor actor, Listing listing, Taken taken) {
        AuctionView view = taken.result().view();
        Bids.Bid row = taken.row();
        changes.announceLead(listing, taken.leaderBefore(), view, row.id(), row.placedAt());
        Listing next = taken.next();
        return new Accepted(row.id(), listing.isSealed() ? next : next.stored(), view, view.isLeading(row.bidderId()));
    }

    /** A command the listing's sale took: its result, the listing after it, its row, and who led before it. */
    private record Taken(Listing.Bid bid, Bids.Bid row, Optional<String> leaderBefore) {

        static Taken of(Listing listing, String bidId, String bidder, String kind, AuctionCommand command) {
            Optional<String> leaderBefore = listing.auction().view(command.at()).leaderId();
            Listing.Bid bid = listing.placeBid(command);
            Bids.Bid row = new Bids.Bid(
                    bidId,
                    listing.id(),
                    bidder,
                    kind,
                    amountOf(command, bid.result()),
                    command instanceof PlaceBid placed ? placed.maxAmount() : OptionalLong.empty(),
                    bid.change().listing().bidCount(),
                    command.at());
            return new Taken(bid, row, leaderBefore);
        }

        AuctionResult result() {
            return bid.result();
        }

        Listing next() {
            return bid.change().listing();
        }
    }

    private static long amountOf(AuctionCommand command, AuctionResult result) {
        if (command instanceof PlaceBid bid) {
            return bid.amount();
        }
        return result.outcome()
                .filter(o -> o instanceof Outcome.Award)
                .map(o -> ((Outcome.Award) o).price())
                .orElse(0L);
    }

    private static void requireCurrency(Listing listing, Money money, String field) {
        if (!money.currency().equals(listing.currency())) {
            throw Rejection.invalid(SharedCodes.CURRENCY_MISMATCH, field, "the listing is in " + listing.currency());
        }
    }
}
