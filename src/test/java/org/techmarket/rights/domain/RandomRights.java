package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.techmarket.rights.GrantScope;

/** Random values of the rights algebra, drawn from small hierarchies so that overlaps and containments are common. */
final class RandomRights {

    static final LocalDate BASE = LocalDate.of(2026, 3, 1);

    private static final List<String> TERRITORIES =
            List.of("WORLD", "CN", "US", "HK", "440000", "110000", "440100", "440300", "441900", "110100", "110200");

    private RandomRights() {}

    /** IPC prefixes at every depth along two branches per level, so nesting and disjointness both occur. */
    static FieldOfUse field(Random r) {
        String section = oneOf(r, "G", "H");
        String klass = oneOf(r, "06", "04");
        String subclass = oneOf(r, "N", "F");
        String group = oneOf(r, "3", "30");
        String code = switch (r.nextInt(6)) {
            case 0 -> "*";
            case 1 -> section;
            case 2 -> section + klass;
            case 3 -> section + klass + subclass;
            case 4 -> section + klass + subclass + " " + group + "/00";
            default -> section + klass + subclass + " " + group + "/" + oneOf(r, "00", "04", "08", "084", "0845", "10");
        };
        return FieldOfUse.of(code);
    }

    static Territory territory(Random r) {
        return new Territory(TERRITORIES.get(r.nextInt(TERRITORIES.size())));
    }

    /** Terms within a few weeks of one another, so that touching and overlapping ends are both common. */
    static Term shortTerm(Random r) {
        int offset = r.nextInt(41);
        return new Term(BASE.plusDays(offset), BASE.plusDays(offset + 1 + r.nextInt(20)));
    }

    /** Terms in whole months from one month before {@link #BASE}, as licences are usually written. */
    static Term monthTerm(Random r) {
        int offset = r.nextInt(26) - 1;
        return new Term(BASE.plusMonths(offset), BASE.plusMonths(offset + 1 + r.nextInt(36)));
    }

    static GrantScope scope(Random r, Function<Random, Term> terms) {
        return Scopes.of(setOf(r, () -> field(r)), setOf(r, () -> territory(r)), terms.apply(r));
    }

    static boolean coin(Random r) {
        return r.nextBoolean();
    }

    @SafeVarargs
    static <T> T oneOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    /** One to three values. */
    private static <T> Set<T> setOf(Random r, Supplier<T> value) {
        Set<T> values = new LinkedHashSet<>();
        int size = 1 + r.nextInt(3);
        for (int i = 0; i < size; i++) {
            values.add(value.get());
        }
        return values;
    }
}
