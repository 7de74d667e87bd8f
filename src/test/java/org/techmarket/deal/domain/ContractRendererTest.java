package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.deal.domain.Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

class ContractRendererTest {

    private final ContractRenderer renderer = new ContractRenderer();

    private RenderedContract render(Contract contract) {
        return renderer.render("deal-0001", VENUE, contract);
    }

    private static Contract with(
            Contract c, List<ContractAsset> assets, GrantScope scope, String obligations, int days) {
        return new Contract(
                c.type(),
                c.transferSubject(),
                c.licenceKind(),
                c.seller(),
                c.buyer(),
                assets,
                scope,
                c.price(),
                c.payment(),
                obligations,
                days);
    }

    @Test
    void theSameTermsGiveByteIdenticalTextsAndHash() {
        RenderedContract first = render(transfer());
        RenderedContract second = new ContractRenderer().render("deal-0001", VENUE, transfer());
        assertThat(second.zh().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(first.zh().getBytes(StandardCharsets.UTF_8));
        assertThat(second.en().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(first.en().getBytes(StandardCharsets.UTF_8));
        assertThat(second.hash()).isEqualTo(first.hash());
    }

    @Test
    void theHashOfAKnownContractStaysPut() {
        // Pinned on purpose: a change to a template or to the wording changes every future contract's hash, and
        // that should be a decision made with this test in view, not an accident.
        assertThat(render(transfer()).hash().hex())
                .isEqualTo("57d07e588ed54e3e6bdad8abff30811057c60a5e7ab7c5a12ad257b91321ab6f");
    }

    @Test
    void theHashIsTheSha256OfTheEnvelopeOfBothTexts() throws Exception {
        RenderedContract rendered = render(transfer());
        String envelope = rendered.envelope();
        int zhBytes = rendered.zh().getBytes(StandardCharsets.UTF_8).length;
        assertThat(envelope)
                .startsWith("techmarket-contract-v1\nzh " + zhBytes + "\n" + rendered.zh() + "en "
                        + rendered.en().getBytes(StandardCharsets.UTF_8).length + "\n");
        assertThat(envelope).endsWith(rendered.en());
        String sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(envelope.getBytes(StandardCharsets.UTF_8)));
        assertThat(rendered.hash().hex()).isEqualTo(sha);
        assertThatThrownBy(() -> new RenderedContract(rendered.zh() + "x", rendered.en(), rendered.hash()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyChangedTermChangesTheHash() {
        Contract c = transfer();
        List<RenderedContract> variants = new ArrayList<>();
        variants.add(render(c));
        variants.add(renderer.render("deal-0002", VENUE, c));
        variants.add(renderer.render(
                "deal-0001", new Venue("venue-bj", "北京技术交易所", "Beijing Technology Exchange", "110000"), c));
        variants.add(render(withPrice(
                Money.cny(PRICE.minor() + 1),
                new PaymentSchedule.LumpSum(Money.cny(PRICE.minor() + 1), LocalDate.of(2026, 2, 1)))));
        variants.add(render(withPrice(PRICE, new PaymentSchedule.LumpSum(PRICE, LocalDate.of(2026, 2, 2)))));
        variants.add(render(withPrice(
                PRICE,
                new PaymentSchedule.Instalments(
                        List.of(new PaymentSchedule.Instalment(PRICE, LocalDate.of(2026, 2, 1)))))));
        variants.add(render(with(
                c,
                List.of(ContractAsset.patent("asset-1", PATENT.title(), "CN201510958773.9")),
                c.scope(),
                c.deliveryObligations(),
                30)));
        variants.add(render(with(
                c,
                c.assets(),
                GrantScope.toLastDay(
                        List.of("工业视觉检测"), List.of("中国大陆"), START, Optional.of(LocalDate.of(2030, 12, 30))),
                c.deliveryObligations(),
                30)));
        variants.add(render(with(
                c,
                c.assets(),
                GrantScope.toLastDay(
                        List.of("工业视觉"), List.of("中国大陆"), START, c.scope().lastDay()),
                c.deliveryObligations(),
                30)));
        variants.add(render(with(c, c.assets(), c.scope(), c.deliveryObligations() + "另附源代码。", 30)));
        variants.add(render(with(c, c.assets(), c.scope(), c.deliveryObligations(), 31)));
        variants.add(render(new Contract(
                c.type(),
                c.transferSubject(),
                c.licenceKind(),
                c.seller(),
                Party.organization(
                        BUYER.organizationId(), BUYER.name() + "（改）", BUYER.identifier(), BUYER.regionCode()),
                c.assets(),
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                30)));
        variants.add(render(between(INVENTOR, BUYER)));
        variants.add(render(new Contract(
                c.type(),
                Optional.of(TransferSubject.PATENT_APPLICATION_RIGHT),
                c.licenceKind(),
                c.seller(),
                c.buyer(),
                c.assets(),
                c.scope(),
                c.price(),
                c.payment(),
                c.deliveryObligations(),
                30)));
        variants.add(render(licence(new PaymentSchedule.LumpSum(PRICE, LocalDate.of(2026, 2, 1)), PRICE)));
        variants.add(render(royaltyLicence()));
        variants.add(render(licence(
                new PaymentSchedule.RunningRoyalty(351, Money.cny(5_000_000), ReportingPeriod.QUARTERLY, 30),
                Money.cny(20_000_000))));
        variants.add(render(licence(
                new PaymentSchedule.RunningRoyalty(350, Money.cny(5_000_000), ReportingPeriod.MONTHLY, 30),
                Money.cny(20_000_000))));
        assertThat(variants.stream().map(RenderedContract::hash).distinct()).hasSize(variants.size());
    }

    @Test
    void anIndividualIsNamedAsANaturalPersonWithTheFullIdentityNumberInBothLanguages() {
        RenderedContract rendered = render(between(INVENTOR, BUYER));
        assertThat(rendered.zh())
                .contains(
                        "让与人：张明\n自然人，居民身份证号码：11010519491231002X\n所在地区代码：110000\n",
                        "受让人：杭州智造装备股份有限公司\n统一社会信用代码：" + BUYER.identifier() + "\n");
        assertThat(rendered.en())
                .contains(
                        "Assignor: 张明\nNatural person; resident identity card no.: 11010519491231002X\nRegion code: 110000\n",
                        "Assignee: 杭州智造装备股份有限公司\nUnified social credit code: " + BUYER.identifier() + "\n");
        assertThat(rendered.zh() + rendered.en()).doesNotContain("**");

        RenderedContract asBuyer = render(between(SELLER, INVENTOR));
        assertThat(asBuyer.zh()).contains("受让人：张明\n自然人，居民身份证号码：11010519491231002X\n");
        assertThat(asBuyer.en())
                .contains("Assignee: 张明\nNatural person; resident identity card no.: 11010519491231002X\n");
        // One hash over both languages, as for every contract; naming the person differently changes it.
        assertThat(rendered.hash())
                .isEqualTo(RenderedContract.of(rendered.zh(), rendered.en()).hash());
        assertThat(rendered.hash())
                .isNotEqualTo(render(between(
                                Party.naturalPerson(
                                        INVENTOR.organizationId(),
                                        INVENTOR.name(),
                                        "440524188001010014",
                                        INVENTOR.regionCode()),
                                BUYER))
                        .hash());
    }

    @Test
    void amountsAreWrittenExactlyInFiguresAndChineseWords() {
        RenderedContract rendered = render(transfer());
        assertThat(rendered.zh()).contains("本合同价款（技术交易额）为¥1,250,000.00（大写：人民币壹佰贰拾伍万元整）。");
        assertThat(rendered.en()).contains("The price (technology transaction amount) is ¥1,250,000.00 (CNY).");
        assertThat(rendered.zh()).contains("2026年2月1日");
        assertThat(rendered.en()).contains("1 February 2026");
    }

    @Test
    void theContractNamesTheRolesOfItsTypeAndTheVenuesRules() {
        RenderedContract licence = render(royaltyLicence());
        assertThat(licence.zh())
                .startsWith("技术许可合同\n")
                .contains(
                        "许可人：深圳市前海量子科技有限公司",
                        "被许可人：杭州智造装备股份有限公司",
                        "独占许可",
                        "3.50%",
                        "每季度不低于¥50,000.00",
                        "深圳技术交易所的争议处理规则",
                        "适用中华人民共和国法律",
                        "以中文文本为准");
        assertThat(licence.en())
                .startsWith("Technology Licence Contract\n")
                .contains(
                        "Licensor: ",
                        "Licensee: ",
                        "The licence is exclusive",
                        "3.50%",
                        "no less than ¥50,000.00 per quarter",
                        "Shenzhen Technology Exchange under its dispute rules",
                        "laws of the People's Republic of China",
                        "the Chinese version prevails");
    }

    @Test
    void everyTypeAndScheduleRendersWithoutGaps() {
        List<Contract> contracts = new ArrayList<>();
        for (ContractType type : ContractType.values()) {
            contracts.add(withType(type));
        }
        for (TransferSubject subject : TransferSubject.values()) {
            Contract c = transfer();
            contracts.add(new Contract(
                    c.type(),
                    Optional.of(subject),
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
        for (LicenceKind kind : LicenceKind.values()) {
            Contract c = royaltyLicence();
            contracts.add(new Contract(
                    c.type(),
                    c.transferSubject(),
                    Optional.of(kind),
                    c.seller(),
                    c.buyer(),
                    c.assets(),
                    GrantScope.unrestricted(START, null),
                    Money.cny(0),
                    c.payment(),
                    c.deliveryObligations(),
                    30));
        }
        contracts.add(new Contract(
                ContractType.SERVICE,
                Optional.empty(),
                Optional.empty(),
                SELLER,
                BUYER,
                List.of(),
                GrantScope.unrestricted(START, null),
                new Money(123_456, "USD"),
                new PaymentSchedule.LumpSum(new Money(123_456, "USD"), START),
                "调试产线。",
                7));
        for (Contract contract : contracts) {
            RenderedContract rendered = render(contract);
            for (String text : List.of(rendered.zh(), rendered.en())) {
                assertThat(text)
                        .as(contract.type() + " " + contract.payment().kind())
                        .doesNotContain("{{", "}}", "\n\n\n", " \n", "null", "Optional")
                        .endsWith("\n");
            }
        }
    }

    @Test
    void partyTextIsCopiedLiterallyAndCanonicalised() {
        Contract c = transfer();
        Contract braces = with(
                c,
                List.of(ContractAsset.patent("asset-1", "方法{{title}}$1\\", "CN201510958772.0")),
                c.scope(),
                "第一行  \r\n第二行\r\n\r\n\r\n\r\n第三行",
                30);
        RenderedContract rendered = render(braces);
        assertThat(rendered.zh()).contains("方法{{title}}$1\\").contains("第一行\n第二行\n\n第三行");
        Contract unix = with(c, braces.assets(), c.scope(), "第一行\n第二行\n\n第三行", 30);
        assertThat(render(unix).hash()).isEqualTo(rendered.hash());
    }

    @Test
    void languagesAreChosenByTag() {
        RenderedContract rendered = render(transfer());
        assertThat(ContractLanguage.fromTag("zh").map(rendered::text)).contains(rendered.zh());
        assertThat(ContractLanguage.fromTag("en").map(rendered::text)).contains(rendered.en());
        assertThat(ContractLanguage.fromTag("fr")).isEmpty();
    }
}
