package org.techmarket.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.techmarket.shared.Rejection;

/**
 * A symbol of the International Patent Classification at any level, from a section ({@code G}) through
 * class ({@code G06}), subclass ({@code G06N}) and main group ({@code G06N 3/00}) to a subgroup
 * ({@code G06N 3/08}), always held in the canonical text {@code G06N 3/08}.
 *
 * <p>Containment follows what the symbol itself tells: a section, class or subclass contains everything
 * below it and a main group {@code n/00} contains every subgroup {@code n/mm}; a subgroup contains only
 * itself, because the dot hierarchy among subgroups is not written in their numbers.
 */
public record IpcCode(String text) {

    /** How deep in the classification a symbol sits. */
    public enum Level {
        SECTION,
        CLASS,
        SUBCLASS,
        MAIN_GROUP,
        SUBGROUP
    }

    private static final Pattern SYMBOL =
            Pattern.compile("([A-Z])(?:(\\d{2})(?:([A-Z])(?:\\s*(\\d{1,4})\\s*/\\s*(\\d{2,6}))?)?)?");
    private static final String[] PART_NAMES = {"section", "class", "subclass", "main group", "subgroup"};
    private static final String[] PART_SHAPES = {"[A-Za-z]", "\\d{2}", "[A-Za-z]", "\\d{1,4}", "\\d{2,6}"};
    private static final String EXPECTED =
            "expected a section (G), class (G06), subclass (G06N), main group (G06N 3/00) or subgroup (G06N 3/08)";

    /** Normalizes any accepted spelling, so that an {@code IpcCode} always holds canonical text. */
    public IpcCode {
        text = canonical(text);
    }

    /** Reads {@code G06N 3/08}, {@code G06N3/08}, {@code g06n  3/08}, {@code G06N} and the like. */
    public static IpcCode parse(String text) {
        return new IpcCode(text);
    }

