package org.techmarket.asset.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.techmarket.asset.AssetCodes;
import org.techmarket.shared.Rejection;

/**
 * A Chinese patent application number (CNIPA) or a US patent number (USPTO) in one normalized text:
 * {@code CN201510958772.0} (twelve digits, a dot, the check digit), or {@code US7654321}, {@code USD512345},
 * {@code USRE43210}, {@code USPP12345}, {@code USH2140}. A Chinese number is only accepted with its right check
 * digit; US numbers carry none, and kind codes such as {@code B2} are dropped because they name a publication,
 * not the patent.
 */
public record PatentNumber(String country, String text) {

    /** What the number says about the kind of right. */
    public enum Type {
        /** A Chinese invention patent, or a US utility patent. */
        INVENTION,
        UTILITY_MODEL,
        DESIGN,
        /** A PCT application for an invention that entered the Chinese national phase. */
        PCT_INVENTION,
        /** A PCT application for a utility model that entered the Chinese national phase. */
        PCT_UTILITY_MODEL,
        PLANT,
        REISSUE,
        STATUTORY_INVENTION_REGISTRATION
    }

    private static final int[] CN_WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    private static final int FIRST_TWELVE_DIGIT_YEAR = 2003;
    private static final Pattern CN = Pattern.compile("(?:ZL|CN)?(\\d{12})\\.?([0-9X])");
    private static final Pattern US = Pattern.compile("(?:US)?(D|RE|PP|H)?(\\d{1,8})(?:[ABEHPS]\\d?)?");
    private static final String EXPECTED = "expected a Chinese application number such as ZL201510958772.0 or"
            + " CN2015109587720, or a US patent number such as US 7,654,321 B2, D512,345, RE43,210 or PP12,345";

    /** Holds only normalized numbers, so that a stored or deserialized value is as good as a parsed one. */
    public PatentNumber {
        Objects.requireNonNull(country, "country");
        String normalized = normalize(text);
        if (!normalized.equals(text) || !normalized.startsWith(country)) {
            throw new IllegalArgumentException(country + " " + text + " is not a normalized patent number; use parse");
        }
    }

    /** Reads the usual spellings of a Chinese application number or a US patent number. */
    public static PatentNumber parse(String text) {
        String normalized = normalize(text);
        return new PatentNumber(normalized.substring(0, 2), normalized);
    }

    /**
     * The CNIPA check digit of a twelve-digit application number: the digits weighted 2–9, 2–5, summed,
     * modulo 11, with 10 written X.
     */
    public static String checkDigit(String twelveDigits) {
        if (twelveDigits == null || !twelveDigits.matches("\\d{12}")) {
            throw new IllegalArgumentException(
                    "need the twelve digits of a Chinese application number, got " + twelveDigits);
        }
        int sum = 0;
        for (int i = 0; i < CN_WEIGHTS.length; i++) {
            sum += (twelveDigits.charAt(i) - '0') * CN_WEIGHTS[i];
        }
        int check = sum % 11;
        return check == 10 ? "X" : Integer.toString(check);
    }

    public Type type() {
        if (country.equals("CN")) {
            return switch (text.charAt(6)) {
                case '1' -> Type.INVENTION;
                case '2' -> Type.UTILITY_MODEL;
                case '3' -> Type.DESIGN;
                case '8' -> Type.PCT_INVENTION;
                default -> Type.PCT_UTILITY_MODEL;
            };
        }
        String series = text.substring(2);
        if (series.startsWith("RE")) {
            return Type.REISSUE;
        }
        if (series.startsWith("PP")) {
            return Type.PLANT;
        }
        if (series.startsWith("D")) {
            return Type.DESIGN;
        }
        return series.startsWith("H") ? Type.STATUTORY_INVENTION_REGISTRATION : Type.INVENTION;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("a patent number is required; " + EXPECTED);
        }
        String compact = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s,]", "");
        if (compact.startsWith("ZL") || compact.startsWith("CN") || compact.matches("\\d{12}\\.?[0-9X]")) {
            return chinese(raw.strip(), compact);
        }
        Matcher us = US.matcher(compact);
        if (!us.matches()) {
            throw invalid("'" + raw.strip() + "' is not a patent number; " + EXPECTED);
        }
        String digits = us.group(2).replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            throw invalid("'" + raw.strip() + "' is not a patent number: US patent numbers start at 1");
        }
        return "US" + (us.group(1) == null ? "" : us.group(1)) + digits;
    }

    private static String chinese(String raw, String compact) {
        Matcher cn = CN.matcher(compact);
        if (!cn.matches()) {
            throw invalid("'" + raw + "' is not a Chinese application number: expected ZL or CN, 12 digits"
                    + " and a check digit, such as ZL201510958772.0");
        }
        String digits = cn.group(1);
        if (Integer.parseInt(digits.substring(0, 4)) < FIRST_TWELVE_DIGIT_YEAR) {
            throw invalid("'" + raw + "' is not a Chinese application number: twelve-digit numbers began in"
                    + " October 2003 (older eight-digit numbers are not supported)");
        }
        if ("12389".indexOf(digits.charAt(4)) < 0) {
            throw invalid("'" + raw + "' is not a Chinese application number: the fifth digit (" + digits.charAt(4)
                    + ") must be the type: 1 invention, 2 utility model, 3 design, 8 or 9 PCT national phase");
        }
        String check = checkDigit(digits);
        if (!check.equals(cn.group(2))) {
            throw invalid("'" + raw + "' has check digit " + cn.group(2) + " but " + digits + " needs " + check
                    + ": the number is mistyped");
        }
        return "CN" + digits + "." + check;
    }

    private static Rejection invalid(String message) {
        return Rejection.invalid(AssetCodes.INVALID_PATENT_NUMBER, "patentNumber", message);
    }
}
