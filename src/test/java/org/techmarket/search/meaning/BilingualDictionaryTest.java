package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.techmarket.reference.FutureIndustry;

class BilingualDictionaryTest {

    private final BilingualDictionary dictionary = BilingualDictionary.standard();

    @Test
    void holdsCcCedictAndTheTechnicalTerms() {
        assertThat(dictionary.headwords()).isGreaterThan(100_000);
        assertThat(dictionary.english("电池")).contains("battery");
        assertThat(dictionary.english("量子密钥分发")).contains("quantum key distribution");
        assertThat(dictionary.isTechnical("固态电解质")).isTrue();
        assertThat(dictionary.isTechnical("你好")).isFalse();
    }

    @Test
    void technicalTermsComeFirstFromEnglish() {
        assertThat(dictionary.chinese("fuel cells", 1)).containsExactly("燃料电池");
        assertThat(dictionary.chinese("Quantum Key Distribution", 2)).first().isEqualTo("量子密钥分发");
        assertThat(dictionary.chinese("no such phrase here", 2)).isEmpty();
    }

    @Test
    void everyFutureIndustryIsATermInBothLanguages() {
        for (FutureIndustry industry : FutureIndustry.values()) {
            if (industry == FutureIndustry.OTHER) {
                continue;
            }
            String chinese = industry.zhName().replaceAll("\\(.*\\)", "");
            String english = industry.enName().replaceAll("\\(.*\\)", "").strip();
            assertThat(dictionary.isTechnical(chinese)).as(chinese).isTrue();
            assertThat(dictionary.chinese(english, 1)).as(english).containsExactly(chinese);
        }
    }

    @Test
    void longestMatchPrefersTheLongerHeadword() {
        BilingualDictionary small = BilingualDictionary.of(List.of("燃料\tfuel", "燃料电池\tfuel cell", "电池\tbattery"));
        assertThat(small.longestHeadwordAt("固体燃料电池堆", 2)).contains("燃料电池");
        assertThat(small.longestHeadwordAt("固体燃料电池堆", 0)).isEmpty();
        assertThat(small.longestHeadwordAt("燃料", 0)).contains("燃料");
    }

    @Test
    void englishIsComparedWithoutCasePunctuationOrPlural() {
        assertThat(BilingualDictionary.normalize("Light-Emitting  Diodes")).isEqualTo("light emitting diode");
        assertThat(BilingualDictionary.normalize("glass")).isEqualTo("glass");
        assertThat(BilingualDictionary.normalize("  ")).isEmpty();
    }
}
