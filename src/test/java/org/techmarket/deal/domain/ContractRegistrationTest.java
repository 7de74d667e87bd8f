package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.deal.domain.Fixtures.*;
import static org.techmarket.deal.domain.TransferIncomeQualification.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class ContractRegistrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final RegistrationNumber NUMBER = new RegistrationNumber(2026, "440300", 123);

    private static Contract transferOf(TransferSubject subject, List<ContractAsset> assets) {
        Contract c = transfer();
        return new Contract(
                c.type(),
                Optional.of(subject),
                c.licenceKind(),
                c.seller(),
                c.buyer(),
                assets,
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                30);
    }

    private static Contract licenceFor(GrantScope scope, List<ContractAsset> assets, LicenceKind kind) {
        Contract c = licence(new PaymentSchedule.LumpSum(PRICE, START), PRICE);
        return new Contract(
                c.type(),
                c.transferSubject(),
                Optional.of(kind),
                c.seller(),
                c.buyer(),
                assets,
                scope,
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                30);
    }

    @Test
    void aSignedPatentAssignmentIsRegisteredAsQualifyingTransferIncome() {
        Contract contract = transfer();
        ContractHash hash =
                new ContractRenderer().render("deal-1", VENUE, contract).hash();
        ContractRegistration registration =
                ContractRegistration.register(NUMBER, VENUE, contract, hash, DealStatus.SIGNED, false, TODAY);
        assertThat(registration.number().text()).isEqualTo("2026-440300-000123");
        assertThat(registration.contractHash()).isEqualTo(hash);
        assertThat(registration.seller()).isEqualTo(SELLER);
        assertThat(registration.buyer()).isEqualTo(BUYER);
        assertThat(registration.type()).isEqualTo(ContractType.TRANSFER);
        assertThat(registration.transactionAmount()).isEqualTo(PRICE);
        assertThat(registration.qualification()).isEqualTo(PATENT_ASSIGNMENT);
        assertThat(registration.qualification().qualifies()).isTrue();
    }

    @Test
    void onlyAContractInForceIsRegistered() {
        ContractHash hash = ContractHash.of("x");
        for (DealStatus status : List.of(
                DealStatus.DRAFT,
                DealStatus.SIGNING,
                DealStatus.CANCELLED,
                DealStatus.DEFAULTED,
                DealStatus.TERMINATED)) {
            assertThatThrownBy(
                            () -> ContractRegistration.register(NUMBER, VENUE, transfer(), hash, status, false, TODAY))
                    .as(status.name())
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", "DEAL_NOT_SIGNED");
        }
    }

    @Test
    void theNumberBelongsToTheVenuesRegionAndTheYearOfRegistration() {
        ContractHash hash = ContractHash.of("x");
        for (RegistrationNumber wrong :
                List.of(new RegistrationNumber(2025, "440300", 1), new RegistrationNumber(2026, "110000", 1))) {
            assertThatThrownBy(() -> ContractRegistration.register(
                            wrong, VENUE, transfer(), hash, DealStatus.FUNDED, false, TODAY))
                    .isInstanceOf(Rejection.class)
                    .hasFieldOrPropertyWithValue("code", "INVALID_REGISTRATION_NUMBER");
        }
    }

    @Test
    void transfersQualifyOnlyForGrantedPatents() {
        assertThat(assess(transferOf(TransferSubject.PATENT_RIGHT, List.of(PATENT)), false))
                .isEqualTo(PATENT_ASSIGNMENT);
        assertThat(assess(transferOf(TransferSubject.PATENT_APPLICATION_RIGHT, List.of(PATENT)), false))
                .isEqualTo(PATENT_APPLICATION_NOT_YET_GRANTED);
        assertThat(assess(transferOf(TransferSubject.KNOW_HOW, List.of(ContractAsset.knowHow("k", "工艺"))), false))
                .isEqualTo(KNOW_HOW_NOT_A_LISTED_TECHNOLOGY);
    }

    @Test
    void licencesOfPatentsQualifyForFiveYearsOrMoreOfAnyKind() {
        GrantScope fiveYears =
                GrantScope.toLastDay(List.of(), List.of(), START, Optional.of(LocalDate.of(2030, 12, 31)));
        GrantScope aDayShort =
                GrantScope.toLastDay(List.of(), List.of(), START, Optional.of(LocalDate.of(2030, 12, 30)));
        GrantScope openEnded = GrantScope.unrestricted(START, null);
        for (LicenceKind kind : LicenceKind.values()) {
            assertThat(assess(licenceFor(fiveYears, List.of(PATENT), kind), false))
                    .isEqualTo(PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE);
            assertThat(assess(licenceFor(openEnded, List.of(PATENT), kind), false))
                    .isEqualTo(PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE);
            assertThat(assess(licenceFor(aDayShort, List.of(PATENT), kind), false))
                    .isEqualTo(LICENCE_SHORTER_THAN_FIVE_YEARS);
        }
        assertThat(assess(
                        licenceFor(fiveYears, List.of(PATENT, ContractAsset.knowHow("k", "工艺")), LicenceKind.SOLE),
                        false))
                .isEqualTo(LICENCE_OF_UNPATENTED_TECHNOLOGY);
    }

    @Test
    void aDealWhoseSellerIsAnIndividualDoesNotQualifyForTheEnterpriseIncomeTaxRelief() {
        Contract assignment = between(INVENTOR, BUYER);
        assertThat(assess(transfer(), false)).isEqualTo(PATENT_ASSIGNMENT);
        assertThat(assess(assignment, false)).isEqualTo(SELLER_IS_A_NATURAL_PERSON);
        Contract c = licenceFor(GrantScope.unrestricted(START, null), List.of(PATENT), LicenceKind.EXCLUSIVE);
        Contract licenceByInventor = new Contract(
                c.type(),
                c.transferSubject(),
                c.licenceKind(),
                INVENTOR,
                BUYER,
                c.assets(),
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                30);
        assertThat(assess(c, false)).isEqualTo(PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE);
        assertThat(assess(licenceByInventor, false)).isEqualTo(SELLER_IS_A_NATURAL_PERSON);
        assertThat(SELLER_IS_A_NATURAL_PERSON.qualifies()).isFalse();
        assertThat(SELLER_IS_A_NATURAL_PERSON.reason())
                .contains("natural person", "Caishui [2010] No. 111", "enterprise income tax");

        ContractRegistration registration = ContractRegistration.register(
                NUMBER,
                VENUE,
                assignment,
                new ContractRenderer().render("deal-1", VENUE, assignment).hash(),
                DealStatus.SIGNED,
                false,
                TODAY);
        assertThat(registration.seller()).isEqualTo(INVENTOR);
        assertThat(registration.qualification()).isEqualTo(SELLER_IS_A_NATURAL_PERSON);
    }

    @Test
    void anIndividualBuyerChangesNothing() {
        assertThat(assess(between(SELLER, INVENTOR), false)).isEqualTo(PATENT_ASSIGNMENT);
    }

    @Test
    void everyAssessmentGivesItsReason() {
        for (TransferIncomeQualification qualification : TransferIncomeQualification.values()) {
            assertThat(qualification.reason()).as(qualification.name()).isNotBlank();
        }
        assertThat(PATENT_ASSIGNMENT.reason()).contains("Caishui [2010] No. 111");
    }

    @Test
    void workAZeroAmountAndWhollyRelatedPartiesDoNotQualify() {
        for (ContractType type : List.of(ContractType.DEVELOPMENT, ContractType.CONSULTING, ContractType.SERVICE)) {
            assertThat(assess(withType(type), false)).isEqualTo(WORK_NOT_A_TRANSFER);
        }
        assertThat(assess(licence(royalty(), Money.cny(0)), false)).isEqualTo(NO_TRANSACTION_AMOUNT);
        assertThat(assess(transfer(), true)).isEqualTo(WHOLLY_RELATED_PARTIES);
        assertThat(List.of(TransferIncomeQualification.values()).stream().filter(q -> q.qualifies()))
                .containsExactlyInAnyOrder(PATENT_ASSIGNMENT, PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE);
    }
}
