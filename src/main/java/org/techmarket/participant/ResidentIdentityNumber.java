package org.techmarket.participant;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen identification number on a PRC resident identity card (GB 11643-1999): the address code
 * of the holder's registered residence (6 digits, GB/T 2260), the date of birth (8 digits, YYYYMMDD), a sequence code
 * (3 digits) and a check character (0-9 or X) computed with ISO 7064 MOD 11-2. It is personal information: outside
 * the contract that names its holder it is shown {@linkplain #masked(String) masked}.
 */
public final class ResidentIdentityNumber {

    private static final int LENGTH = 18;
    private static final int FIRST_GENERATION_LENGTH = 15;
    private static final int VISIBLE = 4;
    private static final String CHECK_CHARACTERS = "0123456789X";
    // Weight of digit i (from the left, 0-based) is 2^(17-i) mod 11, its place counted from the check character.
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private ResidentIdentityNumber() {}

    /**
     * Why the number is not a well-formed citizen identification number, in plain English; empty when it is. The
     * date of birth must exist in the calendar; whether it has come yet is {@link #problem(String, LocalDate)}'s.
     */
    public static Optional<String> problem(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.of("a resident identity number is required");
        }
        if (number.length() == FIRST_GENERATION_LENGTH && number.chars().allMatch(ResidentIdentityNumber::isDigit)) {
            return Optional.of("15-digit first-generation identity numbers are no longer valid; give the 18-character"
                    + " number of the current card");
        }
        if (number.length() != LENGTH) {
            return Optional.of("a resident identity number has 18 characters, not " + number.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isDigit(number.charAt(i))) {
                return Optional.of("character " + (i + 1) + " must be a digit: only the last may be X");
            }
        }
        char check = number.charAt(LENGTH - 1);
        if (check == 'x') {
            return Optional.of("the check character must be an upper-case X");
        }
        if (CHECK_CHARACTERS.indexOf(check) < 0) {
            return Optional.of("the last character must be a digit or X");
        }
        if (!Provinces.isProvincePrefix(number.substring(0, 2))) {
            return Optional.of("the first six digits must be the GB/T 2260 address code of a province's division");
        }
        if (birthDate(number).isEmpty()) {
            return Optional.of("digits 7 to 14 must be a date of birth that exists, written YYYYMMDD");
        }
        char expected = checkCharacter(number.substring(0, LENGTH - 1));
        if (check != expected) {
            return Optional.of(
                    "the check character is " + check + " but must be " + expected + ": the number is mistyped");
        }
        return Optional.empty();
    }

    /** As {@link #problem(String)}, and the holder must have been born by {@code today}. */
    public static Optional<String> problem(String number, LocalDate today) {
        Optional<String> problem = problem(number);
        if (problem.isPresent()) {
            return problem;
        }
        if (birthDate(number).orElseThrow().isAfter(today)) {
            return Optional.of("the date of birth in digits 7 to 14 is in the future");
        }
        return Optional.empty();
    }

    /** The number as it may be shown: every character but the last four replaced by {@code *}. */
    public static String masked(String number) {
        if (number.length() <= VISIBLE) {
            return "*".repeat(number.length());
        }
        return "*".repeat(number.length() - VISIBLE) + number.substring(number.length() - VISIBLE);
    }

    /**
     * The full number for the first 17 digits, with the check character appended; for making demo and test data.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 digits
     */
    public static String withCheckCharacter(String first17) {
        if (first17 == null
                || first17.length() != LENGTH - 1
                || !first17.chars().allMatch(ResidentIdentityNumber::isDigit)) {
            throw new IllegalArgumentException(
                    "need the first 17 digits of a resident identity number, got " + first17);
        }
        return first17 + checkCharacter(first17);
    }

    // ISO 7064 MOD 11-2: the check value makes the weighted sum of all 18 characters 1 modulo 11 (X stands for 10).
    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt((12 - sum % 11) % 11);
    }

    private static Optional<LocalDate> birthDate(String number) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
