package org.techmarket.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Cell cell(String key, long... sums) {
        return new Cell(List.of(key), sums);
    }

    @Test
    void cellsCountingFewerThanThreeAreWithheldAndCounted() {
        Table table = Table.publishable(
                Report.FLOWS,
                List.of(Dimension.MONTH),
                List.of(
                        cell("2026-01", 2, 500),
                        cell("2026-02", 3, 900),
                        cell("2026-03", 1, 100),
                        cell("2026-04", 0, 0)));
        assertThat(table.rows()).containsExactly(cell("2026-02", 3, 900));
        assertThat(table.suppressedCells()).isEqualTo(3);
    }

    @Test
    void aDealCellWithOneOrTwoRegistrationsIsWithheldThoughItCountsEnoughDeals() {
        Table table = Table.publishable(
                Report.DEALS,
                List.of(Dimension.MONTH),
                List.of(
                        cell("2026-01", 5, 500, 0, 0),
                        cell("2026-02", 5, 500, 2, 200),
                        cell("2026-03", 5, 500, 3, 300)));
        assertThat(table.rows()).extracting(c -> c.keys().get(0)).containsExactly("2026-01", "2026-03");
        assertThat(table.suppressedCells()).isEqualTo(1);
    }

    @Test
    void theFunnelIsJudgedByItsListings() {
        assertThat(Report.FUNNEL.withholds(new long[] {2, 2, 2, 2})).isTrue();
        assertThat(Report.FUNNEL.withholds(new long[] {3, 1, 1, 0})).isFalse();
    }
}
