package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.deal.domain.Fixtures.BUYER;
import static org.techmarket.deal.domain.Fixtures.PATENT;
import static org.techmarket.deal.domain.Fixtures.SELLER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.domain.DealEvent.Agreement;
import org.techmarket.deal.domain.DealEvent.DealFunded;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** The deal aggregate: each step moves the status by the table, keeps its deadlines and names what happened. */
class DealTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Money PRICE = Money.cny(125_000_000);

    @Test
    void theContractIsSignedWhenTheSecondPartySignsAndTheFundingDeadlineStartsThen() {
        Deal deal = deal(DealStatus.SIGNING, ContractType.TRANSFER, Optional.empty());

        Deal.Moved first = deal.addSignature(Set.of(), SELLER.organizationId(), "sig-1", KeyKind.SERVER_HELD, NOW);
        assertThat(first.deal().status()).isEqualTo(DealStatus.SIGNING);
        assertThat(types(first)).containsExactly("ContractSigned");
        assertThat(deal.sign(Set.of(SELLER.organizationId()), NOW, Duration.ofDays(14)))
                .isEmpty();
        assertThatThrownBy(() -> deal.addSignature(
                        Set.of(SELLER.organizationId()), SELLER.organizationId(), "sig-2", KeyKind.SERVER_HELD, NOW))
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("ALREADY_SIGNED");

        Deal.Moved both = deal.sign(Set.of(SELLER.organizationId(), BUYER.organizationId()), NOW, Duration.ofDays(14))
                .orElseThrow();
        assertThat(both.deal().status()).isEqualTo(DealStatus.SIGNED);
        assertThat(both.deal().fundingDeadline()).contains(NOW.plus(Duration.ofDays(14)));
        assertThat(both.deal().updatedAt()).isEqualTo(NOW);
        assertThat(types(both)).containsExactly("DealSigned");
    }

    @Test
    void onlyADealInSigningIsSigned() {
        Deal funded = deal(DealStatus.FUNDED, ContractType.TRANSFER, Optional.empty());
        assertThatThrownBy(
                        () -> funded.addSignature(Set.of(), SELLER.organizationId(), "sig-1", KeyKind.SERVER_HELD, NOW))
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("DEAL_NOT_SIGNING");
    }

    @Test
    void fundingDeliveryAndAcceptanceCompleteTheDealAndRecordEachStep() {
        Deal signed = deal(DealStatus.SIGNED, ContractType.TRANSFER, Optional.empty());

        Deal.Moved funded = signed.fund(PRICE, Money.cny(10_000_000), NOW);
        assertThat(funded.event(DealFunded.class).fromAvailable()).isEqualTo(Money.cny(115_000_000));
        assertThat(funded.event(DealFunded.class).details())
                .containsEntry("fromDeposit", "100000.00")
                .containsEntry("fromAvailable", "1150000.00");

        Instant acceptBy = NOW.plus(Duration.ofDays(30));
        Deal.Moved delivered = funded.deal().deliver(List.of("a".repeat(64)), NOW, acceptBy);
        assertThat(delivered.deal().deliveredAt()).contains(NOW);
        assertThat(delivered.deal().acceptanceDeadline()).contains(acceptBy);

        Deal.Moved accepted = delivered.deal().acceptAutomatically(acceptBy);
        Deal.Moved completed =
                accepted.deal().complete(new Payout(121_875_000, 3_125_000, 0), List.of("grant-1"), acceptBy);
        assertThat(completed.deal().status()).isEqualTo(DealStatus.COMPLETED);
        assertThat(types(funded)).containsExactly("DealFunded");
        assertThat(types(delivered)).containsExactly("DeliveryRecorded");
        assertThat(types(accepted)).containsExactly("DeliveryAcceptedAutomatically");
        assertThat(types(completed)).containsExactly("DealCompleted");
    }

    @Test
    void aDealWhoseEscrowHoldsMoneyIsNotCancelledButDisputed() {
        Deal funded = deal(DealStatus.FUNDED, ContractType.TRANSFER, Optional.empty());
        assertThatThrownBy(() -> funded.cancel("changed our mind", Money.cny(0), Optional.empty(), NOW))
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("INVALID_STATUS_TRANSITION");
        assertThatThrownBy(() -> funded.proposeCancellation(BUYER.organizationId(), "changed our mind", NOW))
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("INVALID_STATUS_TRANSITION");

        Deal.Moved disputed = funded.dispute("dispute-1", List.of(), NOW);
        Deal.Moved refunded = disputed.deal().resolve("dispute-1", DisputeOutcome.REFUND, new Payout(0, 0, 1), NOW);
        assertThat(refunded.deal().status()).isEqualTo(DealStatus.CANCELLED);
        assertThat(types(disputed)).containsExactly("DisputeOpened");
        assertThat(types(refunded)).containsExactly("DisputeResolved");
    }

    @Test
    void aCancellationByAgreementNamesWhoProposedAndWhoAgreed() {
        Deal signing = deal(DealStatus.SIGNING, ContractType.TRANSFER, Optional.empty());
        Deal.Moved cancelled = signing.cancel(
                "no longer needed",
                Money.cny(0),
                Optional.of(new Agreement(SELLER.organizationId(), BUYER.organizationId())),
                NOW);

        assertThat(cancelled.deal().status()).isEqualTo(DealStatus.CANCELLED);
        assertThat(cancelled.events().get(0).details())
                .containsEntry("from", "SIGNING")
                .containsEntry("mutual", true)
                .containsEntry("proposedBy", SELLER.organizationId())
                .containsEntry("agreedBy", BUYER.organizationId());
    }

    @Test
    void aBuyerWhoWalksAwayDefaultsAndTheRunnerUpMayBeOffered() {
        Deal signed = deal(DealStatus.SIGNED, ContractType.TRANSFER, Optional.of("org-runner-up"));
        assertThat(signed.mayDefault()).isTrue();

        Deal.Moved defaulted =
                signed.walkAway("found another", Money.cny(1_000_000), new Payout(975_000, 25_000, 0), NOW);

        assertThat(defaulted.deal().status()).isEqualTo(DealStatus.DEFAULTED);
        assertThat(types(defaulted)).containsExactly("BuyerWalkedAway", "RunnerUpMayBeOffered");
        assertThat(defaulted.events().get(1).details()).containsEntry("runnerUpId", "org-runner-up");
        assertThat(deal(DealStatus.FUNDED, ContractType.TRANSFER, Optional.empty())
                        .mayDefault())
                .isFalse();
    }

    @Test
    void aDefaultedDealIsOfferedToItsRunnerUpAtTheirPrice() {
        Deal defaulted = deal(DealStatus.DEFAULTED, ContractType.TRANSFER, Optional.of("org-runner-up"));
        Deal.RunnerUpOffer offer = defaulted.runnerUpOffer();
        assertThat(offer)
                .isEqualTo(new Deal.RunnerUpOffer("org-runner-up", Money.cny(120_000_000), "runner-up:deal-1"));
        assertThat(offer.offered("deal-2", NOW).details())
                .containsEntry("newDealId", "deal-2")
                .containsEntry("price", "1200000.00");

        assertThatThrownBy(() -> deal(DealStatus.DEFAULTED, ContractType.TRANSFER, Optional.empty())
                        .runnerUpOffer())
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("NO_RUNNER_UP");
        assertThatThrownBy(() -> deal(DealStatus.SIGNED, ContractType.TRANSFER, Optional.of("org-runner-up"))
                        .runnerUpOffer())
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("DEAL_NOT_DEFAULTED");
    }

    @Test
    void onlyACompletedLicenceIsTerminated() {
        LocalDate from = LocalDate.of(2026, 4, 1);
        Deal licence = deal(DealStatus.COMPLETED, ContractType.LICENSING, Optional.empty());
        assertThat(types(licence.terminate("breach", from, NOW))).containsExactly("LicenceTerminated");

        Deal assignment = deal(DealStatus.COMPLETED, ContractType.TRANSFER, Optional.empty());
        assertThatThrownBy(() -> assignment.terminate("breach", from, NOW))
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("TERMINATION_NOT_ALLOWED");
    }

    @Test
    void onlyASignedContractInForceIsRegistered() {
        Deal signing = deal(DealStatus.SIGNING, ContractType.TRANSFER, Optional.empty());
        assertThatThrownBy(() ->
                        signing.register("2026-440300-000001", TransferIncomeQualification.PATENT_ASSIGNMENT, NOW))
                .isInstanceOf(Rejection.class)
                .extracting("code")
                .isEqualTo("DEAL_NOT_SIGNED");

        Deal signed = deal(DealStatus.SIGNED, ContractType.TRANSFER, Optional.empty());
        assertThat(types(signed.register("2026-440300-000001", TransferIncomeQualification.PATENT_ASSIGNMENT, NOW)))
                .containsExactly("ContractRegistered");
    }

    @Test
    void aDealHasAGrantKindExactlyWhenItsContractPassesRights() {
        Deal transfer = deal(DealStatus.SIGNING, ContractType.TRANSFER, Optional.empty());
        assertThatThrownBy(() -> new Deal(
                        transfer.id(),
                        transfer.cause(),
                        transfer.venueId(),
                        transfer.listingId(),
                        transfer.openLicenceGrantId(),
                        transfer.mechanism(),
                        transfer.status(),
                        ContractType.CONSULTING,
                        transfer.grantKind(),
                        Optional.empty(),
                        Optional.empty(),
                        SELLER,
                        BUYER,
                        List.of(),
                        List.of(),
                        List.of(),
                        transfer.scopeStart(),
                        Optional.empty(),
                        PRICE,
                        transfer.paymentDue(),
                        30,
                        "咨询报告。",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        transfer.contractHash(),
                        "合同",
                        "Contract",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        NOW,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventsAreLoggedUnderTheTypesStoredSoFar() {
        assertThat(Arrays.stream(DealEvent.class.getPermittedSubclasses()).map(DealTest::typeOf))
                .containsExactlyInAnyOrder(
                        "DealOpened",
                        "ContractProposed",
                        "ContractSigned",
                        "DealSigned",
                        "DealFunded",
                        "InstalmentPaid",
                        "DeliveryRecorded",
                        "DeliveryAccepted",
                        "DeliveryAcceptedAutomatically",
                        "DealCompleted",
                        "DisputeOpened",
                        "DisputeResolved",
                        "ContractRegistered",
                        "RoyaltyReported",
                        "CancellationProposed",
                        "DealCancelled",
                        "FundingDefaulted",
                        "BuyerWalkedAway",
                        "RunnerUpMayBeOffered",
                        "OfferedToRunnerUp",
                        "LicenceTerminated");
    }

    private static String typeOf(Class<?> event) {
        return AuditLog.typeOf(event.asSubclass(Record.class));
    }

    private static List<String> types(Deal.Moved step) {
        return step.events().stream().map(e -> typeOf(e.getClass())).toList();
    }

    private static Deal deal(DealStatus status, ContractType type, Optional<String> runnerUp) {
        Optional<GrantKind> kind =
                Optional.of(type == ContractType.TRANSFER ? GrantKind.ASSIGNMENT : GrantKind.EXCLUSIVE_LICENCE);
        return new Deal(
                "deal-1",
                "listing:listing-1",
                "venue-sz",
                Optional.of("listing-1"),
                Optional.empty(),
                "ENGLISH_AUCTION",
                status,
                type,
                kind,
                type == ContractType.TRANSFER ? Optional.of(TransferSubject.PATENT_RIGHT) : Optional.empty(),
                type == ContractType.LICENSING ? Optional.of(LicenceKind.EXCLUSIVE) : Optional.empty(),
                SELLER,
                BUYER,
                List.of(PATENT),
                List.of("工业视觉检测"),
                List.of("中国大陆"),
                LocalDate.of(2026, 1, 1),
                Optional.empty(),
                PRICE,
                LocalDate.of(2026, 4, 1),
                30,
                "交付专利证书原件。",
                Optional.of("hold-1"),
                runnerUp,
                runnerUp.map(r -> Money.cny(120_000_000)),
                "0".repeat(64),
                "合同",
                "Contract",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                NOW.minusSeconds(3600),
                NOW.minusSeconds(3600));
    }
}
