package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.Fixtures.OWNER;
import static org.techmarket.rights.domain.Fixtures.PROTECTION_ENDS;
import static org.techmarket.rights.domain.Fixtures.TODAY;
import static org.techmarket.rights.domain.Fixtures.asset;
import static org.techmarket.rights.domain.Fixtures.check;
import static org.techmarket.rights.domain.Fixtures.draft;
import static org.techmarket.rights.domain.Fixtures.scope;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rule 7: an open licence promises every taker a licence, so nothing may hold the asset exclusively. */
class OpenLicenceDeclarationTest {

    private final ConflictChecker checker = new ConflictChecker();

    private CheckResult declare(AssetRights asset, List<Grant> grants, String... declarers) {
        return checker.checkOpenLicenceDeclaration(asset, grants, Set.of(declarers), TODAY);
    }

    @Test
    void the_owner_declares_on_a_granted_patent_beside_non_exclusive_licences() {
        List<Grant> grants = List.of(
                draft(GrantType.NON_EXCLUSIVE_LICENCE).grant("n-1"),
                draft(GrantType.ASSIGNMENT).by("org-old").to(OWNER).grant("a-1"));

        assertThat(declare(asset(), grants, OWNER).grantable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = GrantType.class,
            names = {"EXCLUSIVE_LICENCE", "SOLE_LICENCE"})
    void rule7_refused_while_an_exclusive_or_sole_licence_is_in_force(GrantType type) {
        CheckResult result =
                declare(asset(), List.of(draft(type).over("G06N", "440300").grant("ex-1")), OWNER);

        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(ConflictReason.EXCLUSIVE_ACTIVE);
            assertThat(c.grantId()).contains("ex-1");
        });
    }

    @Test
    void rule7_an_exclusive_licence_that_starts_later_still_blocks_but_one_that_ended_does_not() {
        Grant future = draft(GrantType.EXCLUSIVE_LICENCE)
                .over(scope("*", "WORLD", "2030-01-01", "2031-01-01"))
                .grant("f");
        Grant terminated = draft(GrantType.EXCLUSIVE_LICENCE).grant("t").terminate(TODAY);
        Grant expired = draft(GrantType.SOLE_LICENCE).grant("e").expire();

        assertThat(declare(asset(), List.of(future), OWNER).grantable()).isFalse();
        assertThat(declare(asset(), List.of(terminated, expired), OWNER).grantable())
                .isTrue();
    }

    @Test
    void rule7_refused_while_the_asset_is_pledged() {
        Grant pledge = draft(GrantType.PLEDGE).to("org-bank").grant("p-1");

        assertThat(declare(asset(), List.of(pledge), OWNER).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.PLEDGED);
        assertThat(declare(asset(), List.of(pledge.release()), OWNER).grantable())
                .isTrue();
    }

    @Test
    void only_the_owners_declare_and_only_on_a_granted_patent() {
        AssetRights pending = AssetRights.ownedBy(OWNER, AssetStatus.PENDING, Optional.empty());
        AssetRights invalidated = AssetRights.ownedBy(OWNER, AssetStatus.INVALIDATED, Optional.of(PROTECTION_ENDS));

        assertThat(declare(asset(), List.of(), "org-stranger").conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.NOT_OWNER);
        assertThat(declare(pending, List.of(), OWNER).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.ASSET_NOT_GRANTED);
        assertThat(declare(invalidated, List.of(), OWNER).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.ASSET_NOT_IN_FORCE);
    }

    @Test
    void while_a_declaration_stands_no_exclusive_or_sole_licence_is_granted_but_others_are() {
        AssetRights declared = asset().withOpenLicenceDeclared(true);

        assertThat(check(declared, List.of(), draft(GrantType.EXCLUSIVE_LICENCE))
                        .conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.OPEN_LICENCE_DECLARED);
        assertThat(check(declared, List.of(), draft(GrantType.SOLE_LICENCE)).grantable())
                .isFalse();
        assertThat(check(declared, List.of(), draft(GrantType.OPEN_LICENCE)).grantable())
                .isTrue();
        assertThat(check(declared, List.of(), draft(GrantType.NON_EXCLUSIVE_LICENCE))
                        .grantable())
                .isTrue();
    }
}
