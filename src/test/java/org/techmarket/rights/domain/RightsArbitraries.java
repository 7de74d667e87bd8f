package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for the rights algebra, drawn from small hierarchies so that overlaps and containments are common. */
final class RightsArbitraries {

    static final LocalDate BASE = LocalDate.of(2026, 3, 1);

    private RightsArbitraries() {
    }

    /** IPC prefixes at every depth along two branches per level, so nesting and disjointness both occur. */
    static Arbitrary<FieldOfUse> fields() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.of("G", "H"),
                Arbitraries.of("06", "04"),
                Arbitraries.of("N", "F"),
                Arbitraries.of("3", "30"),
                Arbitraries.of("00", "04", "08", "084", "0845", "10"))
                .as((depth, section, klass, subclass, mainGroup, subgroup) -> switch (depth) {
                    case 0 -> "*";
                    case 1 -> section;
                    case 2 -> section + klass;
                    case 3 -> section + klass + subclass;
                    case 4 -> section + klass + subclass + " " + mainGroup + "/00";
                    default -> section + klass + subclass + " " + mainGroup + "/" + subgroup;
                })
                .map(FieldOfUse::of);
    }

    static Arbitrary<Territory> territories() {
        return Arbitraries.of("WORLD", "CN", "US", "HK", "440000", "110000", "440100", "440300", "441900", "110100", "110200")
                .map(Territory::new);
    }

    /** Terms within a few weeks of one another, so that touching and overlapping ends are both common. */
    static Arbitrary<Term> shortTerms() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 20))
                .as((offset, days) -> new Term(BASE.plusDays(offset), BASE.plusDays(offset + days)));
    }

    /** Terms in whole months from one month before {@link #BASE}, as licences are usually written. */
    static Arbitrary<Term> monthTerms() {
        return Combinators.combine(Arbitraries.integers().between(-1, 24), Arbitraries.integers().between(1, 36))
                .as((offset, months) -> new Term(BASE.plusMonths(offset), BASE.plusMonths(offset + months)));
    }

    static Arbitrary<Scope> scopes(Arbitrary<Term> terms) {
        Arbitrary<Set<FieldOfUse>> fieldSets = fields().set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<Territory>> territorySets = territories().set().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(fieldSets, territorySets, terms).as(Scope::new);
    }
}
