package org.techmarket.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Makes the market the statistics count, over the API: organizations in a region, know-how tagged with a future
 * industry, fixed-price listings bought, and their deals signed, funded, delivered, accepted and registered.
 */
final class StatisticsKit {

    private final Api api;
    private final Fixtures fixtures;

    StatisticsKit(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** A completed sale: its listing, its deal and the price in yuan. */
    record Sale(String listingId, String dealId, String yuan) {}

    /** A verified organization of {@code type} registered in {@code region}, logged in. */
    Fixtures.Org organization(String type, String region) {
        String username = Fixtures.unique("admin");
        String password = "correct horse battery";
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        Fixtures.unique("Org"), type, Fixtures.uniqueCreditCode(), region, username, password));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String id = registered.text("organizationId");
        Api.Response verified =
                api.post("/api/v1/organizations/" + id + "/verification", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        return new Fixtures.Org(id, registered.text("userId"), username, password, fixtures.logIn(username, password));
    }

    /** Know-how of the seller's, tagged with {@code industry}. */
    String knowHow(Fixtures.Org seller, String industry) {
        Map<String, Object> asset = Fixtures.knowHowAsset(seller.id());
        asset.put("industries", List.of(industry));
        Api.Response created = fixtures.registerAsset(seller, asset);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.text("id");
    }

    /** A fixed-price listing of the asset's assignment, published and open from {@code now}. */
    String fixedPriceListing(Fixtures.Org seller, String assetId, String yuan, Instant now) {
        Api.Response draft = api.post(
                "/api/v1/listings",
                seller.token(),
                Map.of(
                        "assetIds",
                        List.of(assetId),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        Map.of(
                                "type",
                                "FIXED_PRICE",
                                "startPrice",
                                Map.of("amount", yuan, "currency", "CNY"),
                                "startsAt",
                                now.toString(),
                                "endsAt",
                                now.plus(Duration.ofDays(7)).toString()),
                        "title",
                        "Wafer bonding know-how",
                        "description",
                        "Process recipes and training for low-temperature wafer bonding."));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        assertThat(api.post("/api/v1/listings/" + id + "/submission", seller.token(), Map.of())
                        .status())
                .isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    /** The seller's know-how bought at a fixed price by the buyer, and the deal carried through to completion. */
    Sale completedSale(Fixtures.Org seller, Fixtures.Org buyer, String industry, String yuan, Instant now) {
        String listing = fixedPriceListing(seller, knowHow(seller, industry), yuan, now);
        Api.Response bought = api.post("/api/v1/listings/" + listing + "/purchase", buyer.token(), Map.of());
        assertThat(bought.status()).as(bought.text()).isIn(200, 201);
        String deal = fixtures.dealOf(buyer, listing);
        fixtures.completeDeal(deal, seller, buyer, "Process recipes");
        return new Sale(listing, deal, yuan);
    }

    /** Registers the deal's contract with its venue. */
    void register(Fixtures.Org party, Sale sale) {
        Api.Response registered = api.post("/api/v1/deals/" + sale.dealId() + "/registration", party.token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isIn(200, 201);
    }
}
