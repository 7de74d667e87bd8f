package org.techmarket.asset.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** One owner's share of an asset, in hundredths of a percent so that shares add up exactly. */
public record OwnerShare(String organizationId, int hundredths) {

    /** The whole asset: 100.00 percent. */
    public static final int WHOLE = 10_000;

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

    /** Parses a decimal percent string with at most two decimals, e.g. "33.34"; empty when malformed. */
    public static Optional<Integer> parsePercent(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text).movePointRight(2);
        return Optional.of(value.intValueExact());
    }

    public String percent() {
        return BigDecimal.valueOf(hundredths, 2).toPlainString();
    }
}
