package org.techmarket.deal.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.techmarket.deal.DealFees;
import org.techmarket.deal.DealFees.DealFeeQuery;
import org.techmarket.deal.DealFees.FeeTerms;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.FeeShare;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.domain.Settlement;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Money;

/**
 * The fee a deal pays and where it goes: its venue's fee schedule when the venue module has one for it, otherwise the
 * configured rate; shared with the venue that introduced the buyer when there is one.
 */
@Component
class DealFeeRules {

    private final DealSettings settings;
    private final ObjectProvider<DealFees> venueFees;
    private final DealContracts contracts;
    private final Clock clock;

    DealFeeRules(DealSettings settings, ObjectProvider<DealFees> venueFees, DealContracts contracts, Clock clock) {
        this.settings = settings;
        this.venueFees = venueFees;
        this.contracts = contracts;
        this.clock = clock;
    }

    /**
     * The money rules of this deal's payouts before anything reached its seller: a deal paid in instalments pays its
     * fee over the whole price, a payout being its share.
     */
    Settlement settlementFor(Deal deal) {
        return settlementFor(deal, contracts.instalments(deal.id()).isPresent(), terms(deal));
    }

    /** As {@link #settlementFor(Deal)}, with what the step already read: whether it is paid in instalments, its fees. */
    Settlement settlementFor(Deal deal, boolean inInstalments, Optional<FeeTerms> terms) {
        Settlement settlement = rates(terms);
        return inInstalments ? settlement.partOf(deal.price().minor(), 0) : settlement;
    }

    /**
     * The money rules of an instalment paid after the deal completed: every instalment paid before it has reached
     * the seller, so its fee is its share of the deal's fee after theirs.
     */
    Settlement settlementFor(Deal deal, InstalmentPlan plan) {
        long paidOut = plan.entries().stream()
                .filter(InstalmentPlan.Entry::paid)
                .mapToLong(e -> e.amount().minor())
                .sum();
        return rates(terms(deal)).partOf(deal.price().minor(), paidOut);
    }

    private Settlement rates(Optional<FeeTerms> terms) {
        return terms.map(t -> new Settlement(t.basisPoints(), t.minimumFen(), t.maximumFen()))
                .orElseGet(() -> new Settlement(settings.feeBasisPoints()));
    }

    /** The transfers that pay {@code fee} from {@code from} to the venues, and the venues told how it was shared. */
    List<TransferRequest> feeTransfers(Deal deal, AccountId from, Money fee, String cause) {
        return fee.isPositive() ? feeTransfers(deal, from, fee, cause, terms(deal)) : new ArrayList<>();
    }

    /** As {@link #feeTransfers(Deal, AccountId, Money, String)}, with the fee terms the step already read. */
    List<TransferRequest> feeTransfers(Deal deal, AccountId from, Money fee, String cause, Optional<FeeTerms> terms) {
        List<TransferRequest> transfers = new ArrayList<>();
        if (!fee.isPositive()) {
            return transfers;
        }
        Optional<String> introducer = terms.flatMap(FeeTerms::introducingVenueId);
        FeeShare share =
                FeeShare.of(fee.minor(), introducer.isPresent() ? terms.get().introducerShareBasisPoints() : 0);
        String currency = fee.currency();
        if (share.toListingVenue() > 0) {
            transfers.add(TransferRequest.of(
                    from,
                    AccountId.fees(deal.venueId(), currency),
                    Money.of(share.toListingVenue(), currency),
                    "VENUE_FEE",
                    cause));
        }
        if (share.toIntroducer() > 0) {
            transfers.add(TransferRequest.of(
                    from,
                    AccountId.fees(introducer.get(), currency),
                    Money.of(share.toIntroducer(), currency),
                    "VENUE_FEE",
                    cause));
        }
        venueFees.ifAvailable(v -> v.feePaid(new DealFees.FeePaid(
                deal.id(),
                deal.venueId(),
                introducer,
                fee,
                share.toListingVenue(),
                share.toIntroducer(),
                clock.instant())));
        return transfers;
    }

    /** The deal's venue fee terms, when the venue module has them. */
    Optional<FeeTerms> terms(Deal deal) {
        DealFees fees = venueFees.getIfAvailable();
        if (fees == null) {
            return Optional.empty();
        }
        return fees.termsFor(new DealFeeQuery(
                deal.id(),
                deal.venueId(),
                deal.listingId(),
                deal.mechanism(),
                deal.contractType().name(),
                deal.buyer().organizationId()));
    }
}
