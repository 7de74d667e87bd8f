package org.techmarket.deal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.participant.UnifiedSocialCreditCode;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

/** Valid parties, assets and contracts for the deal tests, each varied by a copy with one term changed. */
final class Fixtures {

    static final Party SELLER = Party.organization(
            "org-seller", "深圳市前海量子科技有限公司", UnifiedSocialCreditCode.withCheckCharacter("91440300MA5F00001"), "440300");
    static final Party BUYER = Party.organization(
            "org-buyer", "杭州智造装备股份有限公司", UnifiedSocialCreditCode.withCheckCharacter("91330100MA2H00002"), "330100");
    /** An inventor, named by the example number of GB 11643-1999. */
    static final Party INVENTOR = Party.naturalPerson("org-inventor", "张明", "11010519491231002X", "110000");

    static final ContractAsset PATENT = ContractAsset.patent("asset-1", "一种基于深度学习的焊缝缺陷检测方法", "CN201510958772.0");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final GrantScope SCOPE =
            GrantScope.toLastDay(List.of("工业视觉检测"), List.of("中国大陆"), START, Optional.of(LocalDate.of(2030, 12, 31)));
    static final Money PRICE = Money.cny(125_000_000);
    static final Venue VENUE = new Venue("venue-sz", "深圳技术交易所", "Shenzhen Technology Exchange", "440300");

    private Fixtures() {}

    static Contract transfer() {
        return new Contract(
                ContractType.TRANSFER,
                Optional.of(TransferSubject.PATENT_RIGHT),
                Optional.empty(),
                SELLER,
                BUYER,
                List.of(PATENT),
                SCOPE,
                PRICE,
                new PaymentSchedule.LumpSum(PRICE, LocalDate.of(2026, 2, 1)),
                "交付专利证书原件及全部技术资料。",
                30);
    }

    static Contract licence(PaymentSchedule payment, Money price) {
        return new Contract(
                ContractType.LICENSING,
                Optional.empty(),
                Optional.of(LicenceKind.EXCLUSIVE),
                SELLER,
                BUYER,
                List.of(PATENT),
                SCOPE,
                price,
                payment,
                "提供实施该专利所需的技术指导。",
                30);
    }

    static PaymentSchedule.RunningRoyalty royalty() {
        return new PaymentSchedule.RunningRoyalty(350, Money.cny(5_000_000), ReportingPeriod.QUARTERLY, 30);
    }

    static Contract royaltyLicence() {
        return licence(royalty(), Money.cny(20_000_000));
    }

    static Contract withType(ContractType type) {
        Contract c = transfer();
        return new Contract(
                type,
                type == ContractType.TRANSFER ? c.transferSubject() : Optional.empty(),
                type == ContractType.LICENSING ? Optional.of(LicenceKind.NON_EXCLUSIVE) : Optional.empty(),
                c.seller(),
                c.buyer(),
                c.assets(),
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                c.acceptancePeriodDays());
    }

    /** The transfer with other parties. */
    static Contract between(Party seller, Party buyer) {
        Contract c = transfer();
        return new Contract(
                c.type(),
                c.transferSubject(),
                c.licenceKind(),
                seller,
                buyer,
                c.assets(),
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                c.acceptancePeriodDays());
    }

    static Contract withPrice(Money price, PaymentSchedule payment) {
        Contract c = transfer();
        return new Contract(
                c.type(),
                c.transferSubject(),
                c.licenceKind(),
                c.seller(),
                c.buyer(),
                c.assets(),
                c.scope(),
                price,
                payment,
                c.deliveryObligations(),
                c.acceptancePeriodDays());
    }
}
