package org.techmarket.deal.domain;

/**
 * Formats minor units as decimal text by integer arithmetic only, so that output never depends on the JVM's
 * locale or on floating point.
 */
final class Amounts {

    private Amounts() {
    }

    /** {@code 125000000} → {@code 1250000.00}, the form JSON carries. */
    static String plain(long fen) {
        return sign(fen) + (Math.abs(fen / 100)) + "." + cents(fen);
    }

    /** {@code 125000000} → {@code 1,250,000.00}. */
    static String grouped(long fen) {
        String units = Long.toString(Math.abs(fen / 100));
        StringBuilder out = new StringBuilder();
        int lead = units.length() % 3 == 0 ? 3 : units.length() % 3;
        out.append(units, 0, lead);
        for (int i = lead; i < units.length(); i += 3) {
            out.append(',').append(units, i, i + 3);
        }
        return sign(fen) + out + "." + cents(fen);
    }

    /** {@code 125} basis points → {@code 1.25%}. */
    static String percent(int basisPoints) {
        int hundredths = basisPoints % 100;
        return basisPoints / 100 + "." + (hundredths < 10 ? "0" : "") + hundredths + "%";
    }

    private static String sign(long fen) {
        return fen < 0 ? "-" : "";
    }

    private static String cents(long fen) {
        long cents = Math.abs(fen % 100);
        return cents < 10 ? "0" + cents : Long.toString(cents);
    }
}
