package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /**
     * The check character as ISO 7064 MOD 11-2 defines it, independently of the class under test: numbering the 18
     * characters from the right starting at 1, character i weighs 2^(i-1) mod 11, and the check value (X for 10) is
     * the one that makes the weighted sum of all 18 congruent to 1 modulo 11.
     */
    private static char referenceCheck(String first17) {
        for (int check = 0; check <= 10; check++) {
            long sum = check; // the check character is place 1, weight 2^0 = 1
            for (int i = 0; i < 17; i++) {
                int place = 18 - i;
                int weight = BigInteger.TWO
                        .pow(place - 1)
                        .mod(BigInteger.valueOf(11))
                        .intValue();
                sum += (long) (first17.charAt(i) - '0') * weight;
            }
            if (sum % 11 == 1) {
                return check == 10 ? 'X' : (char) ('0' + check);
            }
        }
        throw new AssertionError("no check value for " + first17);
    }

    // The worked examples printed in GB 11643-1999 itself.
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "11010519491231002X, Beijing Chaoyang district; born 31 December 1949; sequence 002 (female)",
        "440524188001010014, Guangdong Shantou Chaoyang county; born 1 January 1880; sequence 001 (male)",
    })
    void acceptsTheStandardsOwnExamples(String number, String reading) {
        assertThat(ResidentIdentityNumber.problem(number)).isEmpty();
        assertThat(ResidentIdentityNumber.problem(number, TODAY)).isEmpty();
        assertThat(referenceCheck(number.substring(0, 17))).isEqualTo(number.charAt(17));
    }

    @ParameterizedTest
    @CsvSource({
        "44030519900307123",
        "31010419850215456",
        "51010720000229001",
        "65010219751130078",
        "81000019990101003",
        "23010319660718110",
        "33010620101010010",
        "11010820260302999"
    })
    void acceptsNumbersWhoseCheckCharacterIsComputedByTheDefinition(String first17) {
        String number = first17 + referenceCheck(first17);
        assertThat(ResidentIdentityNumber.withCheckCharacter(first17)).isEqualTo(number);
        assertThat(ResidentIdentityNumber.problem(number, TODAY)).isEmpty();
    }

    @Test
    void agreesWithTheDefinitionOnManyNumbers() {
        Random random = new Random(11643);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first17 = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                first17.append(random.nextInt(10));
            }
            assertThat(ResidentIdentityNumber.withCheckCharacter(first17.toString()))
                    .endsWith(String.valueOf(referenceCheck(first17.toString())));
        }
    }

    @Test
    void everyOtherCheckCharacterIsRefusedAsMistyped() {
        for (char wrong : "0123456789".toCharArray()) {
            assertThat(ResidentIdentityNumber.problem("1101051949123100" + "2" + wrong))
                    .get()
                    .asString()
                    .contains("must be X");
        }
        assertThat(ResidentIdentityNumber.problem("440524188001010015"))
                .get()
                .asString()
                .contains("must be 4");
        assertThat(ResidentIdentityNumber.problem("44052418800101001X"))
                .get()
                .asString()
                .contains("must be 4");
    }

    @Test
    void aSwapOfTwoDigitsIsCaught() {
        assertThat(ResidentIdentityNumber.problem("11010591491231002X")).isPresent();
        assertThat(ResidentIdentityNumber.problem("11015019491231002X")).isPresent();
    }

    @Test
    void refusesWrongLengthsCharactersAndTheOldFifteenDigitNumbers() {
        assertThat(ResidentIdentityNumber.problem(null)).hasValue("a resident identity number is required");
        assertThat(ResidentIdentityNumber.problem("")).hasValue("a resident identity number is required");
        assertThat(ResidentIdentityNumber.problem("11010519491231002"))
                .get()
                .asString()
                .contains("not 17");
        assertThat(ResidentIdentityNumber.problem("11010519491231002X0"))
                .get()
                .asString()
                .contains("not 19");
        assertThat(ResidentIdentityNumber.problem("110105491231002"))
                .get()
                .asString()
                .contains("first-generation");
        assertThat(ResidentIdentityNumber.problem("1101051949123100X2"))
                .get()
                .asString()
                .contains("character 17 must be a digit");
        assertThat(ResidentIdentityNumber.problem("11010519491231002x"))
                .get()
                .asString()
                .contains("upper-case X");
        assertThat(ResidentIdentityNumber.problem("11010519491231002Y"))
                .get()
                .asString()
                .contains("digit or X");
        assertThat(ResidentIdentityNumber.problem("１１010519491231002X")).isPresent();
    }

    @Test
    void theAddressCodeIsUnderAProvince() {
        for (String region : new String[] {"000000", "100000", "990101", "240101", "720000"}) {
            String number = ResidentIdentityNumber.withCheckCharacter(region + "19900101001");
            assertThat(ResidentIdentityNumber.problem(number))
                    .as(region)
                    .get()
                    .asString()
                    .contains("address code");
        }
    }

    @Test
    void theDateOfBirthExistsAndHasCome() {
        for (String date : new String[] {"19900230", "19901301", "19900001", "19900100", "19000229"}) {
            String number = ResidentIdentityNumber.withCheckCharacter("440305" + date + "001");
            assertThat(ResidentIdentityNumber.problem(number))
                    .as(date)
                    .get()
                    .asString()
                    .contains("date of birth");
        }
        String leapDay = ResidentIdentityNumber.withCheckCharacter("44030520000229001");
        assertThat(ResidentIdentityNumber.problem(leapDay, TODAY)).isEmpty();

        String bornToday = ResidentIdentityNumber.withCheckCharacter("44030520260302001");
        String bornTomorrow = ResidentIdentityNumber.withCheckCharacter("44030520260303001");
        assertThat(ResidentIdentityNumber.problem(bornToday, TODAY)).isEmpty();
        assertThat(ResidentIdentityNumber.problem(bornTomorrow)).isEmpty();
        assertThat(ResidentIdentityNumber.problem(bornTomorrow, TODAY))
                .get()
                .asString()
                .contains("in the future");
    }

    @Test
    void aMaskedNumberShowsOnlyItsLastFourCharacters() {
        assertThat(ResidentIdentityNumber.masked("11010519491231002X")).isEqualTo("**************002X");
        assertThat(ResidentIdentityNumber.masked("440524188001010014")).isEqualTo("**************0014");
        assertThat(ResidentIdentityNumber.masked("123")).isEqualTo("***");
    }

    @Test
    void onlySeventeenDigitsGetACheckCharacter() {
        assertThatThrownBy(() -> ResidentIdentityNumber.withCheckCharacter("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdentityNumber.withCheckCharacter("1101051949123100A"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdentityNumber.withCheckCharacter(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
