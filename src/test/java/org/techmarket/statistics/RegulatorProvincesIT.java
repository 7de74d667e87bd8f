package org.techmarket.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A national regulator and a regulator limited to Guangdong read the same market: the national one sees every
 * province, the Guangdong one only Guangdong's deals in the statistics, the observatory's market figures and the
 * venues' figures, and is refused another province's. Only a market administrator or the operator who recorded a
 * regulator sets its limit, and an empty limit gives it the whole market back.
 */
class RegulatorProvincesIT extends IntegrationTest {

    private static final String GUANGDONG = "440000";
    private static final String BEIJING = "110000";

    @Autowired
    JdbcClient jdbc;

    /** A regulator recorded by the default operator: its user id and token. */
    record Regulator(String id, String token) {}

    @Test
    void aProvincialRegulatorReadsItsProvincesOnlyANationalOneTheWholeMarket() {
        // a month of its own, far in the past, that no other test writes
        YearMonth month = YearMonth.of(
                1900 + ThreadLocalRandom.current().nextInt(100),
                1 + ThreadLocalRandom.current().nextInt(12));
        deals("ARTIFICIAL_INTELLIGENCE", GUANGDONG, month, 5, 500_000);
        deals("HUMANOID_ROBOTS", GUANGDONG, month, 3, 300_000);
        deals("ARTIFICIAL_INTELLIGENCE", BEIJING, month, 7, 700_000);
        try {
            readTheSameMarket(month);
        } finally {
            jdbc.sql("delete from stat_deal_month where month = ?")
                    .param(month.atDay(1))
                    .update();
        }
    }

    private void readTheSameMarket(YearMonth month) {
        Regulator national = regulator();
        Regulator guangdong = regulator();
        Api.Response limited = limit(ADMIN_TOKEN, guangdong.id(), List.of(GUANGDONG));
        assertThat(limited.status()).as(limited.text()).isEqualTo(200);
        assertThat(limited.json().path("provinces").toString()).isEqualTo("[\"440000\"]");

        String byProvince = "/api/v1/statistics/deals?groupBy=province&from=" + month + "&to=" + month;
        assertThat(counts(api.get(byProvince, national.token()))).isEqualTo(Map.of(GUANGDONG, 8L, BEIJING, 7L));
        assertThat(counts(api.get(byProvince, null))).as("open data").isEqualTo(Map.of(GUANGDONG, 8L, BEIJING, 7L));
        assertThat(counts(api.get(byProvince, guangdong.token()))).isEqualTo(Map.of(GUANGDONG, 8L));
        assertThat(counts(api.get(byProvince + "&province=" + GUANGDONG, guangdong.token())))
                .isEqualTo(Map.of(GUANGDONG, 8L));
        for (String other : List.of(BEIJING, GUANGDONG + "," + BEIJING)) {
            Api.Response refused = api.get(byProvince + "&province=" + other, guangdong.token());
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("PROVINCE_OUTSIDE_JURISDICTION");
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }

        String market = "/api/v1/observatory/market?industry=ARTIFICIAL_INTELLIGENCE";
        assertThat(observatoryDeals(api.get(market, national.token())))
                .isEqualTo(dealsOn("ARTIFICIAL_INTELLIGENCE", List.of()));
        assertThat(observatoryDeals(api.get(market, guangdong.token())))
                .isEqualTo(dealsOn("ARTIFICIAL_INTELLIGENCE", List.of(GUANGDONG)));
        assertThat(dealsOn("ARTIFICIAL_INTELLIGENCE", List.of(GUANGDONG)))
                .isLessThan(dealsOn("ARTIFICIAL_INTELLIGENCE", List.of()));

        String inGuangdong = venue(GUANGDONG);
        String inBeijing = venue(BEIJING);
        assertThat(api.get("/api/v1/venues/" + inGuangdong + "/statistics", guangdong.token())
                        .status())
                .isEqualTo(200);
        Api.Response otherVenue = api.get("/api/v1/venues/" + inBeijing + "/statistics", guangdong.token());
        assertThat(otherVenue.status()).as(otherVenue.text()).isEqualTo(403);
        assertThat(otherVenue.code()).isEqualTo("PROVINCE_OUTSIDE_JURISDICTION");
        assertThat(api.get(
                                "/api/v1/venues/" + inBeijing
                                        + "/fee-statement?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z",
                                guangdong.token())
                        .code())
                .isEqualTo("PROVINCE_OUTSIDE_JURISDICTION");
        assertThat(api.get("/api/v1/venues/" + inBeijing + "/statistics", national.token())
                        .status())
                .isEqualTo(200);

        // who may set the limit, and what it may be; a refusal changes nothing
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        record Refusal(String what, String token, String userId, List<String> provinces, int status, String code) {}
        for (Refusal r : List.of(
                new Refusal("a member", firm.token(), national.id(), List.of(GUANGDONG), 403, "FORBIDDEN"),
                new Refusal("the regulator itself", guangdong.token(), guangdong.id(), List.of(), 403, "FORBIDDEN"),
                new Refusal("not a regulator", ADMIN_TOKEN, firm.adminId(), List.of(GUANGDONG), 404, "NOT_FOUND"),
                new Refusal("a city", ADMIN_TOKEN, national.id(), List.of("440300"), 400, "INVALID_PROVINCE"),
                new Refusal("no such code", ADMIN_TOKEN, national.id(), List.of("990000"), 400, "INVALID_PROVINCE"))) {
            Api.Response refused = limit(r.token(), r.userId(), r.provinces());
            assertThat(refused.status()).as(r.what() + ": " + refused.text()).isEqualTo(r.status());
            assertThat(refused.code()).as(r.what()).isEqualTo(r.code());
        }
        assertThat(counts(api.get(byProvince, national.token()))).isEqualTo(Map.of(GUANGDONG, 8L, BEIJING, 7L));
        assertThat(counts(api.get(byProvince, guangdong.token()))).isEqualTo(Map.of(GUANGDONG, 8L));

        Api.Response lifted = limit(MARKET_ADMIN_TOKEN, guangdong.id(), List.of());
        assertThat(lifted.status()).as(lifted.text()).isEqualTo(200);
        assertThat(lifted.json().path("wholeMarket").asBoolean()).isTrue();
        assertThat(counts(api.get(byProvince, guangdong.token()))).isEqualTo(Map.of(GUANGDONG, 8L, BEIJING, 7L));
    }

