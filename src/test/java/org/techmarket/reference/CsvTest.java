package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasAndEscapedQuotes() {
        assertThat(Csv.fields("1,\"Electrical machinery, apparatus\",\"say \"\"hi\"\"\",H02S%\r"))
                .containsExactly("1", "Electrical machinery, apparatus", "say \"hi\"", "H02S%");
    }

    @Test
    void keysRowsByTheHeaderWithoutItsByteOrderMark() {
        List<Map<String, String>> rows = Csv.rows(List.of("\uFEFFcode,name", "110000,北京市", ""), "test");
        assertThat(rows).containsExactly(Map.of("code", "110000", "name", "北京市"));
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() {
        assertThatThrownBy(() -> Csv.rows(List.of("a,b", "1,2,3"), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv line 2");
    }

    @Test
    void reportsAMissingResource() {
        assertThatThrownBy(() -> Csv.readResource("reference/missing.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
    }
}
