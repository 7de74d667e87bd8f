package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The scope algebra against its definitions: symmetry, reflexivity, the hierarchies and an independent oracle. */
class ScopeAlgebraProperties {

    @Provide
    Arbitrary<FieldOfUse> fields() {
        return RightsArbitraries.fields();
    }

    @Provide
    Arbitrary<Territory> territories() {
        return RightsArbitraries.territories();
    }

    @Provide
    Arbitrary<Term> terms() {
        return RightsArbitraries.shortTerms();
    }

    @Provide
    Arbitrary<Scope> scopes() {
        return RightsArbitraries.scopes(RightsArbitraries.shortTerms());
    }

    // --- overlap is symmetric ---

    @Property
    void field_intersection_is_symmetric(@ForAll("fields") FieldOfUse a, @ForAll("fields") FieldOfUse b) {
        assertThat(a.intersects(b)).isEqualTo(b.intersects(a));
    }

    @Property
    void territory_intersection_is_symmetric(@ForAll("territories") Territory a, @ForAll("territories") Territory b) {
        assertThat(a.intersects(b)).isEqualTo(b.intersects(a));
    }

    @Property
    void term_overlap_is_symmetric(@ForAll("terms") Term a, @ForAll("terms") Term b) {
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    }

    @Property
    void scope_overlap_is_symmetric(@ForAll("scopes") Scope a, @ForAll("scopes") Scope b) {
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    }

    // --- containment is consistent with overlap ---

    @Property
    void containment_is_reflexive(@ForAll("fields") FieldOfUse f, @ForAll("territories") Territory t,
            @ForAll("scopes") Scope s) {
        assertThat(f.contains(f)).isTrue();
        assertThat(t.contains(t)).isTrue();
        assertThat(s.term().contains(s.term())).isTrue();
        assertThat(s.contains(s)).isTrue();
        assertThat(s.overlaps(s)).isTrue();
    }

    @Property
    void containment_implies_overlap(@ForAll("scopes") Scope a, @ForAll("scopes") Scope b) {
        if (a.contains(b)) {
            assertThat(a.overlaps(b)).isTrue();
        }
    }

    @Property
    void what_overlaps_the_contained_overlaps_the_container(@ForAll("scopes") Scope a, @ForAll("scopes") Scope b,
            @ForAll("scopes") Scope c) {
        if (a.contains(b) && b.overlaps(c)) {
            assertThat(a.overlaps(c)).isTrue();
        }
    }

    @Property
    void field_and_territory_containment_is_a_partial_order(@ForAll("fields") FieldOfUse a, @ForAll("fields") FieldOfUse b,
            @ForAll("fields") FieldOfUse c, @ForAll("territories") Territory x, @ForAll("territories") Territory y,
            @ForAll("territories") Territory z) {
        if (a.contains(b) && b.contains(c)) {
            assertThat(a.contains(c)).isTrue();
        }
        if (a.contains(b) && b.contains(a)) {
            assertThat(a).isEqualTo(b);
        }
        if (x.contains(y) && y.contains(z)) {
            assertThat(x.contains(z)).isTrue();
        }
        if (x.contains(y) && y.contains(x)) {
            assertThat(x).isEqualTo(y);
        }
    }

    // --- the hierarchies, checked against an independent model ---

    @Property
    void field_containment_is_the_ipc_path_prefix(@ForAll("fields") FieldOfUse a, @ForAll("fields") FieldOfUse b) {
        assertThat(a.contains(b)).isEqualTo(isPrefix(ipcPath(a.code()), ipcPath(b.code())));
    }

    @Property
    void territory_containment_is_the_region_path_prefix(@ForAll("territories") Territory a,
            @ForAll("territories") Territory b) {
        assertThat(a.contains(b)).isEqualTo(isPrefix(regionPath(a.code()), regionPath(b.code())));
    }

    @Property
    void term_overlap_and_containment_agree_with_the_days_they_hold(@ForAll("terms") Term a, @ForAll("terms") Term b) {
        List<LocalDate> daysOfA = a.start().datesUntil(a.end()).toList();
        List<LocalDate> daysOfB = b.start().datesUntil(b.end()).toList();
        assertThat(a.overlaps(b)).isEqualTo(daysOfA.stream().anyMatch(daysOfB::contains));
        assertThat(a.contains(b)).isEqualTo(daysOfA.containsAll(daysOfB));
    }

    @Property
    void normal_forms_are_stable_whatever_the_spelling(@ForAll("fields") FieldOfUse f) {
        assertThat(FieldOfUse.of(f.code())).isEqualTo(f);
        assertThat(FieldOfUse.of(f.code().replace(" ", "").toLowerCase(Locale.ROOT))).isEqualTo(f);
    }

    /** "G06N 3/084" is G, 06, N, 3, 08, 4: a main group is the parent of its subgroups, each digit one level deeper. */
    private static List<String> ipcPath(String code) {
        List<String> path = new ArrayList<>();
        if (code.equals("*")) {
            return path;
        }
        path.add(code.substring(0, 1));
        if (code.length() >= 3) {
            path.add(code.substring(1, 3));
        }
        if (code.length() >= 4) {
            path.add(code.substring(3, 4));
        }
        if (code.contains("/")) {
            String group = code.substring(5);
            path.add(group.substring(0, group.indexOf('/')));
            String subgroup = group.substring(group.indexOf('/') + 1);
            if (!subgroup.equals("00")) {
                path.add(subgroup.substring(0, 2));
                subgroup.substring(2).chars().forEach(digit -> path.add(String.valueOf((char) digit)));
            }
        }
        return path;
    }

    /** WORLD is the root; 440300 is CN, 44, 03. */
    private static List<String> regionPath(String code) {
        List<String> path = new ArrayList<>();
        if (code.equals("WORLD")) {
            return path;
        }
        if (code.length() == 2) {
            path.add(code);
            return path;
        }
        path.add("CN");
        path.add(code.substring(0, 2));
        if (!code.substring(2, 4).equals("00")) {
            path.add(code.substring(2, 4));
        }
        return path;
    }

    private static boolean isPrefix(List<String> prefix, List<String> path) {
        return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
