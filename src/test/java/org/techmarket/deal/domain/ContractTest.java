package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.techmarket.deal.domain.Fixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class ContractTest {

    private static Rejection refusal(Executable call) {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> {
            try {
                call.execute();
            } catch (Throwable t) {
                throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
            }
        });
        assertThat(rejection).as("expected a rejection").isNotNull();
        assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
        return rejection;
    }

    private static void refused(String code, String field, Executable call) {
        Rejection rejection = refusal(call);
        assertThat(rejection.code()).isEqualTo(code);
        assertThat(rejection.errors()).extracting(Rejection.FieldError::field).containsExactly(field);
    }

    @Test
    void aPatentTransferWithALumpSumIsAValidContract() {
        Contract contract = transfer();
        assertThat(contract.type().passesRights()).isTrue();
        assertThat(contract.payment().fundingAmount(contract.price())).isEqualTo(PRICE);
        assertThat(contract.royaltySchedule()).isEmpty();
        assertThat(contract.acceptanceDeadline(Instant.parse("2026-03-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
    }

    @Test
    void aTransferNamesItsSubjectAndOnlyATransferHasOne() {
        Contract c = transfer();
        refused(
                "TRANSFER_SUBJECT_REQUIRED",
                "transferSubject",
                () -> new Contract(
                        c.type(),
                        Optional.empty(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        refused(
                "TRANSFER_SUBJECT_NOT_ALLOWED",
                "transferSubject",
                () -> new Contract(
                        ContractType.CONSULTING,
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
    }

    @Test
    void aLicenceStatesHowExclusiveItIsAndOnlyALicenceDoes() {
        Contract c = transfer();
        refused(
                "LICENCE_KIND_REQUIRED",
                "licenceKind",
                () -> new Contract(
                        ContractType.LICENSING,
                        Optional.empty(),
                        Optional.empty(),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        refused(
                "LICENCE_KIND_NOT_ALLOWED",
                "licenceKind",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        Optional.of(LicenceKind.SOLE),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
    }

    @Test
    void aPatentTransferNamesEveryPatentNumberButKnowHowNeedsNone() {
        Contract c = transfer();
        List<ContractAsset> knowHow = List.of(ContractAsset.knowHow("asset-2", "焊缝图像标注工艺"));
        refused(
                "PATENT_NUMBER_REQUIRED",
                "assets[0].patentNumber",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        knowHow,
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        Contract secret = new Contract(
                c.type(),
                Optional.of(TransferSubject.KNOW_HOW),
                c.licenceKind(),
                c.seller(),
                c.buyer(),
                knowHow,
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                30);
        assertThat(secret.assets()).hasSize(1);
    }

    @Test
    void rightsNeedAnAssetNamedOnceButServicesNeedNone() {
        Contract c = transfer();
        refused(
                "NO_ASSETS",
                "assets",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        List.of(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        refused(
                "DUPLICATE_ASSET",
                "assets[1].assetId",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        List.of(PATENT, PATENT),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        Contract service = new Contract(
                ContractType.SERVICE,
                Optional.empty(),
                Optional.empty(),
                c.seller(),
                c.buyer(),
                List.of(),
                c.scope(),
                c.price(),
                c.payment(),
                "现场调试焊接检测产线。",
                14);
        assertThat(service.type().passesRights()).isFalse();
    }

    @Test
    void theSellerIsNotTheBuyer() {
        Contract c = transfer();
        Party sameCode = Party.organization("org-other", "另一个名字", SELLER.identifier(), "440300");
        refused(
                "SAME_PARTY",
                "buyer",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.seller(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        refused(
                "SAME_PARTY",
                "buyer",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        sameCode,
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
    }

    @Test
    void theSamePersonIsNotOnBothSides() {
        Party sameNumber = Party.naturalPerson("org-other", "张明", INVENTOR.identifier(), "440300");
        refused("SAME_PARTY", "buyer", () -> between(INVENTOR, sameNumber));
        Party otherPerson = Party.naturalPerson("org-other", "张明", "440524188001010014", "440300");
        assertThat(between(INVENTOR, otherPerson).buyer()).isEqualTo(otherPerson);
        assertThat(between(INVENTOR, BUYER).seller().isNaturalPerson()).isTrue();
        assertThat(between(SELLER, INVENTOR).buyer().isNaturalPerson()).isTrue();
    }

    @Test
    void partiesCarryAValidCreditCodeAndRegion() {
        refused(
                "INVALID_CREDIT_CODE",
                "identifier",
                () -> Party.organization("o", "名称", SELLER.identifier().substring(0, 17) + "0", "440300"));
        refused(
                "INVALID_REGION_CODE",
                "regionCode",
                () -> Party.organization("o", "名称", SELLER.identifier(), "990000"));
        refused("FIELD_REQUIRED", "name", () -> Party.organization("o", "  ", SELLER.identifier(), "440300"));
        refused("TEXT_TOO_LONG", "name", () -> Party.organization("o", "名".repeat(201), SELLER.identifier(), "440300"));
        assertThat(Party.organization(" o ", " 名称 ", SELLER.identifier(), "440300")
                        .name())
                .isEqualTo("名称");
    }

    @Test
    void theTermDoesNotEndBeforeItStarts() {
        refused(
                "INVALID_TERM",
                "scope.end",
                () -> OfferTerms.scope(List.of(), List.of(), START, Optional.of(START.minusDays(1))));
        assertThat(OfferTerms.scope(List.of(), List.of(), START, Optional.of(START))
                        .lastDay())
                .contains(START);
    }

    private static GrantScope lastingTo(LocalDate lastDay) {
        return GrantScope.toLastDay(List.of(), List.of(), START, Optional.of(lastDay));
    }

    @Test
    void aTermOfFiveYearsEndsTheDayBeforeTheFifthAnniversary() {
        assertThat(lastingTo(LocalDate.of(2030, 12, 31)).lastsAtLeastYears(5)).isTrue();
        assertThat(lastingTo(LocalDate.of(2030, 12, 30)).lastsAtLeastYears(5)).isFalse();
        assertThat(GrantScope.unrestricted(START, null).lastsAtLeastYears(5)).isTrue();
    }

    @Test
    void theLumpSumIsThePrice() {
        refused(
                "LUMP_SUM_MISMATCH",
                "payment.amount",
                () -> withPrice(PRICE, new PaymentSchedule.LumpSum(Money.cny(PRICE.minor() - 1), START)));
        refused(
                "CURRENCY_MISMATCH",
                "currency",
                () -> withPrice(PRICE, new PaymentSchedule.LumpSum(new Money(PRICE.minor(), "USD"), START)));
        refused(
                "INVALID_AMOUNT",
                "price",
                () -> withPrice(Money.cny(0), new PaymentSchedule.LumpSum(Money.cny(0), START)));
    }

    @Test
    void instalmentsSumToExactlyThePriceOnAscendingDates() {
        PaymentSchedule.Instalment first = new PaymentSchedule.Instalment(Money.cny(37_500_000), START);
        PaymentSchedule.Instalment second = new PaymentSchedule.Instalment(Money.cny(87_500_000), START.plusMonths(6));
        Contract contract = withPrice(PRICE, new PaymentSchedule.Instalments(List.of(first, second)));
        assertThat(contract.payment().fundingAmount(PRICE)).isEqualTo(Money.cny(37_500_000));

        PaymentSchedule.Instalment short1 = new PaymentSchedule.Instalment(Money.cny(87_499_999), START.plusMonths(6));
        Rejection mismatch = refusal(() -> withPrice(PRICE, new PaymentSchedule.Instalments(List.of(first, short1))));
        assertThat(mismatch.code()).isEqualTo("INSTALMENTS_SUM_MISMATCH");
        assertThat(mismatch.getMessage()).contains("1,250,000.00", "1,249,999.99");

        refused(
                "INSTALMENTS_OUT_OF_ORDER",
                "payment.instalments[1].dueDate",
                () -> new PaymentSchedule.Instalments(List.of(second, first)));
        refused("FIELD_REQUIRED", "payment.instalments", () -> new PaymentSchedule.Instalments(List.of()));
        refused(
                "INVALID_AMOUNT",
                "payment.instalments.amount",
                () -> new PaymentSchedule.Instalment(Money.cny(0), START));
    }

    @Test
    void instalmentsTooLargeToAddUpAreRefusedNotWrapped() {
        PaymentSchedule.Instalments huge = new PaymentSchedule.Instalments(List.of(
                new PaymentSchedule.Instalment(Money.cny(Long.MAX_VALUE), START),
                new PaymentSchedule.Instalment(Money.cny(Long.MAX_VALUE), START.plusDays(1)),
                new PaymentSchedule.Instalment(Money.cny(2), START.plusDays(2))));
        refused("INSTALMENTS_SUM_MISMATCH", "payment.instalments", () -> huge.requireConsistentWith(Money.cny(0)));
    }

    @Test
    void aRunningRoyaltyIsForRightsOnlyAndMayHaveNoUpfrontFee() {
        Contract free = licence(royalty(), Money.cny(0));
        assertThat(free.payment().fundingAmount(free.price()).isZero()).isTrue();
        assertThat(free.royaltySchedule()).hasValueSatisfying(s -> {
            assertThat(s.period()).isEqualTo(ReportingPeriod.QUARTERLY);
            assertThat(s.end()).isEqualTo(SCOPE.lastDay());
        });
        refused(
                "ROYALTY_NOT_ALLOWED",
                "payment",
                () -> new Contract(
                        ContractType.CONSULTING,
                        Optional.empty(),
                        Optional.empty(),
                        SELLER,
                        BUYER,
                        List.of(),
                        SCOPE,
                        PRICE,
                        royalty(),
                        "咨询报告",
                        30));
        assertThat(withPrice(PRICE, royalty()).royaltySchedule()).isPresent();
    }

    @Test
    void royaltyTermsAreBounded() {
        Money min = Money.cny(0);
        refused(
                "INVALID_ROYALTY_RATE",
                "payment.rateBasisPoints",
                () -> new PaymentSchedule.RunningRoyalty(0, min, ReportingPeriod.MONTHLY, 30));
        refused(
                "INVALID_ROYALTY_RATE",
                "payment.rateBasisPoints",
                () -> new PaymentSchedule.RunningRoyalty(10_001, min, ReportingPeriod.MONTHLY, 30));
        refused(
                "INVALID_REPORT_DEADLINE",
                "payment.reportWithinDays",
                () -> new PaymentSchedule.RunningRoyalty(100, min, ReportingPeriod.MONTHLY, 0));
        refused("FIELD_REQUIRED", "payment.period", () -> new PaymentSchedule.RunningRoyalty(100, min, null, 30));
    }

    @Test
    void theAcceptancePeriodIsOneDayToOneYear() {
        Contract c = transfer();
        for (int days : new int[] {0, 366}) {
            refused(
                    "INVALID_ACCEPTANCE_PERIOD",
                    "acceptancePeriodDays",
                    () -> new Contract(
                            c.type(),
                            c.transferSubject(),
                            c.licenceKind(),
                            c.seller(),
                            c.buyer(),
                            c.assets(),
                            c.scope(),
                            c.price(),
                            c.payment(),
                            c.deliveryObligations(),
                            days));
        }
    }

    @Test
    void missingTermsAreNamed() {
        Contract c = transfer();
        refused(
                "FIELD_REQUIRED",
                "type",
                () -> new Contract(
                        null,
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        c.deliveryObligations(),
                        30));
        refused(
                "FIELD_REQUIRED",
                "deliveryObligations",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        c.payment(),
                        " ",
                        30));
        refused(
                "FIELD_REQUIRED",
                "payment",
                () -> new Contract(
                        c.type(),
                        c.transferSubject(),
                        c.licenceKind(),
                        c.seller(),
                        c.buyer(),
                        c.assets(),
                        c.scope(),
                        c.price(),
                        null,
                        "交付",
                        30));
    }
}
