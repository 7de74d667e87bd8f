package org.techmarket.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.venue.VenueKit.cny;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Another venue following a venue's pull feed learns of the contracts its participants make directly, without a
 * listing, and of the rights they grant, open-licence takes included, besides its listings; in the order they
 * committed, page by page, and never who the parties are.
 */
class VenueFeedIT extends IntegrationTest {

    @Test
    void theFeedCarriesDirectContractsAndGrantsInOrder() {
        VenueKit kit = new VenueKit(api, fixtures);
        VenueKit.Venue venue = kit.venue("330000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0));
        Org institute = kit.verifiedBy(venue, "RESEARCH_INSTITUTE");
        Org client = kit.verifiedBy(venue, "ENTERPRISE");
        Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(licensee, "1000.00");

        String deal = directContract(institute, client);
        for (Org party : List.of(institute, client)) {
            assertThat(api.post("/api/v1/deals/" + deal + "/signatures", party.token(), Map.of())
                            .status())
                    .isEqualTo(201);
        }
        String asset = fixtures.registerAsset(
                        institute, Fixtures.patentAsset(institute.id(), Fixtures.uniqueCnPatentNumber()))
                .text("id");
        Api.Response declared = api.put(
                "/api/v1/assets/" + asset + "/open-licence",
                institute.token(),
                Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", cny("300.00")), "termMonths", 12),
                null);
        assertThat(declared.status()).as(declared.text()).isIn(200, 201);
        Api.Response taken = api.post("/api/v1/assets/" + asset + "/open-licence/licences", licensee.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String grant = taken.text("id");

        String path = "/api/v1/venues/" + venue.id() + "/events";
        Eventually.await(
                "the contract's signatures and the licence in the venue's feed", Duration.ofSeconds(10), () -> {
                    List<JsonNode> items =
                            items(api.get(path + "?after=0&limit=200", null).json());
                    return items.stream()
                                    .anyMatch(i -> i.path("type").asString().equals("OpenLicenceTaken"))
                            && items.stream()
                                            .filter(i ->
                                                    i.path("subject").asString().equals("deal:" + deal))
                                            .count()
                                    >= 3;
                });
        List<JsonNode> all = items(api.get(path + "?after=0&limit=200", null).json());

        List<JsonNode> dealSteps = all.stream()
                .filter(i -> i.path("subject").asString().equals("deal:" + deal))
                .toList();
        assertThat(dealSteps)
                .extracting(i -> i.path("type").asString())
                .contains("DealOpened", "ContractProposed", "DealSigned");
        assertThat(dealSteps.get(dealSteps.size() - 1).path("data").toString()).contains("\"direct\":true");

        JsonNode licence = all.stream()
                .filter(i -> i.path("subject").asString().equals("grant:" + grant))
                .findFirst()
                .orElseThrow();
        assertThat(licence.path("type").asString()).isEqualTo("OpenLicenceTaken");
        JsonNode data = licence.path("data");
        assertThat(data.toString())
                .contains(asset)
                .contains("\"kind\":\"OPEN_LICENCE\"")
                .contains("300.00");
        assertThat(all.toString())
                .as("no party is named")
                .doesNotContain(licensee.id())
                .doesNotContain(client.id());

        List<Long> seqs = all.stream().map(i -> i.path("seq").asLong()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        List<Long> paged = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 100; page++) {
            JsonNode next = api.get(path + "?after=" + after + "&limit=2", null).json();
            List<JsonNode> items = items(next);
            if (items.isEmpty()) {
                break;
            }
            assertThat(items.size()).isLessThanOrEqualTo(2);
            items.forEach(i -> paged.add(i.path("seq").asLong()));
            after = next.path("next").asLong();
        }
        // a step kept after the first read may follow, never come between
        assertThat(paged)
                .as("page by page, the same events in the same order")
                .startsWith(seqs.toArray(Long[]::new))
                .isSorted()
                .doesNotHaveDuplicates();

        VenueKit.Venue other = kit.venue("340000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0));
        assertThat(api.get("/api/v1/venues/" + other.id() + "/events?after=0", null)
                        .text())
                .doesNotContain(deal)
                .doesNotContain(grant);
    }

    private String directContract(Org institute, Org client) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "CONSULTING");
        body.put("clientId", client.id());
        body.put("price", cny("80000.00"));
        body.put(
                "paymentTerms",
                Map.of("kind", "LUMP_SUM", "dueDate", today.plusDays(30).toString()));
        body.put("deliveryObligations", "A review of the client's battery line and a written report.");
        Api.Response proposed = api.post("/api/v1/deals", institute.token(), body);
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        return proposed.text("id");
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
