package org.techmarket.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.shared.Rejection;

class OpenDataQueryTest {

    private static final Set<String> PROVINCES = Set.of("110000", "310000", "440000");

    @Test
    void aQuestionKeepsItsGroupingOrderAndItsPeriodAsFirstDaysOfMonths() {
        OpenDataQuery query = OpenDataQuery.parse(
                Report.DEALS,
                Optional.of("month, industry,province,month"),
                Optional.of("2026-01"),
                Optional.of("2026-03"),
                List.of("INTEGRATED_CIRCUITS,NEW_ENERGY"),
                List.of("110000", "440000"),
                PROVINCES);
        assertThat(query.groupBy()).containsExactly(Dimension.MONTH, Dimension.INDUSTRY, Dimension.PROVINCE);
        assertThat(query.from()).contains(LocalDate.of(2026, 1, 1));
        assertThat(query.to()).contains(LocalDate.of(2026, 3, 1));
        assertThat(query.industries()).containsExactlyInAnyOrder("INTEGRATED_CIRCUITS", "NEW_ENERGY");
        assertThat(query.provinces()).containsExactlyInAnyOrder("110000", "440000");
    }

    @Test
    void withoutParametersAReportIsGroupedByItsDefaultOverAllTime() {
        OpenDataQuery query = OpenDataQuery.parse(
                Report.FLOWS, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), PROVINCES);
        assertThat(query.groupBy()).containsExactly(Dimension.SELLER_PROVINCE, Dimension.BUYER_PROVINCE);
        assertThat(query.from()).isEmpty();
        assertThat(query.to()).isEmpty();
        assertThat(OpenDataQuery.parse(
                                Report.FLOWS,
                                Optional.of("month"),
                                Optional.of("2026-02"),
                                Optional.of("2026-02"),
                                List.of(),
                                List.of(),
                                PROVINCES)
                        .from())
                .contains(LocalDate.of(2026, 2, 1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DEALS   | industry,colour |         |         |                     |        | UNKNOWN_DIMENSION",
                "FLOWS   | industry        |         |         |                     |        | UNKNOWN_DIMENSION",
                "DEALS   | sellerProvince  |         |         |                     |        | UNKNOWN_DIMENSION",
                "FUNNEL  |                 |         |         |                     | 110000 | UNKNOWN_DIMENSION",
                "FLOWS   |                 |         |         | NEW_ENERGY          |        | UNKNOWN_DIMENSION",
                "DEALS   |                 |         |         | STEAM_ENGINES       |        | UNKNOWN_FUTURE_INDUSTRY",
                "DEALS   |                 |         |         | new_energy          |        | UNKNOWN_FUTURE_INDUSTRY",
                "DEALS   |                 |         |         |                     | 990000 | UNKNOWN_PROVINCE",
                "FLOWS   |                 |         |         |                     | 440300 | UNKNOWN_PROVINCE",
                "DEALS   |                 | 2026-13 |         |                     |        | INVALID_MONTH",
                "DEALS   |                 | 2026-1  |         |                     |        | INVALID_MONTH",
                "DEALS   |                 |         | 2026-01-05 |                  |        | INVALID_MONTH",
                "DEALS   |                 |         | spring  |                     |        | INVALID_MONTH",
                "PRICES  |                 | 2026-05 | 2026-04 |                     |        | MONTHS_REVERSED",
            })
    void badQuestionsAreRefusedWithTheirCodes(
            Report report, String groupBy, String from, String to, String industry, String province, String code) {
        assertThatThrownBy(() -> OpenDataQuery.parse(
                        report,
                        Optional.ofNullable(groupBy),
                        Optional.ofNullable(from),
                        Optional.ofNullable(to),
                        industry == null ? List.of() : List.of(industry),
                        province == null ? List.of() : List.of(province),
                        PROVINCES))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo(code));
    }
}
