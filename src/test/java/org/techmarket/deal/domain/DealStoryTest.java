package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.domain.Fixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;

/** The deal rules told as the market lives them, from a buyer's offer to money moved and a year of royalties. */
class DealStoryTest {

    private final ContractRenderer renderer = new ContractRenderer();
    private final Signatures signatures = new Signatures(new byte[32]);
    private final Settlement venueFees = new Settlement(250);

    @Test
    void aNegotiatedPatentAssignmentIsSignedFundedDeliveredAcceptedAndPaid() {
        Instant monday = Instant.parse("2026-01-05T02:00:00Z");
        Money asked = Money.cny(150_000_000);
        Money agreed = Money.cny(125_000_000);
        LocalDate payBy = LocalDate.of(2026, 2, 1);

        // The buyer offers 1.5 million; the seller counters at 1.25 million and the buyer accepts.
        Offer offer = Offer.open(
                "offer-1",
                "listing-7",
                BUYER.organizationId(),
                SELLER.organizationId(),
                new OfferTerms(asked, new PaymentSchedule.LumpSum(asked, payBy), SCOPE),
                monday,
                monday.plus(Duration.ofDays(7)));
        Offer.Countered countered = offer.counter(
                "offer-2",
                SELLER.organizationId(),
                new OfferTerms(agreed, new PaymentSchedule.LumpSum(agreed, payBy), SCOPE),
                monday.plusSeconds(3600),
                monday.plus(Duration.ofDays(7)));
        Offer accepted = countered.counter().accept(BUYER.organizationId(), monday.plusSeconds(7200));
        assertThat(accepted.status()).isEqualTo(OfferStatus.ACCEPTED);

        // The accepted terms become the contract; both parties sign the hash of its two texts.
        Contract contract = new Contract(
                ContractType.TRANSFER,
                Optional.of(TransferSubject.PATENT_RIGHT),
                Optional.empty(),
                SELLER,
                BUYER,
                List.of(PATENT),
                accepted.terms().scope(),
                accepted.terms().price(),
                accepted.terms().payment(),
                "交付专利证书原件及全部技术资料。",
                30);
        DealStatus status = DealStatus.DRAFT;
        RenderedContract rendered = renderer.render("deal-42", VENUE, contract);
        status = status.transitionTo(DealStatus.SIGNING, contract.type());
        OrganizationKey sellerKey = signatures.generateKey();
        OrganizationKey buyerKey = signatures.generateKey();
        List<ContractSignature> signed =
                List.of(signatures.sign(sellerKey, rendered.hash()), signatures.sign(buyerKey, rendered.hash()));
        assertThat(signed).allMatch(Signatures::verify);
        status = status.transitionTo(DealStatus.SIGNED, contract.type());

        // Signed, it is registered with the venue as qualifying technology transfer income.
        ContractRegistration registration = ContractRegistration.register(
                new RegistrationNumber(2026, "440300", 1),
                VENUE,
                contract,
                rendered.hash(),
                status,
                false,
                LocalDate.of(2026, 1, 6));
        assertThat(registration.number().text()).isEqualTo("2026-440300-000001");
        assertThat(registration.qualification().qualifies()).isTrue();

        // The buyer funds before the deadline, the seller delivers, and nobody answers within 30 days.
        Instant fundingDeadline = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(Deadlines.fundingOverdue(status, fundingDeadline, Instant.parse("2026-01-20T00:00:00Z")))
                .isFalse();
        long escrow = contract.payment().fundingAmount(contract.price()).minor();
        status = status.transitionTo(DealStatus.FUNDED, contract.type());
        Instant delivered = Instant.parse("2026-02-10T09:30:00Z");
        status = status.transitionTo(DealStatus.DELIVERED, contract.type());
        Instant acceptBy = contract.acceptanceDeadline(delivered);
        assertThat(Deadlines.acceptanceLapsed(status, acceptBy, acceptBy)).isTrue();
        status = status.transitionTo(DealStatus.ACCEPTED, contract.type());

        // Escrow pays the seller less the venue's 2.5 %, and the deal completes; the rights may now pass.
        Payout payout = venueFees.release(escrow);
        assertThat(payout).isEqualTo(new Payout(121_875_000, 3_125_000, 0));
        status = status.transitionTo(DealStatus.COMPLETED, contract.type());
        assertThat(status).isEqualTo(DealStatus.COMPLETED);
        assertThat(contract.type().passesRights()).isTrue();
    }

    @Test
    void aBuyerWhoDoesNotFundDefaultsAndForfeitsTheDeposit() {
        DealStatus status = DealStatus.SIGNED;
        Instant deadline = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(Deadlines.fundingOverdue(status, deadline, deadline)).isTrue();
        status = status.transitionTo(DealStatus.DEFAULTED, ContractType.TRANSFER);
        assertThat(status.isFinal()).isTrue();
        // A 100,000.00 deposit from the auction: the seller keeps it less the fee.
        assertThat(venueFees.forfeit(10_000_000, 10_000_000)).isEqualTo(new Payout(9_750_000, 250_000, 0));
    }

    @Test
    void aDisputeOverAPartialDeliveryIsSplit() {
        DealStatus status = DealStatus.DELIVERED.transitionTo(DealStatus.DISPUTED, ContractType.TRANSFER);
        assertThat(status.holdsEscrow()).isTrue();
        DisputeOutcome decision = DisputeOutcome.SPLIT;
        Payout payout = decision.payout(venueFees, 125_000_000, 80_000_000);
        assertThat(payout).isEqualTo(new Payout(78_000_000, 2_000_000, 45_000_000));
        assertThat(status.transitionTo(decision.closingStatus(), ContractType.TRANSFER))
                .isEqualTo(DealStatus.COMPLETED);
    }

    @Test
    void aYearOfQuarterlyRoyaltiesWithOneReportLate() {
        Contract licence = royaltyLicence(); // 3.50 % of revenue, at least 50,000.00 a quarter
        PaymentSchedule.RunningRoyalty terms = (PaymentSchedule.RunningRoyalty) licence.payment();
        RoyaltySchedule schedule = licence.royaltySchedule().orElseThrow();
        List<RoyaltyPeriod> year = schedule.periodsBetween(START, START.plusYears(1));
        long[] revenue = {80_000_000, 300_000_000, 0, 500_000_000};

        List<RoyaltyPeriod> reported = new ArrayList<>();
        long royalties = 0;
        for (int quarter = 0; quarter < 3; quarter++) {
            reported.add(year.get(quarter));
            royalties +=
                    Settlement.royaltyDue(terms, Money.cny(revenue[quarter])).minor();
        }
        // 50,000.00 minimum, then 105,000.00, then the minimum again for a quarter without sales.
        assertThat(royalties).isEqualTo(5_000_000 + 10_500_000 + 5_000_000);

        // The fourth quarter's report was due on 30 January 2027; on 31 January it is missing.
        assertThat(schedule.dueDate(year.get(3))).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(schedule.missingReports(reported, LocalDate.of(2027, 1, 30))).isEmpty();
        assertThat(schedule.missingReports(reported, LocalDate.of(2027, 1, 31))).containsExactly(year.get(3));

        Payout lastQuarter = venueFees.release(
                Settlement.royaltyDue(terms, Money.cny(revenue[3])).minor());
        assertThat(lastQuarter).isEqualTo(new Payout(17_062_500, 437_500, 0));
    }
}
