package org.techmarket.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.deal.DealMilestone;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;
import org.techmarket.statistics.domain.Dimension;
import org.techmarket.statistics.domain.OpenDataQuery;
import org.techmarket.statistics.domain.Report;
import org.techmarket.statistics.persistence.Cubes;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Sales made over the API in a month of their own (the market's clock moved centuries on, so no other test's deals
 * share it) are counted by the read models as the open data shows them, withheld when too few, and agree with the
 * same sums over the raw tables; events delivered again count nothing twice.
 */
@Import(MovableClockConfiguration.class)
class StatisticsIT extends IntegrationTest {

    private static final String BEIJING = "110000";
    private static final String SHANGHAI = "310000";
    private static final String GUANGDONG = "440300";

    @Autowired
    MovableClock clock;

    @Autowired
    Cubes cubes;

    @Autowired
    MarketFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void clockBack() {
        clock.shift(Duration.ZERO);
    }

    @Test
    void salesAreCountedByIndustryProvinceAndMonthSmallCellsWithheldAndTheRawTablesAgree() throws Exception {
        YearMonth month = aMonthOfOurOwn();
        String m = month.toString();
        StatisticsKit kit = new StatisticsKit(api, fixtures);
        Instant now = clock.instant();
        long circuitsBefore = figures.dealValueByIndustry()
                .get(FutureIndustry.INTEGRATED_CIRCUITS)
                .minor();

        // Three Beijing universities sell integrated-circuit know-how to Shanghai companies; one Guangdong sale more.
        Fixtures.Org buyer = kit.organization("ENTERPRISE", SHANGHAI);
        fixtures.cashIn(buyer, "100000.00");
        List<StatisticsKit.Sale> fromBeijing = List.of(
                kit.completedSale(
                        kit.organization("UNIVERSITY", BEIJING), buyer, "INTEGRATED_CIRCUITS", "1000.00", now),
                kit.completedSale(
                        kit.organization("UNIVERSITY", BEIJING), buyer, "INTEGRATED_CIRCUITS", "2000.00", now),
                kit.completedSale(
                        kit.organization("UNIVERSITY", BEIJING), buyer, "INTEGRATED_CIRCUITS", "3000.00", now));
        kit.completedSale(kit.organization("UNIVERSITY", GUANGDONG), buyer, "INTEGRATED_CIRCUITS", "500.00", now);
        fromBeijing.forEach(sale -> kit.register(buyer, sale));

        String deals = "/api/v1/statistics/deals?groupBy=industry,province,month&from=" + m + "&to=" + m
                + "&industry=INTEGRATED_CIRCUITS";
        Eventually.await("the Beijing deals counted", Duration.ofSeconds(30), () -> {
            JsonNode answer = api.get(deals, null).json();
            JsonNode rows = answer.path("rows");
            return answer.path("suppressedCells").asInt() == 1
                    && rows.size() == 1
                    && rows.get(0).path("count").asLong() == 3
                    && rows.get(0).path("registrations").asLong() == 3;
        });
        JsonNode counted = api.get(deals, null).json();
        assertThat(counted.path("suppressedCells").asInt()).isEqualTo(1);
        JsonNode row = counted.path("rows").get(0);
        assertThat(row.path("industry").asString()).isEqualTo("INTEGRATED_CIRCUITS");
        assertThat(row.path("province").asString()).isEqualTo("110000");
        assertThat(row.path("month").asString()).isEqualTo(m);
        assertThat(row.path("count").asLong()).isEqualTo(3);
        assertThat(row.path("value").asString()).isEqualTo("6000.00");
        assertThat(row.path("registeredValue").asString()).isEqualTo("6000.00");

        // Other modules read the market's totals by industry: every industry, these four deals' 6,500 yuan added.
        Map<FutureIndustry, Money> totals = figures.dealValueByIndustry();
        assertThat(totals).containsOnlyKeys(FutureIndustry.values());
        assertThat(totals.get(FutureIndustry.INTEGRATED_CIRCUITS).minor() - circuitsBefore)
                .isEqualTo(6_500_00);

        // Beijing to Shanghai is a flow of three; Guangdong to Shanghai, one deal, is withheld.
        JsonNode flows =
                api.get("/api/v1/statistics/flows?from=" + m + "&to=" + m, null).json();
        assertThat(flows.path("rows")).hasSize(1);
        assertThat(flows.path("rows").get(0).path("sellerProvince").asString()).isEqualTo("110000");
        assertThat(flows.path("rows").get(0).path("buyerProvince").asString()).isEqualTo("310000");
        assertThat(flows.path("rows").get(0).path("value").asString()).isEqualTo("6000.00");
        assertThat(flows.path("suppressedCells").asInt()).isEqualTo(1);

        // Every listing was published, bought, awarded and completed; sold at its start price.
        String ic = "&from=" + m + "&to=" + m + "&industry=INTEGRATED_CIRCUITS";
        String funnel = "/api/v1/statistics/funnel?groupBy=industry,month" + ic;
        Eventually.await("the funnel counted", Duration.ofSeconds(30), () -> {
            JsonNode cohort = api.get(funnel, null).json().path("rows").path(0);
            return List.of("listed", "bidOn", "awarded", "completed").stream()
                    .allMatch(stage -> cohort.path(stage).asLong() == 4);
        });
        JsonNode prices = api.get("/api/v1/statistics/prices?groupBy=industry,assetKind,month" + ic, null)
                .json()
                .path("rows")
                .get(0);
        assertThat(prices.path("assetKind").asString()).isEqualTo("KNOW_HOW");
        assertThat(prices.path("count").asLong()).isEqualTo(4);
        assertThat(prices.path("meanPrice").decimalValue()).isEqualByComparingTo("1625.00");
        assertThat(prices.path("realisedToStart").decimalValue()).isEqualByComparingTo("1");
        assertThat(prices.path("priceIndex").decimalValue()).isEqualByComparingTo("100.0");

        // The same deals as CSV, with a header.
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + deals))
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n"))
                .containsExactly(
                        "industry,province,month,count,value,registrations,registeredValue",
                        "INTEGRATED_CIRCUITS,110000," + m + ",3,6000.00,3,6000.00");
        assertThat(csv.headers().firstValue("Suppressed-Cells")).contains("1");

        // The read models hold exactly what the raw tables sum to, in every report, at its finest grain.
        for (Report report : Report.values()) {
            for (List<Dimension> grouping : List.of(report.dimensions(), report.defaultGrouping())) {
                OpenDataQuery query = new OpenDataQuery(
                        report, grouping, Optional.of(month.atDay(1)), Optional.of(month.atDay(1)), Set.of(), Set.of());
                assertThat(cubes.cells(query))
                        .as(report + " by " + grouping)
                        .isEqualTo(cubes.cellsFromRawTables(query));
            }
        }

        // A completion and an award delivered again (as the registry does after a failure) count nothing twice.
        StatisticsKit.Sale again = fromBeijing.get(0);
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new DealMilestone(
                    again.dealId(),
                    DealMilestone.Stage.COMPLETED,
                    Optional.of(again.listingId()),
                    "FIXED_PRICE",
                    "TRANSFER",
                    BEIJING,
                    SHANGHAI,
                    Money.cny(1_000_00),
                    List.of(),
                    clock.instant()));
            events.publishEvent(new ListingMilestone(
                    again.listingId(),
                    ListingMilestone.Stage.AWARDED,
                    "FIXED_PRICE",
                    List.of(),
                    Money.cny(1_000_00),
                    Optional.empty(),
                    now,
                    Optional.of(Money.cny(1_000_00)),
                    clock.instant()));
        });
        Eventually.await(
                "the events delivered again",
                Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from event_publication where listener_id like 'statistics.%'"
                                                + " and completion_date is null and serialized_event like ?")
                                        .param("%" + again.listingId() + "%")
                                        .query(Long.class)
                                        .single()
                                == 0
                        && jdbc.sql("select count(*) from stat_deal_pending where deal_id = ?")
                                        .param(again.dealId())
                                        .query(Long.class)
                                        .single()
                                == 0);
        assertThat(monthly("deals", m, "count")).isEqualTo(4);
        assertThat(monthly("prices", m, "count")).isEqualTo(4);
        assertThat(monthly("funnel", m, "awarded")).isEqualTo(4);
    }

    /** A report's figure for the whole month. */
    private long monthly(String report, String month, String figure) {
        return api.get("/api/v1/statistics/" + report + "?groupBy=month&from=" + month + "&to=" + month, null)
                .json()
                .path("rows")
                .path(0)
                .path(figure)
                .asLong();
    }

    @Test
    void badQuestionsAreRefusedWithTheirCodesAndNeedNoToken() {
        assertRefused("/api/v1/statistics/deals?groupBy=industry,colour", "UNKNOWN_DIMENSION");
        assertRefused("/api/v1/statistics/deals?industry=STEAM_ENGINES", "UNKNOWN_FUTURE_INDUSTRY");
        assertRefused("/api/v1/statistics/deals?province=990000", "UNKNOWN_PROVINCE");
        assertRefused("/api/v1/statistics/deals?province=110108", "UNKNOWN_PROVINCE");
        assertRefused("/api/v1/statistics/deals?from=2026-13", "INVALID_MONTH");
        assertRefused("/api/v1/statistics/deals?to=2026-1", "INVALID_MONTH");
        assertRefused("/api/v1/statistics/flows?from=2026-05&to=2026-04", "MONTHS_REVERSED");
        assertRefused("/api/v1/statistics/funnel?province=110000", "UNKNOWN_DIMENSION");
        assertRefused("/api/v1/statistics/flows?groupBy=industry", "UNKNOWN_DIMENSION");
        assertThat(api.get("/api/v1/statistics/volcanoes", null).status()).isEqualTo(404);
        Api.Response fine = api.get("/api/v1/statistics/deals?from=2026-01&to=2026-12", null);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.json().path("suppressedCells").isNumber()).isTrue();
    }

    private void assertRefused(String path, String code) {
        Api.Response refused = api.get(path, null);
        assertThat(refused.status()).as(path).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).as(path).isEqualTo(code);
    }

    /** Moves the market's clock to the second day of a month centuries away that no other test uses. */
    private YearMonth aMonthOfOurOwn() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC)
                .plusMonths(ThreadLocalRandom.current().nextInt(1_200, 9_600));
        Instant target = month.atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        clock.shift(Duration.between(Instant.now(), target));
        return month;
    }
}
