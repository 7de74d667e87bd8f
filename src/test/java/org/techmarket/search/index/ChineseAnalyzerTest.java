package org.techmarket.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.techmarket.demo.DemoCnAssets;
import org.techmarket.demo.DemoPatents;

/** The Chinese analysis gives the words SmartChineseAnalyzer gives, where they stand, with a faster path for ASCII. */
class ChineseAnalyzerTest {

    private static final Analyzer MODEL = new SmartChineseAnalyzer();
    private static final Analyzer FAST = new ChineseAnalyzer();

    @Test
    void theDemoMarketsTextsAreCutAsTheModelCutsThem() {
        List<String> texts = new ArrayList<>();
        DemoPatents.load().forEach(p -> texts.addAll(List.of(p.title(), p.abstractText())));
        DemoCnAssets.load().forEach(a -> texts.addAll(List.of(a.title(), a.abstractText())));

        for (String text : texts) {
            assertThat(tokens(FAST, text)).as(text).isEqualTo(tokens(MODEL, text));
        }
        assertThat(texts).hasSizeGreaterThan(400);
    }

    @Test
    void generatedTextsOfEveryKindOfCharacterAreCutAsTheModelCutsThem() {
        String[] pieces = {
            "Battery",
            "SOLID",
            "electrolytes",
            "x",
            "42",
            "3.5",
            "H01M 10/0562",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            ".",
            ", ",
            "; ",
            "(a)",
            "\"",
            "'s",
            "-",
            "—",
            "°C",
            "µm",
            "é",
            "\u0001",
            "\u007f",
            "燃料电池",
            "量子密钥分发",
            "的",
            "。",
            "，",
            "ＡＢＣ",
            "１２３",
            "Ｘ",
            "\uD83D\uDE00",
            "中文English混合",
            "A",
            "? ",
            "! "
        };
        Random random = new Random(20261206);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int p = 0; p < n; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String written = text.toString();
            assertThat(tokens(FAST, written)).as(written).isEqualTo(tokens(MODEL, written));
        }
    }

    @Test
    void anEnglishSentenceIsCutIntoLowerCaseStemmedWordsWithoutItsPunctuation() {
        assertThat(tokens(FAST, "Solid electrolytes, 3 Batteries."))
                .startsWith("solid@0-5+1:word", "electrolyt@6-18+1:word", "3@20-21+2:word", "batteri@22-31+1:word");
    }

    /** Each word as term@start-end+position increment:type. */
    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+"
                        + increment.getPositionIncrement() + ":" + type.type());
            }
            stream.end();
            tokens.add("end@" + offset.endOffset() + "+" + increment.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
