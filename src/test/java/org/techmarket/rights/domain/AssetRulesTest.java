package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.Fixtures.OWNER;
import static org.techmarket.rights.domain.Fixtures.PROTECTION_ENDS;
import static org.techmarket.rights.domain.Fixtures.check;
import static org.techmarket.rights.domain.Fixtures.draft;
import static org.techmarket.rights.domain.Fixtures.scope;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rule 6 and the term's timing: the asset must be alive and the term inside today..protection. */
class AssetRulesTest {

    @ParameterizedTest
    @EnumSource(
            value = AssetStatus.class,
            names = {"EXPIRED", "LAPSED", "INVALIDATED"})
    void rule6_nothing_can_be_granted_on_a_dead_asset(AssetStatus status) {
        AssetRights dead = AssetRights.ownedBy(OWNER, status, Optional.of(PROTECTION_ENDS));

        for (GrantType type : GrantType.values()) {
            assertThat(check(dead, List.of(), draft(type)).conflicts())
                    .extracting(Conflict::reason)
                    .containsExactly(ConflictReason.ASSET_NOT_IN_FORCE);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = AssetStatus.class,
            names = {"GRANTED", "PENDING"})
    void rule6_a_granted_patent_or_a_pending_application_can_be_licensed(AssetStatus status) {
        AssetRights alive = AssetRights.ownedBy(OWNER, status, Optional.of(PROTECTION_ENDS));

        assertThat(check(alive, List.of(), draft(GrantType.EXCLUSIVE_LICENCE)).grantable())
                .isTrue();
    }

    @Test
    void a_term_starting_in_the_past_is_a_conflict_with_the_asset() {
        CheckResult result = check(
                Fixtures.asset(),
                List.of(),
                draft(GrantType.NON_EXCLUSIVE_LICENCE).over(scope("*", "WORLD", "2026-02-28", "2027-01-01")));

        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(ConflictReason.TERM_IN_PAST);
            assertThat(c.grantId()).isEmpty();
            assertThat(c.grantType()).isEmpty();
        });
    }

    @Test
    void a_term_beyond_the_protection_is_a_conflict_with_the_asset() {
        CheckResult result = check(
                Fixtures.asset(),
                List.of(),
                draft(GrantType.NON_EXCLUSIVE_LICENCE).over(scope("*", "WORLD", "2030-01-01", "2040-01-02")));

        assertThat(result.conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.TERM_BEYOND_PROTECTION);
    }

    @Test
    void every_reason_is_reported_at_once() {
        AssetRights lapsed = AssetRights.ownedBy(OWNER, AssetStatus.LAPSED, Optional.of(PROTECTION_ENDS));

        CheckResult result = check(
                lapsed,
                List.of(),
                draft(GrantType.NON_EXCLUSIVE_LICENCE)
                        .by("org-stranger")
                        .over(scope("*", "WORLD", "2020-01-01", "2041-01-01")));

        assertThat(result.grantable()).isFalse();
        assertThat(result.conflicts())
                .extracting(Conflict::reason)
                .containsExactly(
                        ConflictReason.ASSET_NOT_IN_FORCE,
                        ConflictReason.TERM_IN_PAST,
                        ConflictReason.TERM_BEYOND_PROTECTION,
                        ConflictReason.NOT_OWNER);
    }
}
