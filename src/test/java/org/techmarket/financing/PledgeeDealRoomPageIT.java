package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;

/**
 * The deal room of a pledge sale offers the lender enforcing its pledge what the API lets it do for the owner who does
 * nothing: sign while the contract waits for the seller's signature and deliver once the buyer funded. A delivery sent
 * before the funding is refused with a message and changes nothing; the buyer is not offered the seller's steps, and an
 * organization with no authority is told the deal does not exist.
 */
class PledgeeDealRoomPageIT extends LoanSaleTest {

    @LocalServerPort
    int serverPort;

    private static final Map<String, String> DELIVERY =
            Map.of("sha256", "cd".repeat(32), "description", "The patent's file and the assignment deed");

    @Test
    void theEnforcingLenderIsOfferedTheSellersSignatureAndDelivery() {
        Defaulted d = defaulted();
        Awarded sale = awardedAt(d, "70000.00");
        Fixtures.Org bank = kit.fresh(d.bank());
        String path = "/api/v1/deals/" + sale.dealId();
        String room = "/deals/" + sale.dealId() + "?lang=en";
        PageClient lender = pages(bank);

        PageClient.Page signing = lender.get(room);
        assertThat(signing.status()).isEqualTo(200);
        assertThat(signing.html())
                .contains("id=\"enforcing-note\"")
                .contains("id=\"sign-form\"")
                .doesNotContain("id=\"deliver-form\"");

        PageClient.Page early = lender.post("/deals/" + sale.dealId() + "/deliver", DELIVERY, signing);
        assertThat(early.status()).isEqualTo(302);
        assertThat(lender.get(room).html()).contains("id=\"deal-refusal\"");
        assertThat(status(path, bank)).isEqualTo("SIGNING");

        Api.Response signed = api.post(path + "/signatures", bank.token(), Map.of());
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(lender.get(room).html())
                .as("signed for the seller: nothing left to sign")
                .doesNotContain("id=\"sign-form\"");
        assertThat(api.post(path + "/signatures", sale.winner().token(), Map.of())
                        .status())
                .isEqualTo(201);
        Api.Response funded = api.post(path + "/funding", sale.winner().token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);

        PageClient.Page buyers = pages(sale.winner()).get(room);
        assertThat(buyers.html()).doesNotContain("id=\"deliver-form\"").doesNotContain("id=\"enforcing-note\"");
        PageClient.Page fundedRoom = lender.get(room);
        assertThat(fundedRoom.html()).contains("id=\"deliver-form\"");
        assertThat(lender.post("/deals/" + sale.dealId() + "/deliver", DELIVERY, fundedRoom)
                        .status())
                .isEqualTo(302);
        assertThat(status(path, bank)).isEqualTo("DELIVERED");

        assertThat(pages(fixtures.verifiedOrg("ENTERPRISE")).get(room).status()).isEqualTo(404);
    }

    private String status(String path, Fixtures.Org reader) {
        return api.get(path, reader.token()).text("status");
    }

    private PageClient pages(Fixtures.Org org) {
        PageClient pages = new PageClient("http://localhost:" + serverPort);
        assertThat(pages.logIn(org.username(), org.password()).status()).isEqualTo(302);
        return pages;
    }
}
