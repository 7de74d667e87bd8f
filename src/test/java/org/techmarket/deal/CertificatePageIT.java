package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.ChineseAmount;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * The registration certificate over plain HTTP: none before the contract is registered (404, and no link from the deal
 * room), then the registration in both languages with the parties, the patent, the amount in capitals, the signatures'
 * key holders, and a log entry and an inclusion proof anyone fetches without a token; hidden from non-parties (404).
 */
class CertificatePageIT extends DealPageTest {

    private static final Pattern PROOF = Pattern.compile("href=\"(/api/v1/log/proofs/inclusion\\?[^\"]+)\"");

    @Test
    void aRegisteredContractsCertificateShowsBothLanguagesAndHowToVerifyItInThePublicLog() {
        DealKit.Sale sale = kit.awardedAssignment(9_876_00, 900_00);
        kit.signByBoth(sale);
        String room = "/deals/" + sale.dealId();
        PageClient seller = signedIn(sale.seller());

        PageClient.Page unregistered = seller.get(room + "/certificate?lang=en");
        assertThat(unregistered.status()).isEqualTo(404);
        assertThat(unregistered.html()).contains("<html");
        assertThat(seller.get(room).html()).doesNotContain("id=\"certificate-link\"");

        Api.Response registered = api.post(
                "/api/v1/deals/" + sale.dealId() + "/registration",
                sale.seller().token(),
                Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String number = registered.text("number");
        assertThat(seller.get(room).html()).contains("id=\"certificate-link\"");

        Eventually.await(
                "the registration's entry in the log",
                Duration.ofSeconds(20),
                () -> seller.get(room + "/certificate").html().contains("data-log-index"));
        PageClient.Page certificate = seller.get(room + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        JsonNode deal = kit.deal(sale);
        String patentNumber =
                deal.path("contract").path("assets").get(0).path("patentNumber").asString();
        assertThat(certificate.html())
                .contains("技术合同登记证明", "Technology contract registration certificate")
                .contains("lang=\"zh\"", "lang=\"en\"")
                .contains(
                        number,
                        patentNumber,
                        deal.path("seller").path("name").asString(),
                        deal.path("buyer").path("name").asString())
                .contains("技术转让", "Technology transfer", "专利权", "Patent right")
                .contains("¥9,876.00", ChineseAmount.inWords(9_876_00))
                .contains(deal.path("contract").path("hash").asString())
                .contains("data-key-kind=\"SERVER_HELD\"", "以平台代管密钥签署", "signed with a key the market holds");
        assertThat(certificate.html().split("class=\"registration-number\"", -1))
                .hasSize(3);

        Matcher proof = PROOF.matcher(certificate.html());
        assertThat(proof.find()).isTrue();
        Api.Response inclusion = api.get(proof.group(1).replace("&amp;", "&"), null);
        assertThat(inclusion.status()).as(inclusion.text()).isEqualTo(200);
        String index = inclusion.text("leafIndex");
        Api.Response entry = api.get("/api/v1/log/entries/" + index, null);
        assertThat(entry.json().path("event").path("type").asString()).isEqualTo("ContractRegistered");
        assertThat(entry.json().path("event").path("subject").asString()).isEqualTo("deal:" + sale.dealId());

        assertThat(signedIn(fixtures.verifiedOrg("ENTERPRISE"))
                        .get(room + "/certificate")
                        .status())
                .isEqualTo(404);
        assertThat(visitor().get("/css/certificate.css").html()).contains("@media print");
    }
}
