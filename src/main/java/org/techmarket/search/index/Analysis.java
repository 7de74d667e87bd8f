package org.techmarket.search.index;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text is cut into words: every text is indexed twice, in Chinese words ({@link SmartChineseAnalyzer}, which also
 * lower-cases and stems the English words among them) and in English words ({@link EnglishAnalyzer}, without the single
 * Chinese characters its tokenizer would otherwise give, which would make every Chinese text match every Chinese
 * query). Other fields are kept whole.
 */
public final class Analysis {

    private Analysis() {}

    /** The Chinese analyzer. */
    public static Analyzer chinese() {
        return new ChineseAnalyzer();
    }

    /** The English analyzer, without CJK characters. */
    public static Analyzer english() {
        return new AnalyzerWrapper(Analyzer.GLOBAL_REUSE_STRATEGY) {
            private final Analyzer english = new EnglishAnalyzer();

            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return english;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                Set<String> cjk = Set.of(
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL]);
                return new TokenStreamComponents(
                        components.getSource(), new TypeTokenFilter(components.getTokenStream(), cjk, false));
            }
        };
    }

    /** The analyzer of the index: per field, Chinese, English, or the whole value. */
    public static Analyzer perField() {
        Analyzer zh = chinese();
        Analyzer en = english();
        return new PerFieldAnalyzerWrapper(
                new KeywordAnalyzer(),
                Map.of(
                        Fields.TITLE_ZH, zh,
                        Fields.TEXT_ZH, zh,
                        Fields.INDUSTRY_ZH, zh,
                        Fields.TITLE_EN, en,
                        Fields.TEXT_EN, en,
                        Fields.INDUSTRY_EN, en));
    }
}
