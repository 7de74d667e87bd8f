package org.techmarket.reference;

/**
 * The left-hand side of one industry mapping rule: an IPC symbol, or a run of subgroups of one main group
 * written {@code H02J 3/28-32}. A subgroup rule also takes the subgroups whose numbers extend it
 * ({@code H04L 9/0852} takes {@code H04L 9/08521}), because the IPC numbers new subdivisions of a subgroup
 * by appending digits; this is a heuristic that {@link IpcCode#contains(IpcCode)} deliberately does not make.
 */
record IpcPattern(String text, IpcCode first, String lastSubgroup) {

    private static final int SUBGROUP_WIDTH = 6;

    static IpcPattern parse(String text) {
        int dash = text.indexOf('-');
        IpcCode first = IpcCode.parse(dash < 0 ? text : text.substring(0, dash));
        String last =
                dash < 0 ? first.subgroupDigits() : text.substring(dash + 1).strip();
        if (dash >= 0
                && (first.level() != IpcCode.Level.SUBGROUP
                        || !last.matches("\\d{2,6}")
                        || padded(last, '9').compareTo(padded(first.subgroupDigits(), '0')) < 0)) {
            throw new IllegalArgumentException("not a run of subgroups: " + text);
        }
        return new IpcPattern(text, first, last);
    }

    boolean matches(IpcCode code) {
        // Every pattern lies within one subclass (or is a section or class), so a code outside it is refused without
        // cutting the code into parts: an asset's suggestions weigh each of its codes against the whole table.
        String own = first.text();
        int subclass = Math.min(4, own.length());
        if (!code.text().regionMatches(0, own, 0, subclass)) {
            return false;
        }
        if (first.level() != IpcCode.Level.SUBGROUP) {
            return first.contains(code);
        }
        if (code.level() != IpcCode.Level.SUBGROUP
                || !code.subclass().equals(first.subclass())
                || !code.mainGroupNumber().equals(first.mainGroupNumber())) {
            return false;
        }
        // Subgroup digits read as decimal fractions: 3/30 sorts after 3/28, and 3/321 between 3/32 and 3/33.
        String subgroup = padded(code.subgroupDigits(), '0');
        return subgroup.compareTo(padded(first.subgroupDigits(), '0')) >= 0
                && subgroup.compareTo(padded(lastSubgroup, '9')) <= 0;
    }

    /** Deeper patterns win over shallower ones that match the same code. */
    int depth() {
        return first.level().ordinal();
    }

    private static String padded(String digits, char filler) {
        StringBuilder padded = new StringBuilder(digits);
        while (padded.length() < SUBGROUP_WIDTH) {
            padded.append(filler);
        }
        return padded.toString();
    }
}
