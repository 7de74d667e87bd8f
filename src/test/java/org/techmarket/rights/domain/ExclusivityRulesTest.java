package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.Fixtures.asset;
import static org.techmarket.rights.domain.Fixtures.check;
import static org.techmarket.rights.domain.Fixtures.draft;
import static org.techmarket.rights.domain.Fixtures.scope;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rules 1 and 2: exclusive and sole licences keep their scope to themselves. */
class ExclusivityRulesTest {

    private final Grant exclusiveAiInCn =
            draft(GrantType.EXCLUSIVE_LICENCE).to("org-a").over("G06N", "CN").grant("ex-1");

    @ParameterizedTest
    @EnumSource(
            value = GrantType.class,
            names = {"EXCLUSIVE_LICENCE", "SOLE_LICENCE", "NON_EXCLUSIVE_LICENCE", "OPEN_LICENCE"})
    void rule1_an_exclusive_licence_conflicts_with_any_overlapping_licence(GrantType existingType) {
        Grant existing =
                draft(existingType).to("org-a").over("G06N 3/08", "440300").grant("g-1");

        CheckResult result = check(
                asset(),
                List.of(existing),
                draft(GrantType.EXCLUSIVE_LICENCE).to("org-b").over("G06", "CN"));

        assertThat(result.grantable()).isFalse();
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.grantId()).contains("g-1");
            assertThat(c.grantType()).contains(existingType);
            assertThat(c.reason()).isEqualTo(ConflictReason.EXCLUSIVE_OVERLAP);
        });
    }

    @Test
    void rule1_a_sole_licence_is_as_exclusive_as_an_exclusive_one() {
        CheckResult result = check(
                asset(), List.of(exclusiveAiInCn), draft(GrantType.SOLE_LICENCE).over("G06N", "440000"));

        assertThat(result.conflicts()).extracting(Conflict::reason).containsExactly(ConflictReason.EXCLUSIVE_OVERLAP);
    }

    @Test
    void rule1_an_exclusive_licence_beside_licences_in_other_fields_places_or_times_is_grantable() {
        List<Grant> grants = List.of(
                draft(GrantType.NON_EXCLUSIVE_LICENCE).over("G06F", "CN").grant("other-field"),
                draft(GrantType.EXCLUSIVE_LICENCE).over("G06N", "US").grant("other-country"),
                draft(GrantType.NON_EXCLUSIVE_LICENCE)
                        .over(scope("G06N", "CN", "2032-01-01", "2035-01-01"))
                        .grant("later"),
                draft(GrantType.OPEN_LICENCE).over("G06N 3/00", "110000").grant("other-province"));

        CheckResult result = check(
                asset(),
                grants,
                draft(GrantType.EXCLUSIVE_LICENCE).over(scope("G06N", "440000", "2027-01-01", "2032-01-01")));

        assertThat(result.grantable()).isTrue();
        assertThat(result.conflicts()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = GrantType.class,
            names = {"NON_EXCLUSIVE_LICENCE", "OPEN_LICENCE"})
    void rule2_a_non_exclusive_or_open_licence_conflicts_with_an_overlapping_exclusive_one(GrantType type) {
        CheckResult result =
                check(asset(), List.of(exclusiveAiInCn), draft(type).to("org-b").over("G06N 3/08", "440300"));

        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.grantId()).contains("ex-1");
            assertThat(c.reason()).isEqualTo(ConflictReason.OVERLAPS_EXCLUSIVE);
        });
    }

    @Test
    void rule2_non_exclusive_licences_coexist_with_each_other() {
        List<Grant> grants = List.of(
                draft(GrantType.NON_EXCLUSIVE_LICENCE).to("org-a").grant("n-1"),
                draft(GrantType.OPEN_LICENCE).to("org-b").grant("o-1"));

        assertThat(check(asset(), grants, draft(GrantType.NON_EXCLUSIVE_LICENCE).to("org-c"))
                        .grantable())
                .isTrue();
    }

    @Test
    void rule2_a_non_exclusive_licence_outside_the_exclusive_scope_is_grantable() {
        assertThat(check(
                                asset(),
                                List.of(exclusiveAiInCn),
                                draft(GrantType.NON_EXCLUSIVE_LICENCE).over("G06N", "US"))
                        .grantable())
                .isTrue();
    }

    @Test
    void ended_grants_no_longer_hold_their_scope() {
        List<Grant> grants = List.of(
                exclusiveAiInCn.expire(),
                draft(GrantType.SOLE_LICENCE)
                        .over("G06N", "CN")
                        .grant("terminated")
                        .terminate(LocalDate.of(2027, 1, 1)));

        CheckResult result = check(
                asset(),
                grants,
                draft(GrantType.NON_EXCLUSIVE_LICENCE).over(scope("G06N", "CN", "2027-01-01", "2028-01-01")));

        assertThat(result.grantable()).isTrue();
    }

    @Test
    void an_early_termination_still_holds_the_scope_until_its_effective_date() {
        Grant terminatedLater = exclusiveAiInCn.terminate(LocalDate.of(2028, 1, 1));

        assertThat(check(
                                asset(),
                                List.of(terminatedLater),
                                draft(GrantType.NON_EXCLUSIVE_LICENCE)
                                        .over(scope("G06N", "CN", "2027-06-01", "2029-01-01")))
                        .conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.OVERLAPS_EXCLUSIVE);
    }

    @Test
    void assignments_and_pledges_are_not_licences_and_do_not_compete_for_scope() {
        List<Grant> grants = List.of(
                draft(GrantType.ASSIGNMENT).by("org-old").to(Fixtures.OWNER).grant("a-1"));

        assertThat(check(asset(), grants, draft(GrantType.EXCLUSIVE_LICENCE)).grantable())
                .isTrue();
        assertThat(check(
                                asset(),
                                List.of(exclusiveAiInCn),
                                draft(GrantType.PLEDGE).to("org-bank"))
                        .grantable())
                .isTrue();
        assertThat(check(
                                asset(),
                                List.of(exclusiveAiInCn),
                                draft(GrantType.ASSIGNMENT).to("org-new"))
                        .grantable())
                .isTrue();
    }

    @Test
    void every_overlapping_licence_is_reported() {
        List<Grant> grants = List.of(
                draft(GrantType.NON_EXCLUSIVE_LICENCE)
                        .over("G06N 3/08", "440300")
                        .grant("n-1"),
                draft(GrantType.NON_EXCLUSIVE_LICENCE).over("H04L", "440300").grant("n-2"),
                draft(GrantType.NON_EXCLUSIVE_LICENCE).over("G06N", "US").grant("n-3"),
                draft(GrantType.OPEN_LICENCE).over("*", "WORLD").grant("o-1"));

        CheckResult result =
                check(asset(), grants, draft(GrantType.EXCLUSIVE_LICENCE).over("G06", "CN"));

        assertThat(result.conflicts())
                .extracting(c -> c.grantId().orElseThrow())
                .containsExactly("n-1", "o-1");
    }

    @Test
    void protection_unknown_on_a_pending_application_does_not_limit_the_term() {
        AssetRights pending = AssetRights.ownedBy(Fixtures.OWNER, AssetStatus.PENDING, Optional.empty());

        assertThat(check(
                                pending,
                                List.of(),
                                draft(GrantType.EXCLUSIVE_LICENCE)
                                        .over(scope("*", "WORLD", "2030-01-01", "2060-01-01")))
                        .grantable())
                .isTrue();
    }
}