    private void deals(String industry, String province, YearMonth month, long deals, long valueFen) {
        jdbc.sql("insert into stat_deal_month (industry, province, month, deals, value) values (?, ?, ?, ?, ?)")
                .params(industry, province, month.atDay(1), deals, valueFen)
                .update();
    }

    /** The deals the read model counts in the industry, in these provinces (none: all), to compare with. */
    private long dealsOn(String industry, List<String> provinces) {
        String[] codes = provinces.toArray(String[]::new);
        return jdbc.sql("select coalesce(sum(deals), 0)::bigint from stat_deal_month where industry = ?"
                        + " and (cardinality(?::text[]) = 0 or province = any(?::text[]))")
                .params(industry, codes, codes)
                .query(Long.class)
                .single();
    }

    private Regulator regulator() {
        String username = Fixtures.unique("regulator");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", "regulator's own password");
        body.put("role", "REGULATOR");
        Api.Response added = api.post("/api/v1/staff", ADMIN_TOKEN, body);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Regulator(added.text("id"), fixtures.logIn(username, "regulator's own password"));
    }

    private Api.Response limit(String token, String userId, List<String> provinces) {
        return api.put("/api/v1/regulators/" + userId + "/provinces", token, Map.of("provinces", provinces), null);
    }

    private String venue(String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Exchange"));
        body.put("regionCode", region);
        body.put(
                "feeSchedule",
                Map.of(
                        "defaultBasisPoints",
                        100,
                        "rates",
                        List.of(),
                        "minimum",
                        Map.of("amount", "0.00", "currency", "CNY"),
                        "maximum",
                        Map.of("amount", "100000.00", "currency", "CNY"),
                        "introducerShareBasisPoints",
                        0));
        body.put("rulebook", Map.of("title", "Rules", "text", "Article 1. These rules govern trading."));
        Api.Response opened = api.post("/api/v1/venues", MARKET_ADMIN_TOKEN, body);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.text("id");
    }

    private static Map<String, Long> counts(Api.Response answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode row : answer.json().path("rows")) {
            counts.put(row.path("province").asString(), row.path("count").asLong());
        }
        return counts;
    }

    private static long observatoryDeals(Api.Response answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().path("industries").get(0).path("deals").asLong();
    }
}
