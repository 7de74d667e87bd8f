package org.techmarket.deal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.techmarket.deal.application.DealReading.DealDetails;
import org.techmarket.deal.application.DealSigning.Verification;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.Party;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.persistence.CancellationProposals;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealHistory;
import org.techmarket.deal.persistence.DealSignatures.SignatureRow;
import org.techmarket.shared.Money;

/** The JSON shapes of deals, signatures and deliveries. */
final class DealJson {

    private DealJson() {}

    /** A party: an organization with its credit code, or a natural person with the identity number masked. */
    record PartyView(
            String organizationId,
            String name,
            String identifierKind,
            String creditCode,
            String identityNumber,
            String regionCode) {
        static PartyView of(Party p) {
            return new PartyView(
                    p.organizationId(),
                    p.name(),
                    p.identifierKind().name(),
                    p.isNaturalPerson() ? null : p.identifier(),
                    p.isNaturalPerson() ? p.shownIdentifier() : null,
                    p.regionCode());
        }
    }

    record AssetView(String assetId, String title, String patentNumber) {}

    record ScopeView(List<String> fields, List<String> territories, LocalDate start, LocalDate end) {}

    /** One instalment as scheduled, when it was paid, and whether it is unpaid past its due date. */
    record InstalmentView(int number, Money amount, LocalDate dueDate, Instant paidAt, boolean overdue) {}

    record RoyaltyView(int rateBasisPoints, Money minimumPerPeriod, String period, int reportWithinDays) {}

    /**
     * How the price is paid: LUMP_SUM (the amount and its due date), INSTALMENTS (the price and each instalment)
     * or RUNNING_ROYALTY (the upfront fee and the royalty's terms).
     */
    record ScheduleView(
            String kind, Money amount, LocalDate dueDate, List<InstalmentView> instalments, RoyaltyView royalty) {
        static ScheduleView of(DealDetails details) {
            Money price = details.deal().price();
            PaymentSchedule payment = details.payment();
            if (payment instanceof PaymentSchedule.LumpSum lump) {
                return new ScheduleView(lump.kind().name(), lump.amount(), lump.dueDate(), null, null);
            }
            if (payment instanceof PaymentSchedule.RunningRoyalty r) {
                return new ScheduleView(
                        r.kind().name(),
                        price,
                        null,
                        null,
                        new RoyaltyView(
                                r.rateBasisPoints(),
                                r.minimumPerPeriod(),
                                r.period().name(),
                                r.reportWithinDays()));
            }
            return new ScheduleView(
                    payment.kind().name(),
                    price,
                    null,
                    details.instalments()
                            .map(plan -> plan.entries().stream()
                                    .map(e -> new InstalmentView(
                                            e.number(),
                                            e.amount(),
                                            e.dueDate(),
                                            e.paidAt().orElse(null),
                                            details.overdueInstalments().contains(e.number())))
                                    .toList())
                            .orElse(List.of()),
                    null);
        }
    }

    record ContractView(
            String type,
            String transferSubject,
            String licenceKind,
            String grantKind,
            List<AssetView> assets,
            ScopeView scope,
            Money price,
            ScheduleView schedule,
            String deliveryObligations,
            int acceptancePeriodDays,
            String hash) {
        static ContractView of(DealDetails details) {
            Deal d = details.deal();
            return new ContractView(
                    d.contractType().name(),
                    d.transferSubject().map(Enum::name).orElse(null),
                    d.licenceKind().map(Enum::name).orElse(null),
                    d.grantKind().map(Enum::name).orElse(null),
                    d.assets().stream()
                            .map(a -> new AssetView(
                                    a.assetId(), a.title(), a.patentNumber().orElse(null)))
                            .toList(),
                    new ScopeView(
                            d.scopeFields(),
                            d.scopeTerritories(),
                            d.scopeStart(),
                            d.scopeEnd().orElse(null)),
                    d.price(),
                    ScheduleView.of(details),
                    d.deliveryObligations(),
                    d.acceptanceDays(),
                    d.contractHash());
        }
    }

