package org.techmarket.deal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.techmarket.deal.domain.DealEvent.Agreement;
import org.techmarket.deal.domain.DealEvent.BuyerWalkedAway;
import org.techmarket.deal.domain.DealEvent.CancellationProposed;
import org.techmarket.deal.domain.DealEvent.ContractRegistered;
import org.techmarket.deal.domain.DealEvent.ContractSigned;
import org.techmarket.deal.domain.DealEvent.DealCancelled;
import org.techmarket.deal.domain.DealEvent.DealCompleted;
import org.techmarket.deal.domain.DealEvent.DealFunded;
import org.techmarket.deal.domain.DealEvent.DealOpened;
import org.techmarket.deal.domain.DealEvent.DealSigned;
import org.techmarket.deal.domain.DealEvent.DeliveryAccepted;
import org.techmarket.deal.domain.DealEvent.DeliveryAcceptedAutomatically;
import org.techmarket.deal.domain.DealEvent.DeliveryRecorded;
import org.techmarket.deal.domain.DealEvent.DisputeOpened;
import org.techmarket.deal.domain.DealEvent.DisputeResolved;
import org.techmarket.deal.domain.DealEvent.FundingDefaulted;
import org.techmarket.deal.domain.DealEvent.InstalmentPaid;
import org.techmarket.deal.domain.DealEvent.OfferedToRunnerUp;
import org.techmarket.deal.domain.DealEvent.RunnerUpMayBeOffered;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A deal struck on the market: what opened it, its contract terms as the rights registry and the contract read them,
 * the rendered contract and its hash, its status and its deadlines. Every step is named for what happens in the
 * market, moves the status only as {@link DealStatus}' table allows, and returns the changed deal with the events it
 * records; the funding deadline starts when both parties have signed, the acceptance period when the seller
 * delivers, and escrow once funded leaves only by acceptance or an operator's decision on a dispute. Only a transfer
 * or a licence has a grant kind: a development, consulting or service contract passes no rights in an asset.
 */
