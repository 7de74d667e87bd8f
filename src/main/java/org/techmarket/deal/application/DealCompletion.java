package org.techmarket.deal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetSummary;
import org.techmarket.deal.DealFees;
import org.techmarket.deal.SecuredClaims;
import org.techmarket.deal.domain.BuyersCommission;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.Payout;
import org.techmarket.deal.persistence.DealBrokers;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealDeliveries.RecordedGrant;
import org.techmarket.deal.persistence.DealPaymentTerms;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * The two irreversible effects of closing a deal, used by acceptance, disputes and defaults under the deal's row
 * lock: paying escrow out (seller, venue fees, buyer, the buyer's broker) as one balanced ledger batch, and having the rights registry
 * record what passes, once per deal and asset.
 */
@Component
class DealCompletion {

    /** A term for an asset whose expiry the registry does not know: longer than any patent lasts. */
    private static final int UNKNOWN_EXPIRY_YEARS = 30;

    /** The ledger's reason for the buyer's broker's commission: placed in escrow at funding, paid out at completion. */
    static final String BUYER_BROKER_COMMISSION = "BUYER_BROKER_COMMISSION";

    private final Ledger ledger;
    private final RightsRegistry rights;
    private final DealDeliveries deliveries;
    private final DealBrokers brokers;
    private final DealFeeRules fees;
    private final DealContracts contracts;
    private final List<SecuredClaims> claims;

    DealCompletion(
            Ledger ledger,
            RightsRegistry rights,
            DealDeliveries deliveries,
            DealBrokers brokers,
            DealFeeRules fees,
            DealContracts contracts,
            List<SecuredClaims> claims) {
        this.contracts = contracts;
        this.claims = List.copyOf(claims);
        this.brokers = brokers;
        this.fees = fees;
        this.ledger = ledger;
        this.rights = rights;
        this.deliveries = deliveries;
    }

    /**
     * The award deposit still held from the buyer for the deal, if any; a deposit whose hold has come due is on its
     * way back to the buyer and can no longer be captured.
     */
    /**
     * True when the deal's hold is a commission's reserve (only a direct contract has a hold, and only when a
     * commission reserved its price), not a sale's deposit: it pays every instalment and is never forfeited.
     */
    static boolean isReserve(Deal deal) {
        return DirectContracts.DIRECT.equals(deal.mechanism())
                && deal.depositHoldId().isPresent();
    }

    Optional<Hold> heldDeposit(Deal deal, Instant now) {
        return deal.depositHoldId()
                .flatMap(ledger::findHold)
                .filter(h -> h.organizationId().equals(deal.buyer().organizationId())
                        && h.remaining().isPositive()
                        && !h.isDue(now));
    }

    Money escrowBalance(Deal deal) {
        return ledger.balance(AccountId.escrow(deal.id(), deal.price().currency()));
    }

    /** The commission the deal's contract states for the buyer's broker, held in escrow once funded; or none. */
    BuyersCommission buyersCommission(Deal deal) {
        return brokers.buyersBroker(deal.id())
                .map(DealBrokers.BuyersBroker::commission)
                .orElse(BuyersCommission.NONE);
    }

    /** Pays the deal's escrow out as {@code payout} says, in one atomic batch. */
    void payOut(Deal deal, Payout payout) {
        post(transfers(
                deal,
                payout,
                payout.toBuyersBroker() > 0 ? brokers.buyersBroker(deal.id()) : Optional.empty(),
                feeTerms(deal, payout)));
    }

    /**
     * Pays the escrow out as a completion does: as {@link #payOut}, and in the same batch the commission the contract
     * states for the seller's broker passes from the seller's proceeds to the broker (at most what the seller
     * receives now), so that it shows on both their statements.
     */
    void payOutCompleting(Deal deal, Payout payout) {
        post(completing(deal, payout, contracts.terms(deal.id()), feeTerms(deal, payout)));
    }

    /** The venue's fee terms when the payout pays a fee; no read when it pays none. */
    Optional<DealFees.FeeTerms> feeTerms(Deal deal, Payout payout) {
        return payout.toFees() > 0 ? fees.terms(deal) : Optional.empty();
    }

    /**
     * The batch {@link #payOutCompleting} posts, with the terms the step already read; a lender's claim on the
     * proceeds is settled now (its pledges released), the money moving when the batch is posted.
     */
    List<TransferRequest> completing(
            Deal deal, Payout payout, DealPaymentTerms.Terms terms, Optional<DealFees.FeeTerms> feeTerms) {
        List<TransferRequest> batch = transfers(deal, payout, terms.buyersBroker(), feeTerms);
        String currency = deal.price().currency();
        var broker = terms.sellerBroker();
        long commission =
                broker.map(b -> Math.min(b.commissionFen(), payout.toSeller())).orElse(0L);
        if (commission > 0) {
            batch.add(TransferRequest.of(
                    AccountId.available(deal.seller().organizationId(), currency),
                    AccountId.available(broker.get().brokerId(), currency),
                    Money.of(commission, currency),
                    "BROKER_COMMISSION",
                    "deal:" + deal.id()));
        }
        long proceeds = payout.toSeller() - commission;
        deal.listingId()
                .flatMap(listing -> claims.stream()
                        .flatMap(c -> c.settleOnSale(listing, deal.id(), currency, proceeds).stream())
                        .findFirst())
                .filter(claim -> claim.amount() > 0)
                .ifPresent(claim -> batch.add(TransferRequest.of(
                        AccountId.available(deal.seller().organizationId(), currency),
                        AccountId.available(claim.creditorId(), currency),
                        Money.of(claim.amount(), currency),
                        "SECURED_CLAIM",
                        "deal:" + deal.id())));
        return batch;
    }

    /** Posts a payout's batch in one atomic ledger batch; nothing when it moves nothing. */
    void post(List<TransferRequest> batch) {
        if (!batch.isEmpty()) {
            ledger.transferAll(Actor.SYSTEM, batch);
        }
    }

    /**
     * Posts a payout's batch as the step commits, after its other writes, notices and audit events: the seller's and
     * the venue's accounts, which every completion of theirs credits, stay locked only for the posting, the feed's
     * entry and the commit. Escrow, the one account it debits, moves only under the deal's lock, which the step holds.
     */
    void postAtCommit(List<TransferRequest> batch) {
        if (!batch.isEmpty()) {
            ledger.transferAllAtCommit(Actor.SYSTEM, batch);
        }
    }

    private List<TransferRequest> transfers(
            Deal deal,
            Payout payout,
            Optional<DealBrokers.BuyersBroker> buyersBroker,
            Optional<DealFees.FeeTerms> feeTerms) {
        String currency = deal.price().currency();
        AccountId escrow = AccountId.escrow(deal.id(), currency);
        String cause = "deal:" + deal.id();
        List<TransferRequest> batch = new ArrayList<>();
        if (payout.toSeller() > 0) {
            batch.add(TransferRequest.of(
                    escrow,
                    AccountId.available(deal.seller().organizationId(), currency),
                    Money.of(payout.toSeller(), currency),
                    "DEAL_PAYOUT",
                    cause));
        }
        batch.addAll(fees.feeTransfers(deal, escrow, Money.of(payout.toFees(), currency), cause, feeTerms));
        if (payout.toBuyer() > 0) {
            batch.add(TransferRequest.of(
                    escrow,
                    AccountId.available(deal.buyer().organizationId(), currency),
                    Money.of(payout.toBuyer(), currency),
                    "DEAL_REFUND",
                    cause));
        }
        if (payout.toBuyersBroker() > 0) {
            String broker = buyersBroker
                    .orElseThrow(() -> new IllegalStateException("deal " + deal.id() + " has no buyer's broker to pay"))
                    .brokerId();
            batch.add(TransferRequest.of(
                    escrow,
                    AccountId.available(broker, currency),
                    Money.of(payout.toBuyersBroker(), currency),
                    BUYER_BROKER_COMMISSION,
                    cause));
        }
        return batch;
    }

    /**
     * Records the assignment or licence on each asset and notes it on the deal; an open licence was granted when
     * it was taken, so its deal only notes that grant.
     */
    List<RecordedGrant> passRights(Deal deal, Instant now) {
        List<RecordedGrant> recorded = new ArrayList<>();
        if (deal.grantKind().isEmpty()) {
            // Development, consulting and service contracts buy work; no rights in an asset pass.
            return recorded;
        }
        if (deal.openLicenceGrantId().isPresent()) {
            recorded.add(new RecordedGrant(
                    deal.assets().get(0).assetId(), deal.openLicenceGrantId().get()));
        } else {
            for (var asset : deal.assets()) {
                String cause = deal.assets().size() == 1 ? deal.id() : deal.id() + "/" + asset.assetId();
                // the registry reads the asset once, under its lock, for its owners and for the scope's end
                var grant = rights.recordByOwners(
                        cause,
                        asset.assetId(),
                        deal.grantKind().orElseThrow(),
                        registered -> new GrantTerms(
                                deal.grantKind().orElseThrow(),
                                deal.buyer().organizationId(),
                                scope(deal, registered, now),
                                false,
                                false,
                                Optional.empty()));
                recorded.add(new RecordedGrant(asset.assetId(), grant.id()));
            }
        }
        recorded.forEach(g -> deliveries.addGrant(deal.id(), g));
        return recorded;
    }

    private GrantScope scope(Deal deal, AssetSummary asset, Instant now) {
        GrantScope scope = deal.grantKind().orElseThrow() == GrantKind.ASSIGNMENT
                ? GrantScope.unrestricted(LocalDate.ofInstant(now, ZoneOffset.UTC), null)
                : deal.scope();
        if (scope.end() != null) {
            return scope;
        }
        // "As long as the rights last": the registry wants the first day the asset is no longer protected.
        LocalDate end = asset.expiresOn()
                .filter(expiry -> expiry.isAfter(scope.start()))
                .orElse(scope.start().plusYears(UNKNOWN_EXPIRY_YEARS));
        return new GrantScope(scope.fields(), scope.territories(), scope.start(), end);
    }
}
