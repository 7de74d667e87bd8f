package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.techmarket.demand.domain.Budget;
import org.techmarket.demand.domain.Matching;
import org.techmarket.demand.domain.Matching.Offered;
import org.techmarket.demand.domain.Matching.Reason;
import org.techmarket.demand.domain.Matching.Score;
import org.techmarket.demand.domain.Matching.Wanted;
import org.techmarket.demand.domain.Terms;
import org.techmarket.shared.Money;

/** Matching's points and reasons on cases whose order is known. */
class MatchingTest {

    private static final Wanted BATTERY = new Wanted(
            List.of("H01M 10/0562"),
            List.of("NEW_ENERGY_STORAGE"),
            "Solid-state electrolyte for lithium batteries 固态电解质",
            "440300",
            new Budget(Money.cny(0), Money.cny(1_000_000_00)));

    @Test
    void sharedMainGroupsOutrankSubclassesAndIndustryAlone() {
        Offered sameGroup = offered(List.of("H01M 10/052"), List.of(), "Anode coating", "110000", 3, null);
        Offered sameSubclass = offered(List.of("H01M 4/13"), List.of(), "Anode coating", "110000", 3, null);
        Offered industryOnly = offered(List.of("G06N 3/08"), List.of("NEW_ENERGY_STORAGE"), "Grid", "110000", 3, null);
        Offered unrelated =
                offered(List.of("G06N 3/08"), List.of("ARTIFICIAL_INTELLIGENCE"), "Vision", "440300", 9, 1L);

        Map<String, Score> scores = Map.of(
                "group", Matching.score(BATTERY, sameGroup),
                "subclass", Matching.score(BATTERY, sameSubclass),
                "industry", Matching.score(BATTERY, industryOnly),
                "none", Matching.score(BATTERY, unrelated));

        assertThat(scores.get("none").matches())
                .as("region, readiness and price alone match nothing")
                .isFalse();
        assertThat(scores.entrySet().stream()
                        .filter(e -> e.getValue().matches())
                        .sorted(Comparator.comparingInt(e -> -e.getValue().points()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toList()))
                .containsExactly("group", "industry", "subclass");
        assertThat(scores.get("group").reasons()).containsExactly(new Reason("ipc", List.of("H01M 10/00"), 30));
    }

    @Test
    void everyReasonAddsItsPointsAndSaysWhatWasFound() {
        Offered close = offered(
                List.of("H01M 10/0525"),
                List.of("NEW_ENERGY_STORAGE"),
                "Sulfide solid-state electrolyte 固态电解质薄膜",
                "440100",
                7,
                500_000_00L);
        Score score = Matching.score(BATTERY, close);
        assertThat(score.reasons())
                .containsExactly(
                        new Reason("ipc", List.of("H01M 10/00"), 30),
                        new Reason("industry", List.of("NEW_ENERGY_STORAGE"), 20),
                        new Reason("terms", List.of("solid", "state", "electrolyte", "固态", "态电", "电解", "解质"), 25),
                        new Reason("region", List.of("440100"), 10),
                        new Reason("readiness", List.of("TRL 7"), 10),
                        new Reason("price", List.of("within budget"), 15));
        assertThat(score.points()).isEqualTo(110);
        assertThat(score.matches()).isTrue();

        Score dear =
                Matching.score(BATTERY, offered(List.of("H01M 10/0525"), List.of(), "x", "110000", 2, 2_000_000_00L));
        assertThat(dear.reasons()).contains(new Reason("price", List.of("above budget"), -10));
        assertThat(dear.points()).isEqualTo(20);
    }

    @Test
    void termsAreWordsLessCommonOnesAndChineseBigrams() {
        assertThat(Terms.of("The method for QKD 量子密钥")).containsExactly("qkd", "量子", "子密", "密钥");
        assertThat(Terms.shared("fuel cell stack", "A stack of fuel plates")).containsExactly("fuel", "stack");
    }

    private static Offered offered(
            List<String> ipc, List<String> industries, String text, String region, int trl, Long price) {
        return new Offered(ipc, industries, text, region, Optional.of(trl), Optional.ofNullable(price));
    }
}
