package org.techmarket.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {

    private final CommonPasswords common = CommonPasswords.standard();

    @Test
    void theMarketsListHoldsAtLeastTenThousandCommonPasswords() {
        assertThat(common.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(common.contains("password123")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop", "1234567890", "password123", "PASSWORD123", "QwErTyUiOp", "iloveyou12"})
    void aCommonPasswordIsRefusedWhateverItsCase(String password) {
        assertThat(Passwords.problem(password)).isEmpty();
        assertThat(Passwords.weakness(password, "someone", common)).contains(Passwords.Weakness.TOO_COMMON);
        assertThat(Passwords.Weakness.TOO_COMMON.code().name()).isEqualTo("PASSWORD_TOO_COMMON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice-2024-secret", "my ALICE password", "xxAlIcExx!!"})
    void aPasswordContainingItsUsernameIsRefusedWhateverItsCase(String password) {
        assertThat(Passwords.weakness(password, "Alice", common)).contains(Passwords.Weakness.CONTAINS_USERNAME);
        assertThat(Passwords.Weakness.CONTAINS_USERNAME.code().name()).isEqualTo("PASSWORD_CONTAINS_USERNAME");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery",
                "member password 1",
                "regulator password",
                "colleague password",
                "member password",
                "kX9vQm2LpR7wTz4N"
            })
    void theFixturesAndDemoPasswordsPass(String password) {
        assertThat(Passwords.problem(password)).isEmpty();
        assertThat(Passwords.weakness(password, "admin-1x2y3z", common)).isEmpty();
    }

    @Test
    void lengthIsCheckedFirstAndOnItsOwn() {
        assertThat(Passwords.problem("short")).contains("must have at least 10 characters");
        assertThat(Passwords.problem("x".repeat(73))).contains("must have at most 72 bytes");
        assertThat(Passwords.problem(" ".repeat(12))).contains("must not be blank");
    }

    @Test
    void aListGivenInMixedCaseComparesWithoutCase() {
        CommonPasswords list = CommonPasswords.of(java.util.Set.of("Dragon-Slayer"));
        assertThat(list.contains("dragon-slayer")).isTrue();
        assertThat(list.contains("DRAGON-SLAYER")).isTrue();
        assertThat(list.contains("dragon slayer")).isFalse();
    }
}