    record SummaryView(
            String id,
            String status,
            String mechanism,
            String listingId,
            PartyView seller,
            PartyView buyer,
            String contractType,
            Money price,
            Instant createdAt) {
        static SummaryView of(Deal d) {
            return new SummaryView(
                    d.id(),
                    d.status().name(),
                    d.mechanism(),
                    d.listingId().orElse(null),
                    PartyView.of(d.seller()),
                    PartyView.of(d.buyer()),
                    d.contractType().name(),
                    d.price(),
                    d.createdAt());
        }
    }

    record SignatureView(
            String id,
            String dealId,
            String organizationId,
            String userId,
            String contractHash,
            String publicKey,
            String signature,
            Instant signedAt,
            String keyKind,
            String signerKeyId,
            String pledgeeId,
            String pledgeeName) {
        static SignatureView of(SignatureRow s) {
            return new SignatureView(
                    s.id(),
                    s.dealId(),
                    s.organizationId(),
                    s.userId(),
                    s.contractHash(),
                    s.publicKey(),
                    s.signature(),
                    s.signedAt(),
                    s.keyKind().name(),
                    s.signerKeyId().orElse(null),
                    s.pledgeeId().orElse(null),
                    s.pledgeeName().orElse(null));
        }
    }

    record VerificationView(boolean valid, String algorithm, String fingerprint, SignatureView signature) {
        static VerificationView of(Verification v) {
            return new VerificationView(v.valid(), "Ed25519", v.fingerprint(), SignatureView.of(v.signature()));
        }
    }

    record StepView(String status, String event, String actor, Instant at) {
        static StepView of(DealHistory.Step s) {
            return new StepView(s.status().name(), s.event(), s.actor(), s.at());
        }
    }

    record DealView(
            String id,
            String status,
            String mechanism,
            String venueId,
            String listingId,
            String openLicenceGrantId,
            PartyView seller,
            PartyView buyer,
            ContractView contract,
            Money escrowBalance,
            Money fundingAmount,
            Money buyersBrokerCommission,
            String depositHoldId,
            String runnerUpId,
            Money runnerUpPrice,
            Instant fundingDeadline,
            Instant deliveredAt,
            Instant acceptanceDeadline,
            List<SignatureView> signatures,
            List<DealDeliveries.Document> deliveredDocuments,
            List<DealDeliveries.RecordedGrant> grants,
            List<StepView> history,
            Instant createdAt,
            Instant updatedAt,
            List<Integer> overdueRoyaltyReports,
            List<Integer> overdueInstalments,
            String previousDealId,
            String runnerUpDealId,
            CancellationProposalView cancellationProposal) {
        static DealView of(DealDetails details) {
            return of(details, List.of());
        }

        /** The deal, flagging the running-royalty periods whose report is overdue. */
        static DealView of(DealDetails details, List<Integer> overdueRoyaltyReports) {
            Deal d = details.deal();
            return new DealView(
                    d.id(),
                    d.status().name(),
                    d.mechanism(),
                    d.venueId(),
                    d.listingId().orElse(null),
                    d.openLicenceGrantId().orElse(null),
                    PartyView.of(d.seller()),
                    PartyView.of(d.buyer()),
                    ContractView.of(details),
                    details.escrowBalance(),
                    details.fundingAmount(),
                    details.buyersBrokerCommission(),
                    d.depositHoldId().orElse(null),
                    d.runnerUpId().orElse(null),
                    d.runnerUpPrice().orElse(null),
                    d.fundingDeadline().orElse(null),
                    d.deliveredAt().orElse(null),
                    d.acceptanceDeadline().orElse(null),
                    details.signatures().stream().map(SignatureView::of).toList(),
                    details.documents(),
                    details.grants(),
                    details.history().stream().map(StepView::of).toList(),
                    d.createdAt(),
                    d.updatedAt(),
                    List.copyOf(overdueRoyaltyReports),
                    details.overdueInstalments(),
                    d.previousDealId().orElse(null),
                    details.runnerUpDealId().orElse(null),
                    details.cancellationProposal()
                            .map(CancellationProposalView::of)
                            .orElse(null));
        }
    }

    /** A party's proposal to cancel the deal by agreement, awaiting the other party's confirmation. */
    record CancellationProposalView(String proposedBy, String reason, Instant proposedAt) {
        static CancellationProposalView of(CancellationProposals.Proposal p) {
            return new CancellationProposalView(p.proposedBy(), p.reason(), p.proposedAt());
        }
    }

    record DeliveryRequest(List<DealDeliveries.Document> documents) {}
}
