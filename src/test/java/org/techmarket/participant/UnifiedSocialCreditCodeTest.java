package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnifiedSocialCreditCodeTest {

    // Codes as published by the organizations (business licences, invoices, public registries).
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "914403001922038216, Huawei Technologies Co. Ltd. (Shenzhen)",
        "91440300192317458F, BYD Co. Ltd. (Shenzhen)",
        "91110108551385082Q, Xiaomi Inc. (Beijing Haidian)",
        "91440300708461136T, Shenzhen Tencent Computer Systems Co. Ltd.",
        "91520000214434146R, AVIC Heavy Machinery Co. Ltd. (Guizhou)",
        "12100000400000624D, Tsinghua University (registered nationally)",
    })
    void acceptsPublishedCodes(String code, String organization) {
        assertThat(UnifiedSocialCreditCode.problem(code)).isEmpty();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.problem("914403001922038217"))
                .hasValue("the check character is 7 but must be 6: the code is mistyped");
        assertThat(UnifiedSocialCreditCode.problem("91440300192317458G"))
                .get()
                .asString()
                .contains("must be F");
    }

    @Test
    void refusesTwoSwappedCharacters() {
        assertThat(UnifiedSocialCreditCode.problem("914403001922032816")).isPresent();
    }

    @Test
    void refusesTheWrongLength() {
        assertThat(UnifiedSocialCreditCode.problem("91440300192203821"))
                .hasValue("a unified social credit code has 18 characters, not 17");
        assertThat(UnifiedSocialCreditCode.problem("9144030019220382160"))
                .get()
                .asString()
                .contains("not 19");
        assertThat(UnifiedSocialCreditCode.problem("")).hasValue("a unified social credit code is required");
        assertThat(UnifiedSocialCreditCode.problem(null)).isPresent();
    }

    @Test
    void refusesLowerCaseLetters() {
        assertThat(UnifiedSocialCreditCode.problem("91440300192317458f"))
                .hasValue("character 18 ('f') must be an upper-case letter");
    }

    @ParameterizedTest
    @CsvSource({
        "91440300I92203821A, I, 9",
        "91440300O92203821A, O, 9",
        "9144030019220382Z6, Z, 17",
        "9144030019220382S6, S, 17",
        "9144030019220382V6, V, 17",
        "91440300-922038216, -, 9",
        "91440300i92203821A, i, 9"
    })
    void refusesLettersTheStandardLeavesOut(String code, char letter, int position) {
        assertThat(UnifiedSocialCreditCode.problem(code))
                .hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("character " + position + " ('" + letter + "') is not allowed"));
    }

    @Test
    void refusesAnImpossibleDivisionCode() {
        assertThat(UnifiedSocialCreditCode.problem(UnifiedSocialCreditCode.withCheckCharacter("91A40300192203821")))
                .get()
                .asString()
                .contains("characters 3 to 8 (A40300)");
        assertThat(UnifiedSocialCreditCode.problem(UnifiedSocialCreditCode.withCheckCharacter("91990000192203821")))
                .get()
                .asString()
                .contains("administrative division code");
    }

    @Test
    void appendsTheCheckCharacterForDemoCodes() {
        assertThat(UnifiedSocialCreditCode.withCheckCharacter("91440300192203821"))
                .isEqualTo("914403001922038216");
        assertThat(UnifiedSocialCreditCode.withCheckCharacter("12100000400000624"))
                .isEqualTo("12100000400000624D");
        String demo = UnifiedSocialCreditCode.withCheckCharacter("91310115MA1K4ABCD");
        assertThat(UnifiedSocialCreditCode.problem(demo)).isEmpty();
    }

    @Test
    void everyCheckValueMapsToOneCharacter() {
        // Vary the last organization-code character: the check character runs through the whole set.
        Set<Character> checks = new HashSet<>();
        for (char c : UnifiedSocialCreditCode.CHARACTERS.toCharArray()) {
            checks.add(UnifiedSocialCreditCode.withCheckCharacter("9144030019220382" + c)
                    .charAt(17));
        }
        assertThat(checks).hasSize(31);
    }

    @Test
    void refusesToCompleteSomethingThatIsNotSeventeenValidCharacters() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.withCheckCharacter("9144030019220382"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.withCheckCharacter("9144030019220382I"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.withCheckCharacter(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
