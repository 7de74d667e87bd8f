package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.PropertyCheck.forAll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;

/** The scope algebra against its definitions: symmetry, reflexivity, the hierarchies and an independent oracle. */
class ScopeAlgebraProperties {

    private static final int TRIES = 2000;

    /** Three values drawn alike. */
    record Three<T>(T a, T b, T c) {
        static <T> Function<Random, Three<T>> of(Function<Random, T> draw) {
            return r -> new Three<>(draw.apply(r), draw.apply(r), draw.apply(r));
        }
    }

    private static GrantScope shortScope(Random r) {
        return RandomRights.scope(r, RandomRights::shortTerm);
    }

    // --- overlap is symmetric ---

    @Test
    void field_intersection_is_symmetric() {
        forAll(
                TRIES,
                Three.of(RandomRights::field),
                f -> assertThat(f.a().intersects(f.b())).isEqualTo(f.b().intersects(f.a())));
    }

    @Test
    void territory_intersection_is_symmetric() {
        forAll(
                TRIES,
                Three.of(RandomRights::territory),
                t -> assertThat(t.a().intersects(t.b())).isEqualTo(t.b().intersects(t.a())));
    }

    @Test
    void term_overlap_is_symmetric() {
        forAll(
                TRIES,
                Three.of(RandomRights::shortTerm),
                t -> assertThat(t.a().overlaps(t.b())).isEqualTo(t.b().overlaps(t.a())));
    }

    @Test
    void scope_overlap_is_symmetric() {
        forAll(
                TRIES,
                Three.of(ScopeAlgebraProperties::shortScope),
                s -> assertThat(Scopes.overlaps(s.a(), s.b())).isEqualTo(Scopes.overlaps(s.b(), s.a())));
    }

    // --- containment is consistent with overlap ---

    @Test
    void containment_is_reflexive() {
        forAll(TRIES, ScopeAlgebraProperties::shortScope, s -> {
            s.fields()
                    .forEach(f -> assertThat(FieldOfUse.of(f).contains(FieldOfUse.of(f)))
                            .isTrue());
            s.territories()
                    .forEach(t -> assertThat(new Territory(t).contains(new Territory(t)))
                            .isTrue());
            assertThat(Scopes.term(s).contains(Scopes.term(s))).isTrue();
            assertThat(Scopes.contains(s, s)).isTrue();
            assertThat(Scopes.overlaps(s, s)).isTrue();
        });
    }

    @Test
    void containment_implies_overlap() {
        forAll(TRIES * 5, Three.of(ScopeAlgebraProperties::shortScope), s -> {
            if (Scopes.contains(s.a(), s.b())) {
                assertThat(Scopes.overlaps(s.a(), s.b())).isTrue();
            }
        });
    }

    @Test
    void what_overlaps_the_contained_overlaps_the_container() {
        forAll(TRIES * 5, Three.of(ScopeAlgebraProperties::shortScope), s -> {
            if (Scopes.contains(s.a(), s.b()) && Scopes.overlaps(s.b(), s.c())) {
                assertThat(Scopes.overlaps(s.a(), s.c())).isTrue();
            }
        });
    }

    @Test
    void containment_of_fields_and_territories_is_a_partial_order() {
        forAll(TRIES * 5, Three.of(RandomRights::field), f -> {
            if (f.a().contains(f.b()) && f.b().contains(f.c())) {
                assertThat(f.a().contains(f.c())).isTrue();
            }
            if (f.a().contains(f.b()) && f.b().contains(f.a())) {
                assertThat(f.a()).isEqualTo(f.b());
            }
        });
        forAll(TRIES * 5, Three.of(RandomRights::territory), t -> {
            if (t.a().contains(t.b()) && t.b().contains(t.c())) {
                assertThat(t.a().contains(t.c())).isTrue();
            }
            if (t.a().contains(t.b()) && t.b().contains(t.a())) {
                assertThat(t.a()).isEqualTo(t.b());
            }
        });
    }

    // --- the hierarchies, checked against an independent model ---

    @Test
    void field_containment_is_the_ipc_path_prefix() {
        forAll(
                TRIES,
                Three.of(RandomRights::field),
                f -> assertThat(f.a().contains(f.b()))
                        .isEqualTo(isPrefix(ipcPath(f.a().code()), ipcPath(f.b().code()))));
    }

    @Test
    void territory_containment_is_the_region_path_prefix() {
        forAll(
                TRIES,
                Three.of(RandomRights::territory),
                t -> assertThat(t.a().contains(t.b()))
                        .isEqualTo(isPrefix(regionPath(t.a().code()), regionPath(t.b().code()))));
    }

    @Test
    void term_overlap_and_containment_agree_with_the_days_they_hold() {
        forAll(TRIES, Three.of(RandomRights::shortTerm), t -> {
            List<LocalDate> daysOfA = t.a().start().datesUntil(t.a().end()).toList();
            List<LocalDate> daysOfB = t.b().start().datesUntil(t.b().end()).toList();
            assertThat(t.a().overlaps(t.b())).isEqualTo(daysOfA.stream().anyMatch(daysOfB::contains));
            assertThat(t.a().contains(t.b())).isEqualTo(daysOfA.containsAll(daysOfB));
        });
    }

    @Test
    void normal_forms_are_stable_whatever_the_spelling() {
        forAll(TRIES, RandomRights::field, f -> {
            assertThat(FieldOfUse.of(f.code())).isEqualTo(f);
            assertThat(FieldOfUse.of(f.code().replace(" ", "").toLowerCase(Locale.ROOT)))
                    .isEqualTo(f);
        });
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
