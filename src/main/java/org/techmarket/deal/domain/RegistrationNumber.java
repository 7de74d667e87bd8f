package org.techmarket.deal.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.techmarket.shared.Rejection;

/**
 * The number a venue gives a registered technology contract: the year of registration, the venue's GB/T 2260
 * region code and a serial within that venue and year, zero-padded to six digits — {@code 2026-440300-000123}.
 * Fixed widths make the text sort in the order of registration within a venue.
 */
public record RegistrationNumber(int year, String regionCode, int serial) {

    public static final int MAX_SERIAL = 999_999;
    private static final Pattern TEXT = Pattern.compile("(\\d{4})-(\\d{6})-(\\d{6})");

    public RegistrationNumber {
        if (year < 2000 || year > 9999) {
            throw invalid("the year must have four digits from 2000");
        }
        if (!RegionCode.isWellFormed(regionCode)) {
            throw invalid("'" + regionCode + "' is not a six-digit GB/T 2260 region code such as 440300");
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw invalid("the serial runs from 1 to " + MAX_SERIAL + " within a venue and year");
        }
    }

    public static RegistrationNumber parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw invalid("'" + text + "' is not a registration number such as 2026-440300-000123");
        }
        return new RegistrationNumber(
                Integer.parseInt(matcher.group(1)), matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    /** The number as printed on the registration record. */
    public String text() {
        String digits = Integer.toString(serial);
        return year + "-" + regionCode + "-" + "0".repeat(6 - digits.length()) + digits;
    }

    @Override
    public String toString() {
        return text();
    }

    private static Rejection invalid(String message) {
        return Rejection.invalid(DealCodes.INVALID_REGISTRATION_NUMBER, "registrationNumber", message);
    }
}
