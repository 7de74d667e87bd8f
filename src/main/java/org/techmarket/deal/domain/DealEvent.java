package org.techmarket.deal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * What happened to a deal, in the past tense. The audit log and the deal's history name each event by its record's
 * simple name, so a record is never renamed once its events are in the log; {@link #details()} is what the log
 * records of it besides the status the deal was left in.
 */
public sealed interface DealEvent {

    /** When it happened. */
    Instant at();

    /** What the audit log records of the event, in a stable order. */
    Map<String, Object> details();

    /** The deal was opened on a sale or a direct contract, its contract rendered and offered for signing. */
    record DealOpened(
            Instant at, String cause, ContractType contractType, Money price, String payment, String contractHash)
            implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "cause",
                    cause,
                    "contractType",
                    contractType.name(),
                    "price",
                    price.decimal(),
                    "currency",
                    price.currency(),
                    "payment",
                    payment,
                    "contractHash",
                    contractHash);
        }
    }

    /** A provider proposed a development, consulting or service contract to its client directly. */
    record ContractProposed(Instant at, ContractType contractType, String clientId, Money price) implements DealEvent {
        public Map<String, Object> details() {
            return ordered("type", contractType.name(), "clientId", clientId, "price", price.toString());
        }
    }

    /** One party signed the contract hash with its organization's key. */
    record ContractSigned(Instant at, String signatureId, String organizationId, String contractHash, KeyKind keyKind)
            implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "signatureId",
                    signatureId,
                    "organizationId",
                    organizationId,
                    "contractHash",
                    contractHash,
                    "keyKind",
                    keyKind.name());
        }
    }

    /** Both parties have signed; the buyer's funding deadline runs. */
    record DealSigned(Instant at, Instant fundingDeadline) implements DealEvent {
        public Map<String, Object> details() {
            return ordered("fundingDeadline", fundingDeadline.toString());
        }
    }

    /** The buyer placed what funding asks in escrow, first from the deposit, then from available funds. */
    record DealFunded(Instant at, Money price, Money funded, Money fromDeposit) implements DealEvent {
        public Money fromAvailable() {
            return funded.minus(fromDeposit);
        }

        public Map<String, Object> details() {
            return ordered(
                    "price",
                    price.decimal(),
                    "funded",
                    funded.decimal(),
                    "fromDeposit",
                    fromDeposit.decimal(),
                    "fromAvailable",
                    fromAvailable().decimal());
        }
    }

    /** The buyer paid an instalment after the first: into escrow, or through it to the seller once completed. */
    record InstalmentPaid(Instant at, InstalmentPlan.Entry entry, Money amount, Optional<Payout> payout)
            implements DealEvent {
        public Map<String, Object> details() {
            Map<String, Object> details = ordered("number", entry.number(), "amount", amount.toString());
            payout.ifPresentOrElse(
                    p -> {
                        details.put("toSeller", p.toSeller());
                        details.put("toFees", p.toFees());
                    },
                    () -> details.put("toEscrow", amount.minor()));
            return details;
        }
    }

    /** The seller recorded what it delivered; the acceptance period runs. */
    record DeliveryRecorded(Instant at, List<String> documents, Instant acceptanceDeadline) implements DealEvent {
        public DeliveryRecorded {
            documents = List.copyOf(documents);
        }

        public Map<String, Object> details() {
            return ordered("documents", documents, "acceptanceDeadline", acceptanceDeadline.toString());
        }
    }

    /** The buyer accepted the delivery. */
    record DeliveryAccepted(Instant at) implements DealEvent {
        public Map<String, Object> details() {
            return ordered();
        }
    }

    /** The acceptance period lapsed without a dispute, which accepts the delivery. */
    record DeliveryAcceptedAutomatically(Instant at) implements DealEvent {
        public Map<String, Object> details() {
            return ordered();
        }
    }

    /** Escrow paid the seller less the venue fee and the rights registry recorded what passes. */
    record DealCompleted(Instant at, Payout payout, List<String> grants) implements DealEvent {
        public DealCompleted {
            grants = List.copyOf(grants);
        }

        public Map<String, Object> details() {
            Map<String, Object> details =
                    ordered("toSeller", payout.toSeller(), "toFees", payout.toFees(), "grants", grants);
            return withBuyersBroker(details, payout);
        }
    }

    /** A party disputed the funded or delivered deal, which freezes its escrow. */
    record DisputeOpened(Instant at, String disputeId, List<String> evidence) implements DealEvent {
        public DisputeOpened {
            evidence = List.copyOf(evidence);
        }

        public Map<String, Object> details() {
            return ordered("disputeId", disputeId, "evidence", evidence);
        }
    }

    /** An operator decided the dispute and escrow was paid out as decided. */
    record DisputeResolved(Instant at, String disputeId, DisputeOutcome outcome, Payout payout) implements DealEvent {
        public Map<String, Object> details() {
            Map<String, Object> details = ordered(
                    "disputeId",
                    disputeId,
                    "outcome",
                    outcome.name(),
                    "toSeller",
                    payout.toSeller(),
                    "toFees",
                    payout.toFees(),
                    "toBuyer",
                    payout.toBuyer());
            return withBuyersBroker(details, payout);
        }
    }

    /** The contract was registered with its venue. */
    record ContractRegistered(Instant at, String number, TransferIncomeQualification qualification)
            implements DealEvent {
        public Map<String, Object> details() {
            return ordered("number", number, "qualification", qualification.name());
        }
    }

    /** The licensee reported a period's revenue and paid the royalty due on it. */
    record RoyaltyReported(Instant at, RoyaltyPeriod period, Money revenue, Money royalty, Optional<String> transferId)
            implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "period",
                    period.number(),
                    "periodStart",
                    period.firstDay().toString(),
                    "periodEnd",
                    period.lastDay().toString(),
                    "revenue",
                    revenue.grouped(),
                    "royalty",
                    royalty.grouped(),
                    "currency",
                    royalty.currency(),
                    "transferId",
                    transferId.orElse(""));
        }
    }

    /** One party proposed to cancel the deal by agreement; the other confirms it. */
    record CancellationProposed(Instant at, String reason, String proposedBy) implements DealEvent {
        public Map<String, Object> details() {
            return ordered("reason", reason, "proposedBy", proposedBy);
        }
    }

    /** Both parties agreed to cancel: who proposed it and who confirmed it. */
    record Agreement(String proposedBy, String agreedBy) {}

    /** The deal was cancelled before escrow held money; a deposit still held went back to the buyer. */
    record DealCancelled(
            Instant at, String reason, DealStatus from, Money depositReleased, Optional<Agreement> agreement)
            implements DealEvent {
        public Map<String, Object> details() {
            Map<String, Object> details =
                    ordered("reason", reason, "from", from.name(), "depositReleased", depositReleased.decimal());
            agreement.ifPresent(a -> {
                details.put("mutual", true);
                details.put("proposedBy", a.proposedBy());
                details.put("agreedBy", a.agreedBy());
            });
            return details;
        }
    }

    /** The buyer did not fund the signed deal by its deadline: the deposit still held is forfeited. */
    record FundingDefaulted(Instant at, Money depositForfeited, Payout payout) implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "depositForfeited",
                    depositForfeited.decimal(),
                    "toSeller",
                    payout.toSeller(),
                    "toFees",
                    payout.toFees());
        }
    }

    /** The buyer walked away alone from an award whose deposit was held, which forfeits it. */
    record BuyerWalkedAway(Instant at, String reason, DealStatus from, Money depositForfeited, Payout payout)
            implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "reason",
                    reason,
                    "from",
                    from.name(),
                    "depositForfeited",
                    depositForfeited.decimal(),
                    "toSeller",
                    payout.toSeller(),
                    "toFees",
                    payout.toFees());
        }
    }

    /** The defaulted deal's auction had a runner-up, to whom the seller may offer it at their price. */
    record RunnerUpMayBeOffered(Instant at, String runnerUpId, Optional<Money> price) implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "runnerUpId", runnerUpId, "price", price.map(Money::decimal).orElse(""));
        }
    }

    /** The seller offered the defaulted deal to the runner-up, which opened a new deal. */
    record OfferedToRunnerUp(Instant at, String runnerUpId, Money price, String newDealId) implements DealEvent {
        public Map<String, Object> details() {
            return ordered(
                    "runnerUpId",
                    runnerUpId,
                    "price",
                    price.decimal(),
                    "currency",
                    price.currency(),
                    "newDealId",
                    newDealId);
        }
    }

    /** The completed licence was terminated from a date on. */
    record LicenceTerminated(Instant at, String reason, LocalDate effectiveOn) implements DealEvent {
        public Map<String, Object> details() {
            return ordered("reason", reason, "effectiveOn", effectiveOn.toString());
        }
    }

    // Named only when paid, so that the events of deals without a buyer's broker read as they always have.
    private static Map<String, Object> withBuyersBroker(Map<String, Object> details, Payout payout) {
        if (payout.toBuyersBroker() > 0) {
            details.put("toBuyersBroker", payout.toBuyersBroker());
        }
        return details;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
