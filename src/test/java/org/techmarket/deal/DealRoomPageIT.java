package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;

/**
 * The deal room and the account page over plain HTTP: only the parties see the room, a refused step comes back as a
 * message in the page's language, and both pages run a constant number of statements. The whole story in a browser is
 * {@link DealRoomBrowserIT}.
 */
class DealRoomPageIT extends DealPageTest {

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
                        DealKit.signature(
                                KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), hash),
                        "contractHash",
                        hash),
                page);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(seller.get(room).html()).contains("签名与您的密钥或本合同不符");
        assertThat(kit.deal(sale).path("signatures").size()).isZero();

        PageClient.Page signed = seller.post(
                room + "/sign",
                Map.of("keyId", keyId, "signature", DealKit.signature(pair, hash), "contractHash", hash),
                page);
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
        assertThat(one.statements())
                .as("the session's check, then the balances, the statement's page and the chart in one round trip"
                        + " (ADR 0117)")
                .isEqualTo(2);

        PageClient client = signedIn(many);
        PageClient.Page page = client.get("/workspace/account");
        client.post(
                "/workspace/account/cash-out", Map.of("amount", "not money", "bankAccount", "6222020200112233"), page);
        assertThat(client.get("/workspace/account?lang=en").html()).contains("Enter an amount such as 1250.00.");
    }

    @Test
    void theDealRoomReadsTheRoyaltyTermsOnceAndCommitsNothing() {
        DealKit.Sale sale = kit.awardedAssignment(5_000_00, 500_00);

        PageClient.Counted room = signedIn(sale.buyer()).counted("/deals/" + sale.dealId());

        assertThat(room.page().status()).isEqualTo(200);
        assertThat(room.sql().stream().filter(sql -> sql.contains("deal_royalty_terms")))
                .as("the payment terms' statement reads the royalty terms; the room's royalty statement does not"
                        + " read them again")
                .hasSize(1);
        assertThat(room.commits())
                .as("the room's reads in one round trip that is its own implicit transaction, and the session's check"
                        + " without one: nothing to commit (ADR 0118)")
                .isZero();
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
        assertThat(before)
                .as("the session's check, then the deal, its terms, particulars, escrow, registration and a proposal"
                        + " to cancel it in one round trip (ADR 0117)")
                .isEqualTo(2);
    }
}
