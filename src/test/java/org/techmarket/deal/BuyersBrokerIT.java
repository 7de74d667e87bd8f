package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.instalment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.AutomaticAcceptance;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.Race;
import org.techmarket.support.WebIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A broker buys a patent at a fixed price for a manufacturer under a 3% mandate (at least 5,000.00). The contract
 * states the commission and that the buyer escrows it; the buyer funds the price and the commission (two racing
 * funding requests fund once); at completion escrow pays the broker its commission to the fen in the payout's batch,
 * and it shows on the buyer's, the escrow's and the broker's statements. A buyer short of the commission funds
 * nothing; a refund before completion returns both to the buyer, a split pays the broker the contract's rule on the seller's award, and a deal without a buyer's broker
 * asks the price alone. With a seller's broker too, both brokers are paid to the fen, on acceptance and on a dispute
 * released to the seller; a lapsed acceptance period pays as acceptance does; in instalments the commission is
 * escrowed with the first and paid at completion.
 */
class BuyersBrokerIT extends WebIntegrationTest {

    @Autowired
    AutomaticAcceptance automaticAcceptance;

    /** 912,345.67 at 3% is 27,370.3701: the commission is 27,370.37, and the buyer funds 939,716.04. */
    private static final String PRICE = "912345.67";

    private static final String COMMISSION = "27370.37";
    private static final String FUNDED = "939716.04";

    private record Bought(Org seller, Org buyer, Org broker, String dealId) {
        String path() {
            return "/api/v1/deals/" + dealId;
        }
    }

    @Test
    void theBuyerFundsThePriceAndTheCommissionAndTheBrokerIsPaidFromEscrowAtCompletion() throws Exception {
        Bought bought = boughtThroughABroker(fixtures.verifiedOrg("UNIVERSITY"));
        Org buyer = bought.buyer();

        String en = api.get(bought.path() + "/contract?lang=en", buyer.token()).text("text");
        assertThat(en)
                .contains(
                        "The buyer is represented by the technology broker",
                        bought.broker().id(),
                        "3.00% of the price, at least CNY 5,000.00: CNY 27,370.37, placed in escrow by the buyer");
        assertThat(api.get(bought.path() + "/contract?lang=zh", bought.seller().token())
                        .text("text"))
                .as("the seller reads the commission on the contract")
                .contains("买方委托技术经理人", "27,370.37元", "贰万柒仟叁佰柒拾元叁角柒分");
        JsonNode view = api.get(bought.path(), buyer.token()).json();
        assertThat(view.path("fundingAmount").path("amount").asString()).isEqualTo(FUNDED);
        assertThat(view.path("buyersBrokerCommission").path("amount").asString())
                .isEqualTo(COMMISSION);

        signByBoth(bought);
        PageClient.Page room = signedIn(buyer).get("/deals/" + bought.dealId() + "?lang=en");
        assertThat(room.html())
                .as("the deal room shows what funding asks")
                .contains("id=\"funding-amount\"", "939,716.04", "id=\"buyers-broker-commission\"", "27,370.37");
        List<Integer> funding = Race.race(
                2,
                i -> () -> api.post(bought.path() + "/funding", buyer.token(), Map.of())
                        .status());
        assertThat(funding).containsExactlyInAnyOrder(200, 409);
        // 1,000,000.00 less the price (the 10,000.00 deposit counting towards it) and the commission
        assertThat(fixtures.balances(buyer)).containsExactly("60283.96", "0.00");
        assertThat(escrow(bought)).isEqualTo(FUNDED);
        assertThat(reasonLines(buyer, "BUYER_BROKER_COMMISSION"))
                .as("the buyer's statement shows the commission it escrowed")
                .containsExactly("-" + COMMISSION);

        complete(bought);
        assertThat(fixtures.balances(bought.broker())).containsExactly(COMMISSION, "0.00");
        assertThat(reasonLines(bought.broker(), "BUYER_BROKER_COMMISSION")).containsExactly(COMMISSION);
        // the seller receives the price less the venue's 1% (9,123.46), nothing of the commission
        assertThat(fixtures.balances(bought.seller())).containsExactly("903222.21", "0.00");
        assertThat(fixtures.balances(buyer)).containsExactly("60283.96", "0.00");
        assertThat(escrow(bought)).isEqualTo("0.00");
        List<String> escrowLines = new ArrayList<>();
        for (JsonNode line : api.get(bought.path() + "/escrow?limit=200", buyer.token())
                .json()
                .path("items")) {
            if ("BUYER_BROKER_COMMISSION".equals(line.path("reason").asString())) {
                escrowLines.add(line.path("amount").path("amount").asString());
            }
        }
        assertThat(escrowLines)
                .as("the escrow statement shows the commission escrowed and paid")
                .containsExactly(COMMISSION, "-" + COMMISSION);

        JsonNode record =
                api.get("/api/v1/brokers/" + bought.broker().id(), null).json();
        assertThat(record.path("dealsClosed").asLong()).isEqualTo(1);
        assertThat(record.at("/volume/0/commission/amount").asString()).isEqualTo(COMMISSION);
    }

