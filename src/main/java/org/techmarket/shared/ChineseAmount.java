package org.techmarket.shared;

/**
 * Writes an amount of yuan in the capital numerals Chinese contracts and cheques require beside the figures
 * (大写金额), so that a figure altered later no longer matches its words: 125000000 fen →
 * 壹佰贰拾伍万元整; 100005 fen → 壹仟元零伍分.
 */
public final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final int[] POWERS = {1, 10, 100, 1000};
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseAmount() {}

    public static String inWords(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("no capital numerals for a negative amount");
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return yuan == 0 ? "零元整" : out.append('整').toString();
        }
        // The payment rules allow a zero in the yuan place before jiao to be written or left out; it is left out
        // (…玖拾元壹角), and written only where jiao itself is zero (壹元零伍分), where it cannot be left out.
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        // Rules for writing amounts: "整" closes an amount that stops at yuan or jiao, never one with fen.
        return cents > 0
                ? out.append(DIGITS.charAt(cents)).append('分').toString()
                : out.append('整').toString();
    }

    /** A positive whole number: groups of four digits under 万 and 亿, 亿 nesting for larger numbers. */
    private static String integer(long n) {
        if (n >= YI) {
            return scaled(n / YI, "亿", n % YI, YI / 10);
        }
        if (n >= WAN) {
            return scaled(n / WAN, "万", n % WAN, WAN / 10);
        }
        return group((int) n);
    }

    private static String scaled(long high, String unit, long low, long fullWidth) {
        String head = integer(high) + unit;
        if (low == 0) {
            return head;
        }
        // A lower part with a leading zero digit is read with 零: 壹亿零伍万, 壹万零伍.
        return head + (low < fullWidth ? "零" : "") + integer(low);
    }

    private static String group(int n) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int place = 3; place >= 0; place--) {
            int digit = n / POWERS[place] % 10;
            if (digit == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (zeroPending) {
                out.append('零');
                zeroPending = false;
            }
            out.append(DIGITS.charAt(digit)).append(PLACES[place]);
        }
        return out.toString();
    }
}
