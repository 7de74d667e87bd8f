package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.Payout;
import org.techmarket.deal.domain.Settlement;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealDeliveries.Document;
import org.techmarket.deal.persistence.DealDeliveries.RecordedGrant;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.Deals;
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
import org.techmarket.shared.Rejection;

/**
 * Moves a deal's money and rights: the buyer funds escrow (the deposit counts), the seller delivers, the buyer
 * accepts (or the acceptance period lapses), and escrow pays the seller less the venue fee while the rights
 * registry records what passes. Every step locks the deal row first and checks its status under that lock, so
 * racing requests move money once and change rights once.
 */
@Service
public class DealSettlement {

    private final DealAccess access;
    private final Deals deals;
    private final DealDeliveries deliveries;
    private final Ledger ledger;
    private final RightsRegistry rights;
    private final Settlement settlement;
    private final DealJournal journal;
    private final Assets assets;
    private final Clock clock;

    /** A term for an asset whose expiry the registry does not know: longer than any patent lasts. */
    private static final int UNKNOWN_EXPIRY_YEARS = 30;

    DealSettlement(DealAccess access, Deals deals, DealDeliveries deliveries, Ledger ledger, RightsRegistry rights,
            Settlement settlement, DealJournal journal, Assets assets, Clock clock) {
        this.assets = assets;
        this.access = access;
        this.deals = deals;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.rights = rights;
        this.settlement = settlement;
        this.journal = journal;
        this.clock = clock;
    }

    /** The buyer places the price in escrow: first what the deposit hold still has, then from available funds. */
    @Transactional
    public DealRow fund(Actor actor, String dealId) {
        DealRow deal = access.lockedForParty(actor, dealId);
        String buyer = DealAccess.buyerOnly(actor, deal);
        DealRow funded = deal.withStatus(deal.status().transitionTo(DealStatus.FUNDED, deal.contractType()),
                clock.instant());
        String currency = deal.price().currency();
        AccountId escrow = ledger.openEscrow(actor, dealId, currency);
        Money captured = Money.zero(currency);
        Optional<Hold> deposit = deal.depositHoldId().flatMap(ledger::findHold)
                .filter(h -> h.organizationId().equals(buyer) && h.remaining().isPositive());
        if (deposit.isPresent()) {
            long take = Math.min(deposit.get().remaining().minor(), deal.price().minor());
            captured = Money.of(take, currency);
            ledger.capture(actor, deposit.get().id(), captured, escrow);
            if (deposit.get().remaining().minor() > take) {
                ledger.release(actor, deposit.get().id());
            }
        }
        Money rest = deal.price().minus(captured);
        if (rest.isPositive()) {
            ledger.transfer(actor, TransferRequest.of(AccountId.available(buyer, currency), escrow, rest,
                    "DEAL_FUNDING", "deal:" + dealId));
        }
        deals.updateStatus(funded);
        journal.record(actor.auditName(), "DealFunded", funded, funded.updatedAt(), Map.of("price",
                deal.price().decimal(), "fromDeposit", captured.decimal(), "fromAvailable", rest.decimal()));
        return funded;
    }

    /** The seller records what it delivered; the acceptance period starts now. */
    @Transactional
    public DealRow deliver(Actor actor, String dealId, List<Document> documents) {
        requireDocuments(documents);
        DealRow deal = access.lockedForParty(actor, dealId);
        DealAccess.sellerOnly(actor, deal);
        Instant now = clock.instant();
        DealRow delivered = deal.withStatus(deal.status().transitionTo(DealStatus.DELIVERED, deal.contractType()), now);
        Instant deadline = DealTerms.contract(deal).acceptanceDeadline(now);
        deals.updateStatus(delivered);
        deals.setDelivery(dealId, now, deadline);
        deliveries.addDocuments(dealId, documents);
        journal.record(actor.auditName(), "DeliveryRecorded", delivered, now, Map.of("documents",
                documents.stream().map(Document::sha256).toList(), "acceptanceDeadline", deadline.toString()));
        return deals.find(dealId).orElseThrow();
    }

    /** The buyer accepts the delivery, which completes the deal. */
    @Transactional
    public DealRow accept(Actor actor, String dealId) {
        DealRow deal = access.lockedForParty(actor, dealId);
        DealAccess.buyerOnly(actor, deal);
        return acceptAndComplete(actor.auditName(), deal, "DeliveryAccepted");
    }

    /** Accepts one deal whose acceptance period has lapsed at {@code asOf}; empty when there is none left. */
    @Transactional
    public Optional<DealRow> acceptOneLapsed(Instant asOf) {
        return deals.claimLapsedAcceptance(asOf)
                .map(deal -> acceptAndComplete(Actor.SYSTEM.auditName(), deal, "DeliveryAcceptedAutomatically"));
    }

