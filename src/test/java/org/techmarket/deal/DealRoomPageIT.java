package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.Participants;
import org.techmarket.support.Api;
import org.techmarket.support.Browser;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The deal room and the account page: the parties sign (with keys made in the browser), fund, deliver (files hashed
 * in the browser) and accept through the same services as the API, and the seller's account shows the payout.
 */
class DealRoomPageIT extends WebIntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    Participants participants;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    DealKit kit;

    @BeforeEach
    void dealKit() {
        kit = new DealKit(api, fixtures, ledger, participants, events, transactions);
    }

    @Test
    void theWinnerSignsFundsReceivesDeliveryAndAcceptsInTheBrowserAndTheSellersChartShowsThePayout() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(12_000_00, 1_200_00);
        fixtures.cashIn(sale.buyer(), "20000.00");
        String room = "/deals/" + sale.dealId();

        Browser seller =
                browser("en").logIn(sale.seller().username(), sale.seller().password());
        seller.get(room);
        assertThat(seller.text("#contract-hash"))
                .isEqualTo(kit.deal(sale).path("contract").path("hash").asString());
        seller.click("#sign-button");
        seller.awaitVisible(".notice");
        assertThat(seller.findAll("#sign-form")).isEmpty();

        Browser buyer =
                browser("en").logIn(sale.buyer().username(), sale.buyer().password());
        buyer.get(room);
        buyer.click("#sign-button");
        buyer.awaitVisible("#fund-button");
        assertThat(kit.deal(sale).path("signatures").findValuesAsString("keyKind"))
                .containsOnly("SIGNER_HELD");
        buyer.click("#fund-button");
        buyer.await(d -> d.getPageSource().contains("data-status=\"FUNDED\""));

        Path file = Files.createTempFile("specification", ".txt");
        Files.writeString(file, "Sulfide electrolyte process, revision 3");
        seller.get(room);
        seller.find("#deliver-files").sendKeys(file.toString());
        seller.awaitVisible(".delivered-file");
        assertThat(seller.text(".delivered-file")).contains(sha256(Files.readAllBytes(file)));
        seller.await(d -> seller.find("#deliver-button").isEnabled());
        seller.click("#deliver-button");
        seller.await(d -> d.getPageSource().contains("data-status=\"DELIVERED\""));
        assertThat(kit.deal(sale)
                        .path("deliveredDocuments")
                        .get(0)
                        .path("sha256")
                        .asString())
                .isEqualTo(sha256(Files.readAllBytes(file)));

        buyer.get(room);
        buyer.click("#accept-button");
        buyer.await(d -> d.getPageSource().contains("data-status=\"COMPLETED\""));

        seller.get("/workspace/account");
        seller.await(d -> seller.find("#balance-chart").getDomAttribute("data-points") != null);
        assertThat(seller.find("#balance-chart").getDomAttribute("data-balances"))
                .isNotBlank();
        assertThat(seller.text(".available-balance")).isNotEqualTo("¥0.00");
    }

    @Test
    void onlyThePartiesSeeTheRoomAndARefusedStepShowsAsAMessageInThePagesLanguage() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(8_000_00, 800_00);
        String room = "/deals/" + sale.dealId();
        String hash = kit.deal(sale).path("contract").path("hash").asString();

        PageClient seller = signedIn(sale.seller());
        PageClient.Page page = seller.get(room);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(hash).contains("id=\"sign-form\"").doesNotContain("id=\"fund-button\"");
        assertThat(page.html()).contains("捌仟").doesNotContain("<script>alert");

        assertThat(signedIn(fixtures.verifiedOrg("ENTERPRISE")).get(room).status())
                .isEqualTo(404);

        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PageClient.Page keyAnswer = seller.fetch(
                "/workspace/signing-keys",
                Map.of(
                        "publicKey",
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())),
                page);
        assertThat(keyAnswer.status()).as(keyAnswer.html()).isEqualTo(200);
        String keyId = Api.JSON.readTree(keyAnswer.html()).path("id").asString();

        PageClient.Page refused = seller.post(
                room + "/sign",
                Map.of(
                        "keyId",
                        keyId,
                        "signature",
                        sign(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), hash),
                        "contractHash",
                        hash),
                page);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(seller.get(room).html()).contains("签名与您的密钥或本合同不符");
        assertThat(kit.deal(sale).path("signatures").size()).isZero();

        PageClient.Page signed = seller.post(
                room + "/sign", Map.of("keyId", keyId, "signature", sign(pair, hash), "contractHash", hash), page);
        assertThat(signed.status()).isEqualTo(302);
        PageClient.Page after = seller.get(room + "?lang=en");
        assertThat(after.html())
                .contains("Your signature is recorded.")
                .contains("signed with a key the signer holds")
                .doesNotContain("id=\"sign-form\"");
    }

    @Test
    void theAccountPageRunsTheSameStatementsWhateverTheNumberOfEntries() {
        Fixtures.Org few = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(few, "10.00");
        Fixtures.Org many = fixtures.verifiedOrg("ENTERPRISE");
        for (int i = 0; i < 15; i++) {
            fixtures.cashIn(many, "10.00");
        }
        PageClient.Counted one = signedIn(few).counted("/workspace/account");
        PageClient.Counted fifteen = signedIn(many).counted("/workspace/account");
        assertThat(one.page().status()).isEqualTo(200);
        assertThat(fifteen.page().html()).contains("¥150.00");
        assertThat(fifteen.statements()).isEqualTo(one.statements());

        PageClient client = signedIn(many);
        PageClient.Page page = client.get("/workspace/account");
        client.post(
                "/workspace/account/cash-out", Map.of("amount", "not money", "bankAccount", "6222020200112233"), page);
        assertThat(client.get("/workspace/account?lang=en").html()).contains("Enter an amount such as 1250.00.");
    }

    @Test
    void theDealRoomRunsTheSameStatementsAsTheDealMovesOn() throws Exception {
        DealKit.Sale early = kit.awardedAssignment(5_000_00, 500_00);
        DealKit.Sale later = kit.awardedAssignment(5_000_00, 500_00);
        for (Fixtures.Org party : new Fixtures.Org[] {later.seller(), later.buyer()}) {
            assertThat(api.post("/api/v1/deals/" + later.dealId() + "/signatures", party.token(), Map.of())
                            .status())
                    .isEqualTo(201);
        }
        int before = signedIn(early.buyer()).counted("/deals/" + early.dealId()).statements();
        int signedDeal =
                signedIn(later.buyer()).counted("/deals/" + later.dealId()).statements();
        assertThat(signedDeal).isEqualTo(before);
    }

    private static String sign(KeyPair pair, String hash) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(("techmarket-contract-v1:" + hash).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
