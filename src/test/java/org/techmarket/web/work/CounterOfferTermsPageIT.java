package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.Market;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A counter-offer from the workspace carries what the API's counter-offer takes beyond the price: instalments with
 * their dates, a lump sum's date, the fields of use and the term's end, each left blank keeping the countered offer's.
 * Instalments that do not add up to the price, a due date already past, or a territory that is no country or GB/T 2260
 * province or city, are refused with a message and change nothing; territories given replace the countered offer's.
 */
class CounterOfferTermsPageIT extends WebIntegrationTest {

    @Test
    void aBuyerCountersWithInstalmentsAndANarrowerScopeAndBadTermsAreRefused() {
        Market market = new Market(api, fixtures);
        Market.Seller seller = market.seller();
        Org buyer = market.bidder("100000.00");
        String listing = market.publish(seller, Market.exclusiveLicence("CN"), Market.negotiation());
        String theirs = market.counteredOffer(buyer, seller, listing, "1500.00", "1800.00");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String action = "/workspace/offers/" + theirs + "/counter";
        PageClient page = signedIn(buyer);

        PageClient.Page workspace = page.get("/workspace?lang=en");
        assertThat(workspace.html()).contains("name=\"instalments\"").contains("name=\"scopeEnd\"");
        page.post(
                action,
                Map.of(
                        "price",
                        "1700.00",
                        "instalments",
                        "1000.00 " + today.plusDays(10) + "\n500.00 " + today.plusDays(40)),
                workspace);
        assertThat(page.get("/workspace?lang=en").html()).contains("work-refused");
        page.post(
                action, Map.of("price", "1700.00", "dueDate", today.minusDays(1).toString()), workspace);
        assertThat(page.get("/workspace?lang=en").html()).contains("DATE_IN_PAST");
        assertThat(latest(buyer).path("offerId").asString())
                .as("refused counters change nothing")
                .isEqualTo(theirs);

        String end = today.plusYears(2).toString();
        assertThat(page.post(
                                action,
                                Map.of(
                                        "price",
                                        "1700.00",
                                        "instalments",
                                        "1000.00 " + today.plusDays(10) + "\r\n700.00 " + today.plusDays(40),
                                        "fields",
                                        "H01M, B60L",
                                        "scopeEnd",
                                        end),
                                workspace)
                        .status())
                .isEqualTo(302);
        String mine = latest(buyer).path("offerId").asString();
        assertThat(mine).as(refusal(page.get("/workspace?lang=en").html())).isNotEqualTo(theirs);
        JsonNode counter = api.get("/api/v1/offers/" + mine, buyer.token()).json();
        assertThat(counter.path("price").path("amount").asString()).isEqualTo("1700.00");
        assertThat(counter.path("paymentTerms").path("kind").asString()).isEqualTo("INSTALMENTS");
        assertThat(counter.path("paymentTerms").path("parts")).hasSize(2);
        assertThat(counter.path("paymentTerms")
                        .path("parts")
                        .get(1)
                        .path("dueDate")
                        .asString())
                .isEqualTo(today.plusDays(40).toString());
        assertThat(counter.path("scope").path("fields").valueStream().map(JsonNode::asString))
                .containsExactly("H01M", "B60L");
        assertThat(counter.path("scope").path("territories").valueStream().map(JsonNode::asString))
                .as("left blank: the countered offer's territories")
                .containsExactly("CN");
        assertThat(counter.path("scope").path("end").asString()).isEqualTo(end);
    }

    @Test
    void territoriesGivenReplaceTheCounteredOnesAndAnUnknownTerritoryIsRefused() {
        Market market = new Market(api, fixtures);
        Market.Seller seller = market.seller();
        Org buyer = market.bidder("100000.00");
        String listing = market.publish(seller, Market.exclusiveLicence("CN"), Market.negotiation());
        String theirs = market.counteredOffer(buyer, seller, listing, "1500.00", "1800.00");
        String action = "/workspace/offers/" + theirs + "/counter";
        PageClient page = signedIn(buyer);
        PageClient.Page workspace = page.get("/workspace?lang=en");
        assertThat(workspace.html()).contains("name=\"territories\"");

        for (String unknown : new String[] {"Atlantis", "CN, 990000"}) {
            assertThat(page.post(action, Map.of("price", "1700.00", "territories", unknown), workspace)
                            .status())
                    .isEqualTo(302);
            assertThat(page.get("/workspace?lang=en").html()).as(unknown).contains("INVALID_TERRITORY");
        }
        assertThat(latest(buyer).path("offerId").asString())
                .as("refused counters change nothing")
                .isEqualTo(theirs);

        page.post(action, Map.of("price", "1700.00", "territories", "440000，310000\n"), workspace);
        String mine = latest(buyer).path("offerId").asString();
        assertThat(mine).as(refusal(page.get("/workspace?lang=en").html())).isNotEqualTo(theirs);
        JsonNode scope = api.get("/api/v1/offers/" + mine, buyer.token()).json().path("scope");
        assertThat(scope.path("territories").valueStream().map(JsonNode::asString))
                .as("the territories typed, in their order, in place of the countered offer's")
                .containsExactly("440000", "310000");
        JsonNode countered =
                api.get("/api/v1/offers/" + theirs, buyer.token()).json().path("scope");
        assertThat(scope.path("fields"))
                .as("left blank: the countered offer's fields")
                .isEqualTo(countered.path("fields"));
    }

    /** The workspace's refusal message, if it shows one. */
    private static String refusal(String html) {
        int at = html.indexOf("work-refused");
        return at < 0 ? "no refusal shown" : html.substring(at, Math.min(html.length(), at + 400));
    }

    private JsonNode latest(Org party) {
        Api.Response list = api.get("/api/v1/offers?party=me", party.token());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().path("items")).hasSize(1);
        return list.json().path("items").get(0);
    }
}
