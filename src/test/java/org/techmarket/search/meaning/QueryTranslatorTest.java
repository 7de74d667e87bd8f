package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryTranslatorTest {

    private final QueryTranslator translator = new QueryTranslator(BilingualDictionary.standard());

    @Test
    void aChineseQueryGetsEnglishTerms() {
        QueryTranslator.Translation translation = translator.translate("燃料电池");
        assertThat(translation.english()).contains("fuel cell");
        assertThat(translation.chinese()).isEmpty();
    }

    @Test
    void anEnglishQueryGetsChineseTermsLongestPhraseFirst() {
        QueryTranslator.Translation translation = translator.translate("quantum key distribution");
        assertThat(translation.chinese()).first().isEqualTo("量子密钥分发");
        assertThat(translation.english()).isEmpty();
    }

    @Test
    void wordsWithoutTechnicalMeaningAreNotTranslated() {
        assertThat(translator.translate("一种方法").isEmpty()).isTrue();
        assertThat(translator.translate("a method of the system").isEmpty()).isTrue();
    }

    @Test
    void aMixedQueryIsTranslatedRunByRun() {
        QueryTranslator.Translation translation = translator.translate("RISC-V多核处理器 solid electrolyte");
        assertThat(translation.english()).contains("multi-core processor");
        assertThat(translation.chinese()).contains("固态电解质");
        assertThat(translation.describe()).startsWith("risc-v多核处理器 solid electrolyte → ");
    }

    @Test
    void translationsWeighLessThanTheQuerysOwnWords() {
        assertThat(QueryTranslator.TRANSLATION_WEIGHT).isLessThan(1f).isPositive();
    }

    @Test
    void anyStringTranslatesWithoutFailing() {
        Random random = new Random(44);
        for (int i = 0; i < 500; i++) {
            StringBuilder query = new StringBuilder();
            int length = random.nextInt(1_000);
            for (int j = 0; j < length; j++) {
                query.appendCodePoint(
                        switch (random.nextInt(4)) {
                            case 0 -> 0x4E00 + random.nextInt(0x5000);
                            case 1 -> 'a' + random.nextInt(26);
                            case 2 -> ' ';
                            default -> random.nextInt(0x1_0000);
                        });
            }
            String text = query.toString();
            assertThatCode(() -> translator.translate(text)).as(text).doesNotThrowAnyException();
        }
        assertThat(translator.translate("").isEmpty()).isTrue();
    }
}