public record Deal(
        String id,
        String cause,
        String venueId,
        Optional<String> listingId,
        Optional<String> openLicenceGrantId,
        String mechanism,
        DealStatus status,
        ContractType contractType,
        Optional<GrantKind> grantKind,
        Optional<TransferSubject> transferSubject,
        Optional<LicenceKind> licenceKind,
        Party seller,
        Party buyer,
        List<ContractAsset> assets,
        List<String> scopeFields,
        List<String> scopeTerritories,
        LocalDate scopeStart,
        Optional<LocalDate> scopeEnd,
        Money price,
        LocalDate paymentDue,
        int acceptanceDays,
        String deliveryObligations,
        Optional<String> depositHoldId,
        Optional<String> runnerUpId,
        Optional<Money> runnerUpPrice,
        String contractHash,
        String contractZh,
        String contractEn,
        Optional<Instant> fundingDeadline,
        Optional<Instant> deliveredAt,
        Optional<Instant> acceptanceDeadline,
        Instant createdAt,
        Instant updatedAt) {

    /** The cause of a deal the seller of a defaulted deal offered to its runner-up: this prefix and that deal's id. */
    public static final String RUNNER_UP_CAUSE = "runner-up:";

    /** A step of a deal: the deal as it now stands and what happened, in order. */
    public record Moved(Deal deal, List<DealEvent> events) {
        public Moved {
            events = List.copyOf(events);
        }

        /** The step's event of {@code type}. */
        public <E extends DealEvent> E event(Class<E> type) {
            return events.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst()
                    .orElseThrow();
        }
    }

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contractType, "contractType");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(price, "price");
        if (grantKind.isPresent() != contractType.passesRights()) {
            throw new IllegalArgumentException("a " + contractType + " deal "
                    + (contractType.passesRights() ? "passes rights of a grant kind" : "passes no rights") + ": "
                    + grantKind);
        }
        assets = List.copyOf(assets);
        scopeFields = List.copyOf(scopeFields);
        scopeTerritories = List.copyOf(scopeTerritories);
    }

    /** The scope of the rights the deal passes, as the registry and the contract read it. */
    public GrantScope scope() {
        return new GrantScope(scopeFields, scopeTerritories, scopeStart, scopeEnd.orElse(null));
    }

    public boolean isParty(String organizationId) {
        return seller.organizationId().equals(organizationId)
                || buyer.organizationId().equals(organizationId);
    }

    /** The defaulted deal this one was offered to the runner-up from, when it was. */
    public Optional<String> previousDealId() {
        return cause.startsWith(RUNNER_UP_CAUSE)
                ? Optional.of(cause.substring(RUNNER_UP_CAUSE.length()))
                : Optional.empty();
    }

    /** The contract is rendered: the deal leaves DRAFT and waits for both parties' signatures. */
    public Moved open(String hash, String zh, String en, PaymentSchedule.Kind payment, Instant now) {
        Deal opened = with(
                status.transitionTo(DealStatus.SIGNING, contractType),
                hash,
                zh,
                en,
                fundingDeadline,
                deliveredAt,
                acceptanceDeadline,
                now);
        return new Moved(opened, List.of(new DealOpened(now, cause, contractType, price, payment.name(), hash)));
    }

    /** {@code organizationId} signs the contract hash, which the organizations {@code signedBy} have signed. */
    public Moved addSignature(
            Set<String> signedBy, String organizationId, String signatureId, KeyKind keyKind, Instant now) {
        if (status != DealStatus.SIGNING) {
            throw Rejection.conflict(
                    DealCodes.DEAL_NOT_SIGNING,
                    "Deal " + id + " is " + status + "; only a deal in SIGNING can be signed");
        }
        if (signedBy.contains(organizationId)) {
            throw Rejection.conflict(DealCodes.ALREADY_SIGNED, "Your organization has already signed this contract");
        }
        return new Moved(this, List.of(new ContractSigned(now, signatureId, organizationId, contractHash, keyKind)));
    }

    /**
     * Once both parties are among {@code signedBy} the deal is SIGNED and the buyer has {@code fundingPeriod} to
     * fund it; until then nothing moves.
     */
    public Optional<Moved> sign(Set<String> signedBy, Instant now, Duration fundingPeriod) {
        if (!signedBy.containsAll(List.of(seller.organizationId(), buyer.organizationId()))) {
            return Optional.empty();
        }
        Instant deadline = now.plus(fundingPeriod);
        Deal signed = with(
                status.transitionTo(DealStatus.SIGNED, contractType),
                contractHash,
                contractZh,
                contractEn,
                Optional.of(deadline),
                deliveredAt,
                acceptanceDeadline,
                now);
        return Optional.of(new Moved(signed, List.of(new DealSigned(now, deadline))));
    }

    /** The buyer places {@code funded} in escrow, {@code fromDeposit} of it out of the award deposit. */
    public Moved fund(Money funded, Money fromDeposit, Instant now) {
        return new Moved(moveTo(DealStatus.FUNDED, now), List.of(new DealFunded(now, price, funded, fromDeposit)));
    }

    /**
     * The buyer pays instalment {@code number} of {@code plan}: into escrow until the delivery is accepted, once the
     * deal is COMPLETED through escrow to the seller as {@code settlement} releases it.
     */
    public Moved payInstalment(InstalmentPlan plan, int number, Settlement settlement, Instant now) {
        boolean completed = switch (status) {
            case FUNDED, DELIVERED -> false;
            case COMPLETED -> true;
            default ->
                throw Rejection.conflict(
                        DealCodes.INSTALMENT_NOT_PAYABLE,
                        "A deal that is " + status + " takes no instalments" + whyNoInstalments());
        };
        InstalmentPlan.Entry entry = plan.payable(number);
        Money amount = entry.amount();
        Optional<Payout> payout = completed ? Optional.of(settlement.release(amount.minor())) : Optional.empty();
        return new Moved(this, List.of(new InstalmentPaid(now, entry, amount, payout)));
    }

    private String whyNoInstalments() {
        return switch (status) {
            case DRAFT, SIGNING, SIGNED -> ": fund it first, which pays the first instalment";
            case DISPUTED -> ": its escrow is frozen until the dispute is resolved";
            default -> "";
        };
    }

    /** The seller delivers the documents named by their hashes; the buyer may accept until {@code deadline}. */
    public Moved deliver(List<String> documents, Instant now, Instant deadline) {
        Deal delivered = with(
                status.transitionTo(DealStatus.DELIVERED, contractType),
                contractHash,
                contractZh,
                contractEn,
                fundingDeadline,
                Optional.of(now),
                Optional.of(deadline),
                now);
        return new Moved(delivered, List.of(new DeliveryRecorded(now, documents, deadline)));
    }

    /** The buyer accepts the delivery; completing the deal pays escrow out. */
    public Moved accept(Instant now) {
        return new Moved(moveTo(DealStatus.ACCEPTED, now), List.of(new DeliveryAccepted(now)));
    }

    /** The acceptance period lapsed without a dispute, which accepts the delivery as the buyer would. */
    public Moved acceptAutomatically(Instant now) {
        return new Moved(moveTo(DealStatus.ACCEPTED, now), List.of(new DeliveryAcceptedAutomatically(now)));
    }

    /** The accepted deal is complete: escrow paid out as {@code payout}, the rights recorded as {@code grants}. */
    public Moved complete(Payout payout, List<String> grants, Instant now) {
        return new Moved(moveTo(DealStatus.COMPLETED, now), List.of(new DealCompleted(now, payout, grants)));
    }

    /** A party disputes the funded or delivered deal, which freezes its escrow. */
    public Moved dispute(String disputeId, List<String> evidence, Instant now) {
        return new Moved(moveTo(DealStatus.DISPUTED, now), List.of(new DisputeOpened(now, disputeId, evidence)));
    }

    /** An operator decides the dispute: released or split completes the deal, refunded cancels it. */
    public Moved resolve(String disputeId, DisputeOutcome outcome, Payout payout, Instant now) {
        return new Moved(
                moveTo(outcome.closingStatus(), now), List.of(new DisputeResolved(now, disputeId, outcome, payout)));
    }

    /** The contract in force is registered with its venue under {@code number}. */
    public Moved register(String number, TransferIncomeQualification qualification, Instant now) {
        requireRegistrable();
        return new Moved(this, List.of(new ContractRegistered(now, number, qualification)));
    }

    /** Refuses registration unless the contract is signed and in force. */
    public void requireRegistrable() {
        if (!status.mayRegister()) {
            throw Rejection.conflict(
                    DealCodes.DEAL_NOT_SIGNED,
                    "Only a signed contract in force can be registered;" + " deal " + id + " is " + status);
        }
    }

    /** A party proposes to cancel the deal by agreement; nothing changes until the other confirms. */
    public Moved proposeCancellation(String party, String reason, Instant now) {
        requireCancellable();
        return new Moved(this, List.of(new CancellationProposed(now, reason, party)));
    }

    /** The deal is cancelled before escrow holds money, by agreement when {@code agreement} says so. */
    public Moved cancel(String reason, Money depositReleased, Optional<Agreement> agreement, Instant now) {
        requireCancellable();
        return new Moved(
                moveTo(DealStatus.CANCELLED, now),
                List.of(new DealCancelled(now, reason, status, depositReleased, agreement)));
    }

    /** Refuses a cancellation once escrow holds money or where the table allows none. */
    public void requireCancellable() {
        if (status.holdsEscrow()) {
            // DISPUTED → CANCELLED is an operator's refund decision on the dispute, not a cancellation.
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION,
                    "A deal that is " + status + " holds money in escrow and cannot be cancelled");
        }
        status.transitionTo(DealStatus.CANCELLED, contractType);
    }

    /** The buyer has not funded by the deadline: DEFAULTED, the deposit still held forfeited as {@code payout}. */
    public Moved markDefaulted(Money depositForfeited, Payout payout, Instant now) {
        return defaulted(new FundingDefaulted(now, depositForfeited, payout), now);
    }

    /** The buyer walks away alone from an award whose deposit is held: DEFAULTED as if it had not funded. */
    public Moved walkAway(String reason, Money depositForfeited, Payout payout, Instant now) {
        return defaulted(new BuyerWalkedAway(now, reason, status, depositForfeited, payout), now);
    }

    /** Whether the buyer leaving now defaults the deal rather than cancels it, given a deposit is held. */
    public boolean mayDefault() {
        return status.canBecome(DealStatus.DEFAULTED, contractType);
    }

    private Moved defaulted(DealEvent how, Instant now) {
        Deal defaulted = moveTo(DealStatus.DEFAULTED, now);
        return new Moved(
                defaulted,
                runnerUpId
                        .map(runnerUp -> List.of(how, new RunnerUpMayBeOffered(now, runnerUp, runnerUpPrice)))
                        .orElse(List.of(how)));
    }

    /** The runner-up a defaulted deal may be offered to, at their price, and the cause that opens their deal. */
    public record RunnerUpOffer(String runnerUpId, Money price, String cause) {

        /** The event that the deal was offered to the runner-up, whose deal is {@code newDealId}. */
        public DealEvent offered(String newDealId, Instant now) {
            return new OfferedToRunnerUp(now, runnerUpId, price, newDealId);
        }
    }

    /** The seller may offer a DEFAULTED deal whose auction had a runner-up to them, once. */
    public RunnerUpOffer runnerUpOffer() {
        if (status != DealStatus.DEFAULTED) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    DealCodes.DEAL_NOT_DEFAULTED,
                    "Only a defaulted deal may be offered to the runner-up; this one is " + status);
        }
        String runnerUp = runnerUpId.orElseThrow(() -> new Rejection(
                Rejection.Kind.CONFLICT, DealCodes.NO_RUNNER_UP, "Deal " + id + " has no runner-up to offer it to"));
        Money at = runnerUpPrice.orElseThrow(() -> new Rejection(
                Rejection.Kind.CONFLICT, DealCodes.NO_RUNNER_UP, "Deal " + id + " has no runner-up price"));
        return new RunnerUpOffer(runnerUp, at, RUNNER_UP_CAUSE + id);
    }

    /** The completed licence ends from {@code effectiveOn} on; an assignment cannot be undone this way. */
    public Moved terminate(String reason, LocalDate effectiveOn, Instant now) {
        return new Moved(
                moveTo(DealStatus.TERMINATED, now), List.of(new DealEvent.LicenceTerminated(now, reason, effectiveOn)));
    }

    private Deal moveTo(DealStatus next, Instant at) {
        return with(
                status.transitionTo(next, contractType),
                contractHash,
                contractZh,
                contractEn,
                fundingDeadline,
                deliveredAt,
                acceptanceDeadline,
                at);
    }

    // What a step may change; the parties, assets, terms and price are fixed when the deal opens.
    private Deal with(
            DealStatus next,
            String hash,
            String zh,
            String en,
            Optional<Instant> funding,
            Optional<Instant> delivered,
            Optional<Instant> acceptance,
            Instant at) {
        return new Deal(
                id,
                cause,
                venueId,
                listingId,
                openLicenceGrantId,
                mechanism,
                next,
                contractType,
                grantKind,
                transferSubject,
                licenceKind,
                seller,
                buyer,
                assets,
                scopeFields,
                scopeTerritories,
                scopeStart,
                scopeEnd,
                price,
                paymentDue,
                acceptanceDays,
                deliveryObligations,
                depositHoldId,
                runnerUpId,
                runnerUpPrice,
                hash,
                zh,
                en,
                funding,
                delivered,
                acceptance,
                createdAt,
                at);
    }
}
