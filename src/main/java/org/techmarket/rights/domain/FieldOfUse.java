package org.techmarket.rights.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * A field of use named by an IPC prefix ({@code G}, {@code G06}, {@code G06N}, {@code G06N 3/00},
 * {@code G06N 3/08}) or {@code *} for all fields; held in the normal form {@code G06N 3/08}.
 *
 * <p>Fields form a tree: {@code *} ⊇ section ⊇ class ⊇ subclass ⊇ main group {@code n/00} ⊇ its subgroups
 * {@code n/xx}. Among subgroups a longer number extends a shorter one ({@code 3/08} ⊇ {@code 3/084}),
 * because that is how IPC numbers the subgroups it inserts beneath another; where IPC placed such a
 * subgroup as a sibling instead, this sees more overlap than there is, which errs towards refusing a
 * second exclusive licence rather than granting it twice. Because the fields form a tree, two of them
 * intersect exactly when one contains the other.
 */
public record FieldOfUse(String code) {

    /** Every field of use. */
    public static final FieldOfUse ALL = new FieldOfUse("*");

    private static final String ALL_CODE = "*";
    private static final Pattern IPC = Pattern.compile("([A-H])(?:(\\d{2})(?:([A-Z])(?:(\\d{1,4})/(\\d{2,6}))?)?)?");
    private static final String MAIN_GROUP_SUFFIX = "/00";

    /** Accepts any spelling of an IPC prefix ({@code g06n3/08}, {@code G06N  3/080}) and keeps the normal form. */
    public FieldOfUse {
        code = normalise(code);
    }

    /** Parses a field of use from user input. */
    public static FieldOfUse of(String raw) {
        return new FieldOfUse(raw);
    }

    public boolean isAll() {
        return ALL_CODE.equals(code);
    }

    /** Whether every technology in {@code other} is also in this field. Reflexive. */
    public boolean contains(FieldOfUse other) {
        return contains(code, other.code);
    }

    /** {@link #contains(FieldOfUse)} over two codes already in normal form, as a scope holds them. */
    static boolean contains(String code, String other) {
        if (ALL_CODE.equals(code)) {
            return true;
        }
        if (code.endsWith(MAIN_GROUP_SUFFIX)) {
            // "G06N 3/00" is the parent of every "G06N 3/xx": compare up to and including the slash.
            int prefixLength = code.length() - 2;
            return other.length() >= prefixLength && other.regionMatches(0, code, 0, prefixLength);
        }
        // Section, class and subclass have fixed widths and a subgroup's digits extend its parent's,
        // so a plain prefix is the tree relation; "*" starts with no IPC letter, so it is never inside.
        return other.startsWith(code);
    }

    /** Whether some technology lies in both fields; in a tree that means one contains the other. Symmetric. */
    public boolean intersects(FieldOfUse other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public String toString() {
        return code;
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw invalid("a field of use is required");
        }
        String compact = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (ALL_CODE.equals(compact)) {
            return ALL_CODE;
        }
        Matcher m = IPC.matcher(compact);
        if (!m.matches()) {
            throw invalid("'" + raw + "' is not an IPC prefix such as G06N or G06N 3/08, nor * for all fields");
        }
        if (m.group(4) == null) {
            return compact;
        }
        int mainGroup = Integer.parseInt(m.group(4));
        if (mainGroup == 0) {
            throw invalid("'" + raw + "' has main group 0, which IPC does not use");
        }
        return m.group(1) + m.group(2) + m.group(3) + " " + mainGroup + "/" + trimSubgroup(m.group(5));
    }

    /** "080" and "08" are the same subgroup (IPC subgroup numbers read as decimals), and the first two digits stay. */
    private static String trimSubgroup(String digits) {
        int end = digits.length();
        while (end > 2 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    private static Rejection invalid(String message) {
        return Rejection.invalid(RightsCodes.INVALID_FIELD_OF_USE, "scope.fields", message);
    }
}