    /**
     * Builds a symbol from its parts as USPTO grant XML gives them in {@code <classification-ipcr>}
     * (section {@code G}, class {@code 06}, subclass {@code N}, main group {@code 3}, subgroup {@code 08}).
     * Null or blank trailing parts give a coarser symbol; a main group without a subgroup is the main group.
     */
    public static IpcCode of(String section, String ipcClass, String subclass, String mainGroup, String subgroup) {
        String[] parts = {trim(section), trim(ipcClass), trim(subclass), trim(mainGroup), trim(subgroup)};
        int present = 0;
        while (present < parts.length && !parts[present].isEmpty()) {
            present++;
        }
        for (int i = 0; i < present; i++) {
            if (!parts[i].matches(PART_SHAPES[i])) {
                throw invalid("'" + parts[i] + "' is not an IPC " + PART_NAMES[i] + "; " + EXPECTED);
            }
        }
        for (int i = present + 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                throw invalid(
                        "IPC parts give a " + PART_NAMES[i] + " (" + parts[i] + ") but no " + PART_NAMES[present]);
            }
        }
        String symbol = parts[0] + parts[1] + parts[2];
        if (present >= 4) {
            symbol += " " + parts[3] + "/" + (present == 5 ? parts[4] : "00");
        }
        return new IpcCode(symbol);
    }

    /**
     * Reads the fixed-width form of older USPTO grant XML ({@code <classification-ipc>}, IPC edition 7):
     * four characters of subclass, the main group right-aligned in three, then the subgroup, so that
     * {@code H01L 21461} is {@code H01L 21/461} and {@code A45F  504} is {@code A45F 5/04}.
     */
    public static IpcCode parseFixedWidth(String symbol) {
        String s = symbol == null ? "" : symbol.stripTrailing();
        if (s.length() == 4) {
            return new IpcCode(s);
        }
        if (s.length() < 9) {
            throw invalid("'" + s + "' is not a fixed-width IPC symbol such as 'H01L 21461'");
        }
        return new IpcCode(s.substring(0, 4) + " " + s.substring(4, 7).strip() + "/"
                + s.substring(7).strip());
    }

    public Level level() {
        return switch (text.length()) {
            case 1 -> Level.SECTION;
            case 3 -> Level.CLASS;
            case 4 -> Level.SUBCLASS;
            default -> subgroupDigits().equals("00") ? Level.MAIN_GROUP : Level.SUBGROUP;
        };
    }

    /** The section letter, e.g. {@code G}. */
    public String section() {
        return text.substring(0, 1);
    }

    /** The subclass, e.g. {@code G06N}; for a section or class, which has none, the symbol itself. */
    public String subclass() {
        return text.substring(0, Math.min(4, text.length()));
    }

    /** The main group this symbol lies in, e.g. {@code G06N 3/00} for {@code G06N 3/08}; empty above group level. */
    public Optional<IpcCode> mainGroup() {
        if (text.length() <= 4) {
            return Optional.empty();
        }
        return Optional.of(new IpcCode(subclass() + " " + mainGroupNumber() + "/00"));
    }

    /** Whether {@code other} is this symbol or lies below it (see the class comment for subgroups). */
    public boolean contains(IpcCode other) {
        return switch (level()) {
            case SECTION, CLASS, SUBCLASS -> other.text.startsWith(text);
            case MAIN_GROUP ->
                other.level().compareTo(Level.MAIN_GROUP) >= 0
                        && other.subclass().equals(subclass())
                        && other.mainGroupNumber().equals(mainGroupNumber());
            case SUBGROUP -> other.equals(this);
        };
    }

    /** Whether one of the two symbols contains the other. */
    public boolean overlaps(IpcCode other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public String toString() {
        return text;
    }

    /** The main group number without leading zeros, e.g. {@code 3}; empty above group level. */
    String mainGroupNumber() {
        int space = text.indexOf(' ');
        return space < 0 ? "" : text.substring(space + 1, text.indexOf('/'));
    }

    /** The subgroup digits, e.g. {@code 08} or {@code 00} for a main group; empty above group level. */
    String subgroupDigits() {
        int slash = text.indexOf('/');
        return slash < 0 ? "" : text.substring(slash + 1);
    }

    private static String canonical(String raw) {
        // codes read back from the market's own rows are canonical already: they skip the pattern and its copies
        return raw != null && isCanonical(raw) ? raw : canonicalByPattern(raw);
    }

    /** Any accepted spelling made canonical by the symbol's pattern; refuses what is not an IPC code. */
    static String canonicalByPattern(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("an IPC code is required; " + EXPECTED);
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        Matcher m = SYMBOL.matcher(s);
        if (!m.matches()) {
            throw invalid("'" + raw.strip() + "' is not an IPC code; " + EXPECTED);
        }
        if (m.group(1).charAt(0) > 'H') {
            throw invalid("'" + raw.strip() + "' is not an IPC code: the section letter must be A to H");
        }
        StringBuilder canonical = new StringBuilder(m.group(1));
        if (m.group(2) != null) {
            canonical.append(m.group(2));
        }
        if (m.group(3) != null) {
            canonical.append(m.group(3));
        }
        if (m.group(4) != null) {
            String mainGroup = withoutLeadingZeros(m.group(4));
            if (mainGroup.isEmpty()) {
                throw invalid("'" + raw.strip() + "' is not an IPC code: main group 0 does not exist");
            }
            canonical.append(' ').append(mainGroup).append('/').append(trimSubgroup(m.group(5)));
        }
        return canonical.toString();
    }

    /**
     * Whether {@code s} is already what {@link #canonical} makes of it: a section A to H, then optionally two digits
     * of class, a subclass letter, and a main group of one to four digits without leading zeros, a slash and two to six
     * digits of subgroup whose zeros past the second are trimmed.
     */
    static boolean isCanonical(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) < 'A' || s.charAt(0) > 'H') {
            return false;
        }
        if (n == 1) {
            return true;
        }
        if (n < 3 || !digit(s.charAt(1)) || !digit(s.charAt(2))) {
            return false;
        }
        if (n == 3) {
            return true;
        }
        char subclass = s.charAt(3);
        if (subclass < 'A' || subclass > 'Z') {
            return false;
        }
        if (n == 4) {
            return true;
        }
        if (s.charAt(4) != ' ') {
            return false;
        }
        int slash = s.indexOf('/', 5);
        int mainDigits = slash - 5;
        int subDigits = n - slash - 1;
        if (slash < 0 || mainDigits < 1 || mainDigits > 4 || s.charAt(5) == '0' || subDigits < 2 || subDigits > 6) {
            return false;
        }
        for (int i = 5; i < n; i++) {
            if (i != slash && !digit(s.charAt(i))) {
                return false;
            }
        }
        return subDigits == 2 || s.charAt(n - 1) != '0';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    // WIPO ST.8 pads subgroups with zeros to six digits; 3/080000 and 3/08 are the same subgroup.
    private static String trimSubgroup(String digits) {
        int end = digits.length();
        while (end > 2 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    private static String trim(String part) {
        return part == null ? "" : part.strip();
    }

    private static Rejection invalid(String message) {
        return Rejection.invalid(ReferenceCodes.INVALID_IPC, "ipc", message);
    }
}
