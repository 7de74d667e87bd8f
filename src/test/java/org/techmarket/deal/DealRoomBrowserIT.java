package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.ChineseAmount;
import org.techmarket.shared.Money;
import org.techmarket.support.Browser;
import tools.jackson.databind.JsonNode;

/**
 * The deal room in a real browser: the winner makes a signing key in its browser on the signing-keys page and signs
 * with it, funds, receives a delivery whose file the seller's browser hashed, accepts and registers the contract; the
 * certificate prints both languages and the seller's account shows the payout in its statement and its chart.
 */
class DealRoomBrowserIT extends DealPageTest {

    @Test
    void theWinnerSignsFundsReceivesDeliveryAndAcceptsInTheDealRoomAndTheSellersBalanceChartShowsThePayout()
            throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(12_000_00, 1_200_00);
        fixtures.cashIn(sale.buyer(), "20000.00");
        String room = "/deals/" + sale.dealId();
        String hash = kit.deal(sale).path("contract").path("hash").asString();
        // the seller never took a key of its own, so the market signs for it with the key it holds
        assertThat(api.post(
                                room.replace("/deals", "/api/v1/deals") + "/signatures",
                                sale.seller().token(),
                                Map.of())
                        .status())
                .isEqualTo(201);

        Browser buyer =
                browser("en").logIn(sale.buyer().username(), sale.buyer().password());
        buyer.get("/workspace").click("#keys-link");
        buyer.awaitVisible("#make-key-button").click();
        buyer.awaitVisible("#keys-done");
        String keyId = buyer.find("tr.signing-key").getDomAttribute("data-key-id");
        buyer.awaitVisible("tr.signing-key .this-browser");
        assertThat(buyer.text("#server-held")).contains("only keys your users hold");

        buyer.get(room);
        assertThat(buyer.text("#contract-hash")).isEqualTo(hash);
        assertThat(buyer.text(".contract-columns article[lang=zh] pre")).contains("转让");
        assertThat(buyer.text(".contract-columns article[lang=en] pre")).contains("assign");
        buyer.click("#sign-button");
        buyer.awaitVisible("#fund-button");
        JsonNode signatures = kit.deal(sale).path("signatures");
        assertThat(signatures.findValuesAsString("keyKind")).containsExactlyInAnyOrder("SERVER_HELD", "SIGNER_HELD");
        assertThat(signatures.findValuesAsString("signerKeyId")).contains(keyId);

        buyer.click("#fund-button");
        buyer.await(d -> d.getPageSource().contains("data-status=\"FUNDED\""));

        Path file = Files.createTempFile("specification", ".txt");
        Files.writeString(file, "Sulfide electrolyte process, revision " + sale.dealId());
        String fileHash = sha256(Files.readAllBytes(file));
        Browser seller = browser().logIn(sale.seller().username(), sale.seller().password());
        seller.get(room);
        seller.find("#deliver-files").sendKeys(file.toString());
        seller.awaitVisible(".delivered-file");
        assertThat(seller.text(".delivered-file")).contains(fileHash);
        seller.await(d -> seller.find("#deliver-button").isEnabled());
        seller.click("#deliver-button");
        seller.await(d -> d.getPageSource().contains("data-status=\"DELIVERED\""));
        assertThat(kit.deal(sale)
                        .path("deliveredDocuments")
                        .get(0)
                        .path("sha256")
                        .asString())
                .isEqualTo(fileHash);

        buyer.get(room).click("#accept-button");
        buyer.await(d -> d.getPageSource().contains("data-status=\"COMPLETED\""));
        buyer.click(".deal-steps form[action$='/register'] button");
        buyer.awaitVisible("#certificate-link").click();
        buyer.awaitVisible("#certificate .certificate-zh");
        String number = buyer.text(".certificate-en .registration-number");
        assertThat(buyer.text(".certificate-zh .registration-number")).isEqualTo(number);
        assertThat(api.get("/api/v1/registrations/" + number, sale.buyer().token())
                        .text("dealId"))
                .isEqualTo(sale.dealId());
        assertThat(buyer.text(".certificate-zh")).contains("技术合同登记证明").contains(ChineseAmount.inWords(12_000_00));
        assertThat(buyer.text(".certificate-en"))
                .contains("Technology contract registration certificate")
                .contains("¥12,000.00")
                .contains(hash);
        assertThat(buyer.findAll(".certificate-en .certificate-signature"))
                .extracting(s -> s.getDomAttribute("data-key-kind"))
                .containsExactlyInAnyOrder("SERVER_HELD", "SIGNER_HELD");

        Money payout = Money.parse(
                api.get("/api/v1/accounts", sale.seller().token())
                        .json()
                        .get(0)
                        .path("available")
                        .path("amount")
                        .asString(),
                "CNY");
        assertThat(payout.minor()).isPositive();
        seller.get("/workspace/account");
        seller.await(d -> seller.find("#balance-chart").getDomAttribute("data-points") != null);
        assertThat(seller.text(".available-balance")).isEqualTo(payout.withSymbol());
        assertThat(seller.text("#statement .statement-line")).contains(payout.withSymbol());
        String[] balances =
                seller.find("#balance-chart").getDomAttribute("data-balances").split(",");
        assertThat(new BigDecimal(balances[balances.length - 1])).isEqualByComparingTo(payout.decimal());

        screenshots(buyer, room);
    }

    /** The deal room, the signing keys and the certificate as the buyer sees them, in Chinese and in English. */
    private static void screenshots(Browser buyer, String room) {
        Map<String, String> pages =
                Map.of("deal-room", room, "keys", "/workspace/keys", "certificate", room + "/certificate");
        pages.forEach((name, path) -> {
            for (String lang : new String[] {"zh", "en"}) {
                buyer.get(path + "?lang=" + lang).awaitVisible("main h1");
                buyer.screenshot(Path.of("docs/screenshots/" + name + "-" + lang + ".png"));
            }
        });
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