    @Test
    void aBuyerShortOfTheCommissionFundsNothingAndARefundReturnsThePriceAndTheCommission() {
        Bought bought = boughtThroughABroker(fixtures.verifiedOrg("UNIVERSITY"), "930000.00");
        signByBoth(bought);
        Api.Response shortOfIt =
                api.post(bought.path() + "/funding", bought.buyer().token(), Map.of());
        assertThat(shortOfIt.status()).as("the price alone is not enough").isEqualTo(409);
        assertThat(shortOfIt.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(fixtures.balances(bought.buyer())).containsExactly("920000.00", "10000.00");
        assertThat(escrow(bought)).isEqualTo("0.00");
        assertThat(api.get(bought.path(), bought.buyer().token()).text("status"))
                .isEqualTo("SIGNED");
        fixtures.cashIn(bought.buyer(), "70000.00");
        assertThat(api.post(bought.path() + "/funding", bought.buyer().token(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(escrow(bought)).isEqualTo(FUNDED);
        String dispute = dispute(bought);

        Api.Response refunded = api.post(
                dispute + "/resolution",
                ADMIN_TOKEN,
                Map.of("outcome", "REFUND", "decision", "The patent had lapsed before the sale."));
        assertThat(refunded.status()).as(refunded.text()).isEqualTo(200);
        assertThat(api.get(bought.path(), bought.buyer().token()).text("status"))
                .isEqualTo("CANCELLED");
        assertThat(fixtures.balances(bought.buyer())).containsExactly("1000000.00", "0.00");
        assertThat(fixtures.balances(bought.broker())).containsExactly("0.00", "0.00");
        assertThat(reasonLines(bought.broker(), "BUYER_BROKER_COMMISSION")).isEmpty();
        assertThat(fixtures.balances(bought.seller())).containsExactly("0.00", "0.00");
        assertThat(escrow(bought)).isEqualTo("0.00");
    }

    @Test
    void aSplitPaysTheBrokerTheContractsRuleOnTheSellersAwardAndTheRestGoesBack() {
        Bought bought = boughtThroughABroker(fixtures.verifiedOrg("UNIVERSITY"));
        signAndFund(bought);
        String dispute = dispute(bought);

        Api.Response wholePrice = api.post(dispute + "/resolution", ADMIN_TOKEN, split(PRICE));
        assertThat(wholePrice.code())
                .as("the seller's share is of the price, never of the commission")
                .isEqualTo("INVALID_SPLIT");
        Api.Response resolved = api.post(dispute + "/resolution", ADMIN_TOKEN, split("600000.00"));
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(api.get(bought.path(), bought.buyer().token()).text("status"))
                .isEqualTo("COMPLETED");
        // 3% of 600,000.00 is 18,000.00 to the broker; the seller gets 600,000.00 less the 1% fee
        assertThat(fixtures.balances(bought.broker())).containsExactly("18000.00", "0.00");
        assertThat(fixtures.balances(bought.seller())).containsExactly("594000.00", "0.00");
        // the buyer gets back 312,345.67 of the price and 9,370.37 of the commission: 60,283.96 + 321,716.04
        assertThat(fixtures.balances(bought.buyer())).containsExactly("382000.00", "0.00");
        assertThat(escrow(bought)).isEqualTo("0.00");
    }

    @Test
    void aDealWithoutABuyersBrokerAsksThePriceAlone() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org buyer = buyer();
        String listing = fixedPrice(seller, api, seller);
        Api.Response bought = api.post("/api/v1/listings/" + listing + "/purchase", buyer.token(), Map.of());
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        Bought deal = new Bought(seller, buyer, null, fixtures.dealOf(buyer, listing));

        JsonNode view = api.get(deal.path(), buyer.token()).json();
        assertThat(view.path("fundingAmount").path("amount").asString()).isEqualTo(PRICE);
        assertThat(view.path("buyersBrokerCommission").path("amount").asString())
                .isEqualTo("0.00");
        assertThat(api.get(deal.path() + "/contract?lang=en", buyer.token()).text("text"))
                .doesNotContain("technology broker");
        signByBoth(deal);
        assertThat(signedIn(buyer).get("/deals/" + deal.dealId()).html())
                .contains("id=\"funding-amount\"", "912,345.67")
                .doesNotContain("buyers-broker-commission");
        assertThat(api.post(deal.path() + "/funding", buyer.token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(fixtures.balances(buyer)).containsExactly("87654.33", "0.00");
        assertThat(reasonLines(buyer, "BUYER_BROKER_COMMISSION")).isEmpty();
        complete(deal);
        assertThat(fixtures.balances(seller)).containsExactly("903222.21", "0.00");
    }

    @Test
    void theSellersBrokerAndTheBuyersBrokerAreBothPaidToTheFen() {
        BrokerKit brokers = new BrokerKit(api, fixtures);
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org sellersBroker = brokers.broker();
        brokers.mandate(
                seller, BrokerKit.mandate(sellersBroker.id(), BrokerKit.all(), List.of("LIST"), 250, "1000.00"));
        Bought bought = boughtThroughABroker(seller, brokers.actingFor(seller), sellersBroker, "1000000.00");
        String en = api.get(bought.path() + "/contract?lang=en", seller.token()).text("text");
        assertThat(en)
                .contains("The seller is represented", "CNY 22,808.64", "The buyer is represented", "CNY 27,370.37");

        signAndFund(bought);
        complete(bought);
        // the seller: 912,345.67 less the 1% fee (9,123.46) and its broker's 2.5% (22,808.64)
        assertThat(fixtures.balances(seller)).containsExactly("880413.57", "0.00");
        assertThat(fixtures.balances(sellersBroker)).containsExactly("22808.64", "0.00");
        assertThat(fixtures.balances(bought.broker())).containsExactly(COMMISSION, "0.00");
        assertThat(fixtures.balances(bought.buyer())).containsExactly("60283.96", "0.00");
        assertThat(escrow(bought)).isEqualTo("0.00");
    }

    @Test
    void aLapsedAcceptancePeriodAndADisputeReleasedToTheSellerPayTheBrokersAsAcceptanceDoes() {
        Bought lapsing = boughtThroughABroker(fixtures.verifiedOrg("UNIVERSITY"));
        signAndFund(lapsing);
        assertThat(api.post(lapsing.path() + "/delivery", lapsing.seller().token(), BrokerStoryIT.delivery())
                        .status())
                .isEqualTo(200);
        automaticAcceptance.acceptLapsed(Instant.now().plus(Duration.ofDays(60)));
        assertThat(api.get(lapsing.path(), lapsing.buyer().token()).text("status"))
                .isEqualTo("COMPLETED");
        assertThat(fixtures.balances(lapsing.broker())).containsExactly(COMMISSION, "0.00");
        assertThat(fixtures.balances(lapsing.seller())).containsExactly("903222.21", "0.00");

        BrokerKit brokers = new BrokerKit(api, fixtures);
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org sellersBroker = brokers.broker();
        brokers.mandate(
                seller, BrokerKit.mandate(sellersBroker.id(), BrokerKit.all(), List.of("LIST"), 250, "1000.00"));
        Bought disputed = boughtThroughABroker(seller, brokers.actingFor(seller), sellersBroker, "1000000.00");
        signAndFund(disputed);
        Api.Response released = api.post(
                dispute(disputed) + "/resolution",
                ADMIN_TOKEN,
                Map.of("outcome", "RELEASE", "decision", "The patent is as described."));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(fixtures.balances(disputed.broker())).containsExactly(COMMISSION, "0.00");
        assertThat(fixtures.balances(sellersBroker)).containsExactly("22808.64", "0.00");
        assertThat(fixtures.balances(seller)).containsExactly("880413.57", "0.00");
        assertThat(escrow(disputed)).isEqualTo("0.00");
    }

    @Test
    void inInstalmentsTheCommissionIsEscrowedWithTheFirstAndPaidAtCompletion() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        BrokerKit brokers = new BrokerKit(api, fixtures);
        Org broker = brokers.broker();
        Org buyer = buyer();
        brokers.mandate(buyer, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("NEGOTIATE"), 300, "5000.00"));
        NegotiationKit.Listed listed = kit.licenceForNegotiation(
                kit.patentOwner(), "900000.00", "0.00", in(Duration.ZERO), in(Duration.ofHours(1)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> offer = NegotiationKit.inInstalments(
                "600000.00",
                in(Duration.ofMinutes(30)),
                instalment("200000.00", today.plusDays(10)),
                instalment("250000.00", today.plusDays(100)),
                instalment("150000.00", today.plusDays(200)));
        Api.Response offered = brokers.actingFor(buyer)
                .post("/api/v1/listings/" + listed.listingId() + "/offers", broker.token(), offer);
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        assertThat(kit.answer(listed.seller(), offered.text("id"), "acceptance").status())
                .isEqualTo(200);
        Bought bought = new Bought(listed.seller(), buyer, broker, fixtures.dealOf(buyer, listed.listingId()));

        // 3% of 600,000.00 is 18,000.00, escrowed with the first instalment of 200,000.00
        JsonNode view = api.get(bought.path(), buyer.token()).json();
        assertThat(view.path("fundingAmount").path("amount").asString()).isEqualTo("218000.00");
        signByBoth(bought);
        assertThat(api.post(bought.path() + "/funding", buyer.token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(escrow(bought)).isEqualTo("218000.00");
        Api.Response second = api.post(bought.path() + "/instalments/2/payment", buyer.token(), Map.of(), "second");
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(escrow(bought)).isEqualTo("468000.00");

        complete(bought);
        assertThat(fixtures.balances(broker)).containsExactly("18000.00", "0.00");
        // the seller: 450,000.00 less its share of the deal's 1% fee (4,500.00)
        assertThat(fixtures.balances(listed.seller())).containsExactly("445500.00", "0.00");
        assertThat(escrow(bought)).isEqualTo("0.00");
        Api.Response third = api.post(bought.path() + "/instalments/3/payment", buyer.token(), Map.of(), "third");
        assertThat(third.status()).as(third.text()).isEqualTo(200);
        assertThat(fixtures.balances(broker))
                .as("a later instalment carries no commission")
                .containsExactly("18000.00", "0.00");
        assertThat(fixtures.balances(listed.seller())).containsExactly("594000.00", "0.00");
        assertThat(fixtures.balances(buyer)).containsExactly("382000.00", "0.00");
    }

    private Bought boughtThroughABroker(Org seller) {
        return boughtThroughABroker(seller, api, seller, "1000000.00");
    }

    private Bought boughtThroughABroker(Org seller, String buyersYuan) {
        return boughtThroughABroker(seller, api, seller, buyersYuan);
    }

    /**
     * The seller (or its broker, {@code lister}) lists a patent at a fixed price; a broker buys it for a buyer holding
     * {@code buyersYuan}.
     */
    private Bought boughtThroughABroker(Org seller, Api listingAs, Org lister, String buyersYuan) {
        BrokerKit brokers = new BrokerKit(api, fixtures);
        Org broker = brokers.broker();
        Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(buyer, buyersYuan);
        brokers.mandate(buyer, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 300, "5000.00"));
        String listing = fixedPrice(seller, listingAs, lister);
        Api.Response bought =
                brokers.actingFor(buyer).post("/api/v1/listings/" + listing + "/purchase", broker.token(), Map.of());
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        assertThat(fixtures.balances(buyer)[1]).as("the deposit is the buyer's").isEqualTo("10000.00");
        return new Bought(seller, buyer, broker, fixtures.dealOf(buyer, listing));
    }

    private Org buyer() {
        Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(buyer, "1000000.00");
        return buyer;
    }

    /**
     * A fixed-price sale of a patent's assignment at 912,345.67 with a 10,000.00 deposit, open for an hour, drafted
     * and submitted by {@code lister} through {@code as} (the seller, or its broker acting for it).
     */
    private String fixedPrice(Org seller, Api as, Org lister) {
        String asset = fixtures.registerAsset(
                        seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()))
                .text("id");
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "FIXED_PRICE");
        mechanism.put("startPrice", cny(PRICE));
        mechanism.put("deposit", cny("10000.00"));
        mechanism.put("startsAt", in(Duration.ZERO).toString());
        mechanism.put("endsAt", in(Duration.ofHours(1)).toString());
        return new NegotiationKit(api, fixtures).publish(as, lister, asset, Map.of("type", "ASSIGNMENT"), mechanism);
    }

    private void signAndFund(Bought bought) {
        signByBoth(bought);
        Api.Response funded =
                api.post(bought.path() + "/funding", bought.buyer().token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
    }

    private void signByBoth(Bought bought) {
        assertThat(api.post(bought.path() + "/signatures", bought.seller().token(), Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(api.post(bought.path() + "/signatures", bought.buyer().token(), Map.of())
                        .status())
                .isEqualTo(201);
    }

    private void complete(Bought bought) {
        Api.Response delivered =
                api.post(bought.path() + "/delivery", bought.seller().token(), BrokerStoryIT.delivery());
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        Api.Response accepted =
                api.post(bought.path() + "/acceptance", bought.buyer().token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("COMPLETED");
    }

    private String dispute(Bought bought) {
        Api.Response opened = api.post(
                bought.path() + "/disputes",
                bought.buyer().token(),
                Map.of("reasons", "The patent is not as described", "evidence", List.of("ab".repeat(32))));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return "/api/v1/disputes/" + opened.text("id");
    }

    private static Map<String, Object> split(String sellerYuan) {
        return Map.of(
                "outcome",
                "SPLIT",
                "sellerAmount",
                Map.of("amount", sellerYuan, "currency", "CNY"),
                "decision",
                "The patent covers less than described; the price is reduced.");
    }

    private String escrow(Bought bought) {
        return api.get(bought.path(), bought.buyer().token())
                .json()
                .path("escrowBalance")
                .path("amount")
                .asString();
    }

    private List<String> reasonLines(Org org, String reason) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : api.get("/api/v1/accounts/entries?limit=200", org.token())
                .json()
                .path("items")) {
            if (reason.equals(line.path("reason").asString())) {
                lines.add(line.path("amount").path("amount").asString());
            }
        }
        return lines;
    }
}
