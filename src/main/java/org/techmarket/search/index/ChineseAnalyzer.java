package org.techmarket.search.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * {@link SmartChineseAnalyzer}'s analysis, with a sentence written only in ASCII cut into its words directly instead of
 * by the hidden Markov model. The model finds the best of several ways to cut a run of Chinese characters; a sentence
 * without one has a single way (each run of letters a word, each run of digits a number, each punctuation mark a
 * delimiter, blanks skipped), which the model still computed at about a tenth of the English analyzer's speed, and
 * which most of the market's texts (English patents) are. The words, their offsets, positions and types are the
 * model's: {@code ChineseAnalyzerTest} compares the two on the demo market's texts and on generated ones.
 */
final class ChineseAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new AsciiFirstTokenizer();
        TokenStream result = new PorterStemFilter(tokenizer);
        result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
        return new TokenStreamComponents(tokenizer, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** The model's tokenizer, which a sentence of ASCII characters alone passes by. */
    static final class AsciiFirstTokenizer extends HMMChineseTokenizer {
        /** The delimiter every punctuation mark becomes, as the model's token filter writes it. */
        private static final char DELIMITER = ',';

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private boolean ascii;
        private int at;
        private int end;

        @Override
        protected void setNextSentence(int sentenceStart, int sentenceEnd) {
            ascii = isAscii(sentenceStart, sentenceEnd);
            if (ascii) {
                at = sentenceStart;
                end = sentenceEnd;
            } else {
                super.setNextSentence(sentenceStart, sentenceEnd);
            }
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            ascii = false;
        }

        @Override
        protected boolean incrementWord() {
            if (!ascii) {
                return super.incrementWord();
            }
            while (at < end && isBlank(buffer[at])) {
                at++;
            }
            if (at >= end) {
                return false;
            }
            int start = at;
            char first = buffer[at++];
            clearAttributes();
            if (isLetter(first)) {
                while (at < end && isLetter(buffer[at])) {
                    at++;
                }
                term.copyBuffer(buffer, start, at - start);
                char[] word = term.buffer();
                for (int i = 0; i < at - start; i++) {
                    if (word[i] >= 'A' && word[i] <= 'Z') {
                        word[i] += 'a' - 'A';
                    }
                }
            } else if (isDigit(first)) {
                while (at < end && isDigit(buffer[at])) {
                    at++;
                }
                term.copyBuffer(buffer, start, at - start);
            } else if (first >= 0x21) {
                term.setEmpty().append(DELIMITER);
            } else {
                // A control character: the model keeps it as a word of its own.
                term.copyBuffer(buffer, start, 1);
            }
            offsets.setOffset(correctOffset(offset + start), correctOffset(offset + at));
            type.setType("word");
            return true;
        }

        private boolean isAscii(int from, int to) {
            for (int i = from; i < to; i++) {
                if (buffer[i] >= 0x7F) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
