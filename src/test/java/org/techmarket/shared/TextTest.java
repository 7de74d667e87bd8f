package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b",
                "\u0000",
                "bell\u0007",
                "esc\u001B[31m",
                "del\u007F",
                "c1\u0085",
                "left\u202Aembedding",
                "right\u202Boverride",
                "pop\u202C",
                "ltr\u202Doverride",
                "evil\u202Eexe.txt",
                "isolate\u2066x",
                "\u2067",
                "first strong\u2068",
                "pop isolate\u2069"
            })
    void noTextMayHoldNulControlOrBidiCharacters(String text) {
        assertThat(Text.textProblem(text)).isPresent();
        assertThat(Text.nameProblem(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "line one\nline two",
                "tab\tseparated",
                "windows\r\nbreak",
                "中文说明",
                "Ünïcödé",
                "emoji \uD83D\uDE80",
                "right-to-left \u0627\u0644\u0639\u0631\u0628\u064A\u0629",
                "mark\u200Fok"
            })
    void freeTextMayHoldLineBreaksTabsAndAnyScript(String text) {
        assertThat(Text.textProblem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "two\nlines",
                "tab\there",
                "\u200B",
                "\u200B\u200C\u200D",
                "\uFEFF\u2060",
                " \u200B ",
                "\u00AD",
                "\u3164"
            })
    void aNameIsOneLineWithSomethingVisible(String name) {
        assertThat(Text.nameProblem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"深圳市智能机器人研究院", "Acme Robotics Ltd.", "O'Brien & Søn", "zero\u200Bwidth inside"})
    void ordinaryNamesPass(String name) {
        assertThat(Text.nameProblem(name)).isEmpty();
    }

    @Test
    void namesAreStoredInNfcWithoutSurroundingBlanks() {
        String decomposed = "Cafe\u0301 Ltd";
        assertThat(Text.name("  " + decomposed + " ")).isEqualTo("Caf\u00E9 Ltd");
    }

    @Test
    void theSameNameKeyIgnoresFormCaseWidthAndInvisibleCharacters() {
        String key = Text.sameNameKey("Caf\u00E9 Robotics");
        assertThat(Text.sameNameKey("CAFE\u0301  robotics")).isEqualTo(key);
        assertThat(Text.sameNameKey("Caf\u00E9\u200B Robotics")).isEqualTo(key);
        assertThat(Text.sameNameKey("\uFF23\uFF41\uFF46\u00E9 Robotics")).isEqualTo(key);
        assertThat(Text.sameNameKey("Cafe Robotics")).isNotEqualTo(key);
    }
}