    private DealRow acceptAndComplete(String actor, DealRow deal, String event) {
        Instant now = clock.instant();
        DealRow accepted = deal.withStatus(deal.status().transitionTo(DealStatus.ACCEPTED, deal.contractType()), now);
        deals.updateStatus(accepted);
        journal.record(actor, event, accepted, now, Map.of());
        return complete(actor, accepted, now);
    }

    private DealRow complete(String actor, DealRow deal, Instant now) {
        DealRow completed = deal.withStatus(deal.status().transitionTo(DealStatus.COMPLETED, deal.contractType()), now);
        String currency = deal.price().currency();
        AccountId escrow = AccountId.escrow(deal.id(), currency);
        Payout payout = settlement.release(ledger.balance(escrow).minor());
        List<TransferRequest> batch = new ArrayList<>();
        if (payout.toSeller() > 0) {
            batch.add(TransferRequest.of(escrow, AccountId.available(deal.seller().organizationId(), currency),
                    Money.of(payout.toSeller(), currency), "DEAL_PAYOUT", "deal:" + deal.id()));
        }
        if (payout.toFees() > 0) {
            batch.add(TransferRequest.of(escrow, AccountId.fees(deal.venueId(), currency),
                    Money.of(payout.toFees(), currency), "VENUE_FEE", "deal:" + deal.id()));
        }
        if (!batch.isEmpty()) {
            ledger.transferAll(Actor.SYSTEM, batch);
        }
        List<RecordedGrant> grants = passRights(deal, now);
        grants.forEach(g -> deliveries.addGrant(deal.id(), g));
        deals.updateStatus(completed);
        journal.record(actor, "DealCompleted", completed, now, Map.of("toSeller", payout.toSeller(),
                "toFees", payout.toFees(), "grants", grants.stream().map(RecordedGrant::grantId).toList()));
        return completed;
    }

    /** Records the assignment or licence on each asset, once per deal and asset; an open licence was granted when taken. */
    private List<RecordedGrant> passRights(DealRow deal, Instant now) {
        if (deal.openLicenceGrantId().isPresent()) {
            return List.of(new RecordedGrant(deal.assets().get(0).assetId(), deal.openLicenceGrantId().get()));
        }
        List<RecordedGrant> recorded = new ArrayList<>();
        for (var asset : deal.assets()) {
            String cause = deal.assets().size() == 1 ? deal.id() : deal.id() + "/" + asset.assetId();
            GrantScope scope = deal.grantKind() == GrantKind.ASSIGNMENT
                    ? new GrantScope(List.of(DealTerms.ALL_FIELDS), List.of(DealTerms.WORLD),
                            LocalDate.ofInstant(now, ZoneOffset.UTC), null)
                    : DealTerms.grantScope(deal);
            if (scope.end() == null) {
                // "As long as the rights last": the registry wants the day protection ends.
                scope = new GrantScope(scope.fields(), scope.territories(), scope.start(),
                        protectionEnds(asset.assetId(), scope.start()));
            }
            GrantTerms terms = new GrantTerms(deal.grantKind(), deal.buyer().organizationId(), scope, false, false,
                    Optional.empty());
            var grant = rights.record(cause, asset.assetId(), rights.owners(asset.assetId()), terms);
            recorded.add(new RecordedGrant(asset.assetId(), grant.id()));
        }
        return recorded;
    }

    private LocalDate protectionEnds(String assetId, LocalDate start) {
        return assets.find(assetId).flatMap(AssetSummary::expiresOn).filter(end -> end.isAfter(start))
                .orElse(start.plusYears(UNKNOWN_EXPIRY_YEARS));
    }

    private static void requireDocuments(List<Document> documents) {
        if (documents == null || documents.isEmpty()) {
            throw Rejection.invalid("DOCUMENTS_REQUIRED", "documents", "a delivery names at least one document");
        }
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            if (d == null || d.sha256() == null || !d.sha256().matches("[0-9a-f]{64}")) {
                throw Rejection.invalid("INVALID_DOCUMENT_HASH", "documents[" + i + "].sha256",
                        "a document is identified by its SHA-256 in 64 lowercase hex digits");
            }
            if (d.description() == null || d.description().isBlank() || d.description().length() > 1000) {
                throw Rejection.invalid("INVALID_DOCUMENT_DESCRIPTION", "documents[" + i + "].description",
                        "a document has a description of 1 to 1000 characters");
            }
        }
    }
}
