package org.techmarket.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The observatory's open data over HTTP, without a token: WIOD 2011's value-chain indices and KWW terms, filters,
 * refusals of what it does not have, the market's completed deals beside the value chain, and the page.
 */
class ObservatoryIT extends IntegrationTest {

    private static final String GVC = "/api/v1/observatory/gvc";
    private static final String KWW = "/api/v1/observatory/kww";
    private static final String MARKET = "/api/v1/observatory/market";

    @Test
    void everyCountrysPositionAndParticipationArePublic() {
        Api.Response answer = api.get(GVC + "?year=2011", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("year").asInt()).isEqualTo(2011);
        assertThat(answer.json().path("unit").asString()).isEqualTo("USD million");
        JsonNode countries = answer.json().path("countries");
        assertThat(countries.size()).isEqualTo(41);
        JsonNode china = country(countries, "CHN");
        assertThat(china.path("grossExports").asDouble()).isCloseTo(2_084_965, within(0.5));
        double iv = china.path("iv").asDouble() / china.path("grossExports").asDouble();
        double fv = china.path("fv").asDouble() / china.path("grossExports").asDouble();
        assertThat(china.path("participation").asDouble()).isCloseTo(iv + fv, within(1e-12));
        assertThat(china.path("position").asDouble()).isCloseTo(Math.log1p(iv) - Math.log1p(fv), within(1e-12));
        assertThat(china.path("participation").asDouble()).isCloseTo(0.418, within(0.001));
        assertThat(china.path("position").asDouble()).isCloseTo(-0.014, within(0.001));
    }

