package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.reference.FutureIndustry.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndustryMappingTest {

    private final IndustryMapping mapping = IndustryMapping.standard();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "G06N 20/00   | ARTIFICIAL_INTELLIGENCE",
                "G06N 3/08    | ARTIFICIAL_INTELLIGENCE",
                "G06V 40/16   | ARTIFICIAL_INTELLIGENCE",
                "G06N 3/063   | BRAIN_LIKE_INTELLIGENCE",
                "G06N 3/065   | ARTIFICIAL_INTELLIGENCE",
                "B25J 9/16    | HUMANOID_ROBOTS",
                "B62D 57/032  | HUMANOID_ROBOTS",
                "G06T 19/006  | METAVERSE",
                "G02B 27/017  | METAVERSE",
                "G06F 3/013   | METAVERSE",
                "G06F 3/015   | BRAIN_LIKE_INTELLIGENCE",
                "H04L 45/74   | NEXT_GENERATION_INTERNET",
                "H04W 72/04   | SIXTH_GENERATION_MOBILE",
                "H04B 7/0413  | SIXTH_GENERATION_MOBILE",
                "G06N 10/40   | QUANTUM_INFORMATION",
                "H04B 10/70   | QUANTUM_INFORMATION",
                "H04L 9/0852  | QUANTUM_INFORMATION",
                "C12N 15/113  | GENETIC_TECHNOLOGY",
                "C12Q 1/6869  | GENETIC_TECHNOLOGY",
                "H01L 21/02   | INTEGRATED_CIRCUITS",
                "H10B 12/00   | INTEGRATED_CIRCUITS",
                "G06F 30/392  | INTEGRATED_CIRCUITS",
                "H01M 10/0525 | NEW_ENERGY_STORAGE",
                "H01G 11/32   | NEW_ENERGY_STORAGE",
                "H02J 3/32    | NEW_ENERGY_STORAGE",
                "H02J 15/00   | NEW_ENERGY_STORAGE",
                "H02S 40/38   | NEW_ENERGY",
                "F03D 1/06    | NEW_ENERGY",
                "H01L 31/0687 | NEW_ENERGY",
                "H01M 8/1018  | NEW_ENERGY",
                "B64G 1/10    | COMMERCIAL_SPACEFLIGHT",
                "B64G 1/16    | DEEP_SPACE",
                "B63C 11/52   | DEEP_SEA",
                "B63G 8/00    | DEEP_SEA",
                "C01B 32/182  | ADVANCED_MATERIALS",
                "C12P 7/06    | BIOMANUFACTURING",
            })
    void suggestsTheIndustryOfTheDeepestMatchingPattern(String code, FutureIndustry industry) {
        assertThat(mapping.suggest(IpcCode.parse(code))).containsExactly(industry);
    }

    @Test
    void aPatternCanNameSeveralIndustries() {
        assertThat(mapping.suggest(IpcCode.parse("H04B 7/18513")))
                .containsExactly(SIXTH_GENERATION_MOBILE, COMMERCIAL_SPACEFLIGHT);
    }

    @Test
    void unmappedCodesSuggestNothingRatherThanOther() {
        assertThat(mapping.suggest(IpcCode.parse("A47C 7/54"))).isEmpty();
        assertThat(mapping.suggest(IpcCode.parse("H04L 9/08"))).isEmpty();
        assertThat(mapping.suggest(IpcCode.parse("E21B 7/04"))).isEmpty();
        assertThat(mapping.suggest(IpcCode.parse("G06"))).isEmpty();
    }

    @Test
    void suggestsTheUnionForAnAssetInEnumOrder() {
        Set<FutureIndustry> industries = mapping.suggest(List.of(
                IpcCode.parse("H01M 10/052"),
                IpcCode.parse("G06N 3/08"),
                IpcCode.parse("A47C 7/54"),
                IpcCode.parse("G06N 20/00")));
        assertThat(industries).containsExactly(ARTIFICIAL_INTELLIGENCE, NEW_ENERGY_STORAGE);
        assertThat(mapping.suggest(List.of())).isEmpty();
    }

    @Test
    void neverSuggestsOther() {
        assertThat(mapping.table().values()).noneMatch(industries -> industries.contains(OTHER));
    }

    @Test
    void everyIndustryButOtherCanBeSuggested() {
        Set<FutureIndustry> reachable = mapping.table().values().stream()
                .flatMap(Set::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FutureIndustry.class)));
        assertThat(reachable).isEqualTo(EnumSet.complementOf(EnumSet.of(OTHER)));
    }

    @Test
    void theDocumentedTableIsTheTableInUse() throws IOException {
        Map<String, Set<FutureIndustry>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/industry-mapping.md"))) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                documented.put(
                        unquote(cells[1]),
                        Arrays.stream(cells[2].split(","))
                                .map(cell -> FutureIndustry.valueOf(unquote(cell)))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FutureIndustry.class))));
            }
        }
        assertThat(documented).containsExactlyEntriesOf(mapping.table());
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }
}
