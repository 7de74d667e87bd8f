package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The judged set against the demo market with the real embedding model: relevance may rise but never silently drop.
 * The floors sit a little below the figures measured when they were set (ADR 0044), leaving room for the model's
 * floating-point differences between CPUs.
 */
class RelevanceFloorTest {

    private static JudgedCorpus corpus;
    private static RelevanceEvaluation evaluation;

    @BeforeAll
    static void measure() {
        corpus = new JudgedCorpus(new BgeSmallZhEmbedder());
        evaluation = new RelevanceEvaluation(corpus, RelevanceEvaluation.judgedSet());
        System.out.print(evaluation.report());
    }

    @AfterAll
    static void close() throws IOException {
        corpus.close();
    }

    @Test
    void theJudgedSetCoversBothLanguagesAndBothDirections() {
        assertThat(RelevanceEvaluation.judgedSet()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(evaluation.byLanguage(SearchMode.WORDS)).containsKeys("en", "zh", "zh-en", "en-zh");
        assertThat(corpus.items).isEqualTo(239);
    }

    @Test
    void everyJudgedItemExistsInTheDemoMarket() {
        var keys = JudgedCorpus.demoItems().stream().map(JudgedCorpus.Item::key).toList();
        RelevanceEvaluation.judgedSet()
                .forEach(j -> assertThat(keys).as(j.query()).containsAll(j.relevant()));
    }

    @Test
    void wordsWithTranslationsKeepTheirRelevance() {
        assertThat(evaluation.overall(SearchMode.WORDS).ndcg()).isGreaterThanOrEqualTo(0.92);
        assertThat(evaluation.overall(SearchMode.WORDS).recall()).isGreaterThanOrEqualTo(0.94);
        assertThat(evaluation.byLanguage(SearchMode.WORDS).get("zh-en").recall())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(evaluation.byLanguage(SearchMode.WORDS).get("en-zh").recall())
                .isGreaterThanOrEqualTo(0.85);
        assertThat(evaluation.bySet(SearchMode.WORDS).get("held-out").recall()).isGreaterThanOrEqualTo(0.83);
    }

    @Test
    void vectorsKeepTheirRelevance() {
        assertThat(evaluation.overall(SearchMode.VECTORS).ndcg()).isGreaterThanOrEqualTo(0.40);
        assertThat(evaluation.overall(SearchMode.VECTORS).recall()).isGreaterThanOrEqualTo(0.45);
        // The quantized model's vectors depend on the CPU: English recall@10 was 0.925 where the floors were set and is
        // 0.775 on an AMD EPYC with AVX2 but no AVX-512, same code and data (ADR 0044). The floor holds on both.
        assertThat(evaluation.byLanguage(SearchMode.VECTORS).get("en").recall()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void theHybridKeepsItsRelevance() {
        assertThat(evaluation.overall(SearchMode.HYBRID).ndcg()).isGreaterThanOrEqualTo(0.82);
        assertThat(evaluation.overall(SearchMode.HYBRID).recall()).isGreaterThanOrEqualTo(0.94);
    }

    @Test
    void theDefaultModeIsTheOneThatMeasuresBest() {
        double best = 0;
        SearchMode bestMode = null;
        for (SearchMode mode : SearchMode.values()) {
            if (evaluation.overall(mode).ndcg() > best) {
                best = evaluation.overall(mode).ndcg();
                bestMode = mode;
            }
        }
        assertThat(SearchMode.DEFAULT).isEqualTo(bestMode);
    }
}