    @Test
    void theKwwTermsOfEveryCountryAddUpToItsGrossExports() {
        Api.Response answer = api.get(KWW + "?year=2011", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode countries = answer.json().path("countries");
        assertThat(countries.size()).isEqualTo(41);
        for (JsonNode c : countries) {
            double sum = 0;
            for (String term :
                    List.of("dvaFin", "dvaInt", "dvaIntrex", "rdvFin", "rdvInt", "ddc", "fvaFin", "fvaInt", "fdc")) {
                assertThat(c.has(term)).as(term).isTrue();
                sum += c.path(term).asDouble();
            }
            double exports = c.path("grossExports").asDouble();
            assertThat(sum).as(c.path("country").asString()).isCloseTo(exports, within(1e-9 * exports));
        }
    }

    @Test
    void countriesAndIndustriesCanBeChosen() {
        JsonNode two = api.get(GVC + "?year=2011&country=chn,USA", null).json().path("countries");
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(0).path("country").asString()).isEqualTo("CHN");
        assertThat(two.get(1).path("country").asString()).isEqualTo("USA");
        assertThat(api.get(KWW + "?country=DEU", null).json().path("countries").size())
                .as("the newest year when none is given")
                .isEqualTo(1);

        Api.Response electronics = api.get(GVC + "/industries?year=2011&country=CHN&industry=c14", null);
        assertThat(electronics.status()).as(electronics.text()).isEqualTo(200);
        JsonNode rows = electronics.json().path("rows");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).path("industryName").asString()).isEqualTo("Electrical and optical equipment");
        assertThat(rows.get(0).path("isic").asString()).isEqualTo("30t33");
        assertThat(rows.get(0).path("grossExports").asDouble()).isPositive();
        assertThat(api.get(GVC + "/industries?country=KOR", null)
                        .json()
                        .path("rows")
                        .size())
                .isEqualTo(35);
    }

    @Test
    void whatTheObservatoryDoesNotHaveIsRefusedWithItsCode() {
        refused(GVC + "?year=1999", "NO_TABLE_FOR_YEAR");
        refused(KWW + "?year=2012", "NO_TABLE_FOR_YEAR");
        refused(MARKET + "?year=2010", "NO_TABLE_FOR_YEAR");
        refused(GVC + "?year=last", "INVALID_PARAMETER");
        refused(GVC + "?country=CHN,XXX", "UNKNOWN_COUNTRY");
        refused(KWW + "?country=Atlantis", "UNKNOWN_COUNTRY");
        refused(MARKET + "?country=ZZZ", "UNKNOWN_COUNTRY");
        refused(GVC + "/industries?industry=c36", "UNKNOWN_WIOD_INDUSTRY");
        refused(GVC + "/industries?industry=electronics", "UNKNOWN_WIOD_INDUSTRY");
        refused(MARKET + "?industry=TELEPATHY", "INVALID_PARAMETER");
    }

    @Test
    void aCompletedDealCountsInItsFutureIndustryBesideThePositionOfItsWiodIndustries() {
        JsonNode before = industry(api.get(MARKET + "?year=2011", null).json(), "DEEP_SPACE");
        assertThat(before.path("zhName").asString()).isEqualTo("深空");
        assertThat(before.path("wiodIndustries").size()).isEqualTo(1);
        assertThat(before.path("wiodIndustries").get(0).path("code").asString()).isEqualTo("c15");
        JsonNode transport = api.get(GVC + "/industries?country=CHN&industry=c15", null)
                .json()
                .path("rows")
                .get(0);
        assertThat(before.path("position").asDouble())
                .isCloseTo(transport.path("position").asDouble(), within(1e-12));

        completeAnOpenLicence("DEEP_SPACE", "1250.00");

        // the statistics' read model counts the completion once its event is handled, after the deal's commit
        Eventually.await(
                "the completed licence counted",
                Duration.ofSeconds(30),
                () -> industry(
                                        api.get(MARKET + "?year=2011&industry=DEEP_SPACE", null)
                                                .json(),
                                        "DEEP_SPACE")
                                .path("deals")
                                .asLong()
                        > before.path("deals").asLong());
        JsonNode after = industry(
                api.get(MARKET + "?year=2011&industry=DEEP_SPACE", null).json(), "DEEP_SPACE");
        assertThat(after.path("deals").asLong()).isEqualTo(before.path("deals").asLong() + 1);
        assertThat(cny(after)).isEqualTo(cny(before) + 125_000);

        JsonNode other = industry(api.get(MARKET, null).json(), "OTHER");
        assertThat(other.path("wiodIndustries").size()).isZero();
        assertThat(other.path("position").isNull()).isTrue();
    }

    @Test
    void thePageShowsTheTableAndLoadsItsChartFromFilesOnly() {
        Api.Response page = api.get("/observatory", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.text();
        assertThat(html).contains("id=\"gvc-chart\"", "data-year=\"2011\"");
        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 41);
        assertThat(html).contains("<td>CHN</td>", "<td>RoW</td>");
        assertThat(html).contains("src=\"/webjars/chart.js/4.4.1/dist/chart.umd.js\"", "src=\"/js/observatory.js\"");
        assertThat(html.replaceAll("<script src=\"[^\"]+\"></script>", "")).doesNotContain("<script");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(api.get("/js/observatory.js", null).status()).isEqualTo(200);
        assertThat(api.get("/webjars/chart.js/4.4.1/dist/chart.umd.js", null).status())
                .isEqualTo(200);
        assertThat(api.get("/observatory?year=1999", null).status()).isEqualTo(400);
    }

    @Test
    void thePagesTableWritesEachFigureGroupedOrToThreeDecimalsInEitherLanguage() {
        JsonNode china = country(api.get(GVC + "?year=2011", null).json().path("countries"), "CHN");
        StringBuilder line = new StringBuilder("<td>CHN</td>");
        line.append(cell(String.format(
                java.util.Locale.ROOT, "%,.0f", china.path("grossExports").asDouble())));
        for (String share : List.of("ivShare", "fvShare", "participation", "position")) {
            line.append(cell(String.format(
                    java.util.Locale.ROOT, "%.3f", china.path(share).asDouble())));
        }
        for (String path : List.of("/observatory", "/observatory?lang=en", "/observatory?year=2011&lang=zh")) {
            Api.Response page = api.get(path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.text()).as(path).contains(line.toString());
            assertThat(page.text().split("<tr>", -1)).as(path).hasSize(1 + 1 + 41);
        }
    }

    private static String cell(String figure) {
        return "\n        <td class=\"number\">" + figure + "</td>";
    }

    private void refused(String path, String code) {
        Api.Response answer = api.get(path, null);
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).as(path).isEqualTo(code);
    }

    private void completeAnOpenLicence(String industry, String fee) {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> asset = Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("industries", List.of(industry));
        Api.Response registered = fixtures.registerAsset(owner, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String patent = registered.text("id");
        Api.Response declared = api.put(
                "/api/v1/assets/" + patent + "/open-licence",
                owner.token(),
                Map.of(
                        "royalty",
                        Map.of("type", "LUMP_SUM", "amount", Map.of("amount", fee, "currency", "CNY")),
                        "termMonths",
                        12),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(licensee, "5000.00");
        Api.Response taken =
                api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        Eventually.await(
                "the licence's deal",
                Duration.ofSeconds(30),
                () -> api.get("/api/v1/deals?role=buyer", licensee.token())
                                .json()
                                .path("items")
                                .size()
                        == 1);
        String deal = "/api/v1/deals/"
                + api.get("/api/v1/deals?role=buyer", licensee.token())
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asString();
        assertThat(api.post(deal + "/signatures", owner.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(deal + "/signatures", licensee.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(deal + "/funding", licensee.token(), Map.of()).status())
                .isEqualTo(200);
        Api.Response delivered = api.post(
                deal + "/delivery",
                owner.token(),
                Map.of("documents", List.of(Map.of("sha256", "ab".repeat(32), "description", "Licence certificate"))));
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        Api.Response accepted = api.post(deal + "/acceptance", licensee.token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("COMPLETED");
    }

    private static JsonNode country(JsonNode countries, String code) {
        for (JsonNode c : countries) {
            if (code.equals(c.path("country").asString())) {
                return c;
            }
        }
        throw new AssertionError("no " + code);
    }

    private static JsonNode industry(JsonNode answer, String name) {
        for (JsonNode row : answer.path("industries")) {
            if (name.equals(row.path("industry").asString())) {
                return row;
            }
        }
        throw new AssertionError("no " + name + " in " + answer);
    }

    /** The industry's completed deals in yuan fen; zero when it has none in CNY. */
    private static long cny(JsonNode row) {
        for (JsonNode value : row.path("dealValues")) {
            if ("CNY".equals(value.path("currency").asString())) {
                return new java.math.BigDecimal(value.path("amount").asString())
                        .movePointRight(2)
                        .longValueExact();
            }
        }
        return 0;
    }
}
