package org.techmarket.participant;

import java.util.Optional;

/**
 * The 18-character unified social credit code that identifies every legal person and other organization in
 * China (GB 32100-2015): registering department (1), kind of organization (1), administrative division of the
 * registering authority (6, GB/T 2260), organization code (9, GB 11714) and a check character (1).
 */
public final class UnifiedSocialCreditCode {

    /** The 31 characters the standard uses, in value order: no I, O, Z, S or V, which read like 1, 0, 2, 5, U. */
    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    // Besides the GB/T 2260 province prefixes, 10 marks organizations registered by a national authority.
    private static final String NATIONAL_PREFIX = "10";

    private UnifiedSocialCreditCode() {}

    /** Why the code is not a valid unified social credit code, in plain English; empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("a unified social credit code is required");
        }
        if (code.length() != LENGTH) {
            return Optional.of("a unified social credit code has 18 characters, not " + code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (CHARACTERS.indexOf(c) < 0) {
                return Optional.of(characterProblem(c, i + 1));
            }
        }
        String division = code.substring(2, 8);
        if (!division.chars().allMatch(Character::isDigit) || !isDivisionPrefix(division.substring(0, 2))) {
            return Optional.of("characters 3 to 8 (" + division
                    + ") must be the 6-digit administrative division code of the registering authority");
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Optional.of("the check character is " + code.charAt(LENGTH - 1) + " but must be " + expected
                    + ": the code is mistyped");
        }
        return Optional.empty();
    }

    /**
     * The full code for the first 17 characters, with the check character appended; for making demo data.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the code's character set
     */
    public static String withCheckCharacter(String first17) {
        if (first17 == null
                || first17.length() != LENGTH - 1
                || !first17.chars().allMatch(c -> CHARACTERS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException(
                    "need the first 17 characters of a unified social credit code, got " + first17);
        }
        return first17 + checkCharacter(first17);
    }

    // Weight i is 3^(i-1) mod 31; the check value brings the weighted sum to a multiple of 31.
    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int value = 31 - sum % 31;
        return CHARACTERS.charAt(value == 31 ? 0 : value);
    }

    private static boolean isDivisionPrefix(String twoDigits) {
        return NATIONAL_PREFIX.equals(twoDigits) || Provinces.isProvincePrefix(twoDigits);
    }

    private static String characterProblem(char c, int position) {
        if (Character.isLowerCase(c) && CHARACTERS.indexOf(Character.toUpperCase(c)) >= 0) {
            return "character " + position + " ('" + c + "') must be an upper-case letter";
        }
        return "character " + position + " ('" + c + "') is not allowed: a unified social credit code uses only"
                + " the digits and the upper-case letters A to Y without I, O, Z, S and V";
    }
}
