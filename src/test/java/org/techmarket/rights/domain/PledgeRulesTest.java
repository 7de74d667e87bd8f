package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.Fixtures.asset;
import static org.techmarket.rights.domain.Fixtures.check;
import static org.techmarket.rights.domain.Fixtures.draft;
import static org.techmarket.rights.domain.Fixtures.scope;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rules 3 and 4: a pledge in force blocks assignments and licences unless the pledgee consents. */
class PledgeRulesTest {

    private final Grant pledge = draft(GrantType.PLEDGE)
            .to("org-bank")
            .over(scope("*", "WORLD", "2026-03-01", "2029-01-01"))
            .grant("p-1");

    @Test
    void rule3_an_assignment_conflicts_with_a_pledge_in_force() {
        CheckResult result =
                check(asset(), List.of(pledge), draft(GrantType.ASSIGNMENT).to("org-buyer"));

        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.grantId()).contains("p-1");
            assertThat(c.grantType()).contains(GrantType.PLEDGE);
            assertThat(c.reason()).isEqualTo(ConflictReason.PLEDGED);
        });
    }

    @Test
    void rule3_an_assignment_with_the_pledgees_consent_is_grantable_and_licences_survive_it() {
        List<Grant> grants =
                List.of(pledge, draft(GrantType.EXCLUSIVE_LICENCE).to("org-a").grant("ex-1"));

        assertThat(check(
                                asset(),
                                grants,
                                draft(GrantType.ASSIGNMENT).to("org-buyer").withPledgeeConsent())
                        .grantable())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = GrantType.class,
            names = {"EXCLUSIVE_LICENCE", "SOLE_LICENCE", "NON_EXCLUSIVE_LICENCE", "OPEN_LICENCE"})
    void rule4_any_licence_conflicts_with_a_pledge_in_force(GrantType type) {
        // The pledge covers the whole asset: a licence in another field and place is still blocked.
        CheckResult result = check(asset(), List.of(pledge), draft(type).over("A01B", "US"));

        assertThat(result.conflicts()).extracting(Conflict::reason).containsExactly(ConflictReason.PLEDGED);
    }

    @ParameterizedTest
    @EnumSource(
            value = GrantType.class,
            names = {"EXCLUSIVE_LICENCE", "SOLE_LICENCE", "NON_EXCLUSIVE_LICENCE", "OPEN_LICENCE"})
    void rule4_a_licence_with_the_pledgees_consent_is_grantable(GrantType type) {
        assertThat(check(asset(), List.of(pledge), draft(type).withPledgeeConsent())
                        .grantable())
                .isTrue();
    }

    @Test
    void a_released_pledge_or_one_that_ends_before_the_term_blocks_nothing() {
        CheckResult afterRelease = check(
                asset(), List.of(pledge.release()), draft(GrantType.ASSIGNMENT).to("org-buyer"));
        CheckResult afterItsTerm = check(
                asset(),
                List.of(pledge),
                draft(GrantType.EXCLUSIVE_LICENCE).over(scope("*", "WORLD", "2029-01-01", "2030-01-01")));

        assertThat(afterRelease.grantable()).isTrue();
        assertThat(afterItsTerm.grantable()).isTrue();
    }

    @Test
    void a_second_pledge_is_not_blocked_by_the_first() {
        assertThat(check(asset(), List.of(pledge), draft(GrantType.PLEDGE).to("org-other-bank"))
                        .grantable())
                .isTrue();
    }
}
