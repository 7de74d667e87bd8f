package org.techmarket.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceIndexTest {

    private static final List<Dimension> BY_INDUSTRY_AND_MONTH = List.of(Dimension.INDUSTRY, Dimension.MONTH);

    private static Cell cell(String industry, String month, long sales, long value) {
        return new Cell(List.of(industry, month), new long[] {sales, value});
    }

    @Test
    void eachSeriesIsIndexedToItsFirstMonthShown() {
        List<Cell> rows = List.of(
                cell("AI", "2026-01", 4, 400_000), // mean 100,000 fen
                cell("AI", "2026-02", 3, 360_000), // mean 120,000
                cell("AI", "2026-03", 3, 270_001), // mean 90,000.33
                cell("NEW_ENERGY", "2026-02", 5, 1_000_000), // its own base
                cell("NEW_ENERGY", "2026-03", 4, 600_000));
        assertThat(PriceIndex.of(BY_INDUSTRY_AND_MONTH, rows, 0, 1))
                .containsExactly(
                        Optional.of(new BigDecimal("100.0")),
                        Optional.of(new BigDecimal("120.0")),
                        Optional.of(new BigDecimal("90.0")),
                        Optional.of(new BigDecimal("100.0")),
                        Optional.of(new BigDecimal("75.0")));
    }

    @Test
    void theBaseIsTheEarliestMonthWhateverTheRowsOrder() {
        List<Cell> rows = List.of(cell("AI", "2026-03", 3, 300), cell("AI", "2026-01", 3, 600));
        assertThat(PriceIndex.of(BY_INDUSTRY_AND_MONTH, rows, 0, 1))
                .containsExactly(Optional.of(new BigDecimal("50.0")), Optional.of(new BigDecimal("100.0")));
    }

    @Test
    void withoutMonthsOrWithAFreeBaseThereIsNoIndex() {
        assertThat(PriceIndex.of(
                        List.of(Dimension.INDUSTRY), List.of(new Cell(List.of("AI"), new long[] {3, 900})), 0, 1))
                .containsExactly(Optional.empty());
        assertThat(PriceIndex.of(
                        BY_INDUSTRY_AND_MONTH,
                        List.of(cell("AI", "2026-01", 3, 0), cell("AI", "2026-02", 3, 900)),
                        0,
                        1))
                .containsExactly(Optional.empty(), Optional.empty());
    }
}
