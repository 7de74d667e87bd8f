package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FutureIndustryTest {

    @Test
    void everyIndustryHasDistinctChineseAndEnglishNames() {
        assertThat(Arrays.stream(FutureIndustry.values()).map(FutureIndustry::zhName))
                .doesNotHaveDuplicates()
                .allMatch(name -> !name.isBlank());
        assertThat(Arrays.stream(FutureIndustry.values()).map(FutureIndustry::enName))
                .doesNotHaveDuplicates()
                .allMatch(name -> !name.isBlank());
    }

    @Test
    void namesFollowTheOfficialChineseTerms() {
        assertThat(FutureIndustry.ARTIFICIAL_INTELLIGENCE.zhName()).isEqualTo("人工智能");
        assertThat(FutureIndustry.SIXTH_GENERATION_MOBILE.zhName()).isEqualTo("第六代移动通信(6G)");
        assertThat(FutureIndustry.NEW_ENERGY_STORAGE.zhName()).isEqualTo("新型储能");
        assertThat(FutureIndustry.OTHER.zhName()).isEqualTo("其他");
        assertThat(FutureIndustry.values()).hasSize(17).endsWith(FutureIndustry.OTHER);
    }
}
