package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.rights.domain.Fixtures.LICENSEE;
import static org.techmarket.rights.domain.Fixtures.OWNER;
import static org.techmarket.rights.domain.Fixtures.PROTECTION_ENDS;
import static org.techmarket.rights.domain.Fixtures.asset;
import static org.techmarket.rights.domain.Fixtures.check;
import static org.techmarket.rights.domain.Fixtures.draft;
import static org.techmarket.rights.domain.Fixtures.scope;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

/** Rule 5: only the owners grant; a licensee sublicenses only inside its own sublicensable licence. */
class EntitlementRulesTest {

    @Nested
    class Owners {

        private final AssetRights coOwned = new AssetRights(
                Set.of("org-uni", "org-lab"),
                Optional.empty(),
                AssetStatus.GRANTED,
                Optional.of(PROTECTION_ENDS),
                false);

        @Test
        void the_sole_owner_may_grant_and_nobody_else() {
            assertThat(check(asset(), List.of(), draft(GrantType.NON_EXCLUSIVE_LICENCE))
                            .grantable())
                    .isTrue();

            CheckResult stranger = check(
                    asset(), List.of(), draft(GrantType.NON_EXCLUSIVE_LICENCE).by("org-stranger"));
            assertThat(stranger.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.reason()).isEqualTo(ConflictReason.NOT_OWNER);
                assertThat(c.grantId()).isEmpty();
            });
        }

        @Test
        void co_owners_grant_together() {
            assertThat(check(coOwned, List.of(), draft(GrantType.ASSIGNMENT).by("org-uni", "org-lab"))
                            .grantable())
                    .isTrue();
            assertThat(check(
                                    coOwned,
                                    List.of(),
                                    draft(GrantType.PLEDGE).by("org-uni").to("org-bank"))
                            .conflicts())
                    .extracting(Conflict::reason)
                    .containsExactly(ConflictReason.NOT_OWNER);
        }

        @Test
        void one_co_owner_grants_alone_with_the_authority_of_the_others() {
            AssetRights authorised = new AssetRights(
                    coOwned.owners(), Optional.of("org-uni"), AssetStatus.GRANTED, coOwned.protectionEnds(), false);

            assertThat(check(
                                    authorised,
                                    List.of(),
                                    draft(GrantType.EXCLUSIVE_LICENCE).by("org-uni"))
                            .grantable())
                    .isTrue();
            assertThat(check(
                                    authorised,
                                    List.of(),
                                    draft(GrantType.EXCLUSIVE_LICENCE).by("org-lab"))
                            .grantable())
                    .isFalse();
            assertThat(check(
                                    authorised,
                                    List.of(),
                                    draft(GrantType.EXCLUSIVE_LICENCE).by("org-uni", "org-stranger"))
                            .grantable())
                    .isFalse();
        }

        @Test
        void authority_can_only_be_held_by_an_owner() {
            assertThatThrownBy(() -> new AssetRights(
                            Set.of("org-uni"), Optional.of("org-x"), AssetStatus.GRANTED, Optional.empty(), false))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_AUTHORITY"));
        }

        @Test
        void after_an_assignment_the_new_owner_grants() {
            AssetRights assigned = asset().assignedTo("org-buyer");

            assertThat(check(assigned, List.of(), draft(GrantType.NON_EXCLUSIVE_LICENCE))
                            .grantable())
                    .isFalse();
            assertThat(check(
                                    assigned,
                                    List.of(),
                                    draft(GrantType.NON_EXCLUSIVE_LICENCE).by("org-buyer"))
                            .grantable())
                    .isTrue();
        }
    }

    @Nested
    class Sublicences {

        private final Grant parent = draft(GrantType.EXCLUSIVE_LICENCE)
                .to(LICENSEE)
                .sublicensable()
                .over(scope("G06N", "CN", "2026-03-01", "2031-01-01"))
                .grant("ex-1");

        private Fixtures.Draft sublicence(GrantType type) {
            return draft(type).by(LICENSEE).to("org-sub").under("ex-1");
        }

        @Test
        void a_licensee_sublicenses_inside_its_scope_without_clashing_with_its_own_exclusivity() {
            CheckResult nonExclusive = check(
                    asset(),
                    List.of(parent),
                    sublicence(GrantType.NON_EXCLUSIVE_LICENCE)
                            .over(scope("G06N 3/08", "440300", "2027-01-01", "2028-01-01")));
            CheckResult exclusive = check(
                    asset(),
                    List.of(parent),
                    sublicence(GrantType.EXCLUSIVE_LICENCE).over(scope("G06N", "CN", "2026-03-01", "2031-01-01")));

            assertThat(nonExclusive.grantable()).isTrue();
            assertThat(exclusive.grantable()).isTrue();
        }

        @Test
        void a_sublicence_outside_the_parent_scope_is_refused() {
            CheckResult widerField = check(
                    asset(),
                    List.of(parent),
                    sublicence(GrantType.NON_EXCLUSIVE_LICENCE).over(scope("G06", "CN", "2027-01-01", "2028-01-01")));
            CheckResult longer = check(
                    asset(),
                    List.of(parent),
                    sublicence(GrantType.NON_EXCLUSIVE_LICENCE).over(scope("G06N", "CN", "2027-01-01", "2032-01-01")));

            assertThat(widerField.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.reason()).isEqualTo(ConflictReason.SUBLICENCE_OUTSIDE_SCOPE);
                assertThat(c.grantId()).contains("ex-1");
            });
            assertThat(longer.conflicts())
                    .extracting(Conflict::reason)
                    .containsExactly(ConflictReason.SUBLICENCE_OUTSIDE_SCOPE);
        }

        @Test
        void a_licence_granted_without_the_right_to_sublicense_cannot_be_sublicensed() {
            Grant closed = draft(GrantType.NON_EXCLUSIVE_LICENCE).to(LICENSEE).grant("ex-1");

            assertThat(check(asset(), List.of(closed), sublicence(GrantType.NON_EXCLUSIVE_LICENCE))
                            .conflicts())
                    .extracting(Conflict::reason)
                    .containsExactly(ConflictReason.NOT_SUBLICENSABLE);
        }

        @Test
        void an_ended_parent_cannot_be_sublicensed() {
            Grant ended = parent.terminate(LocalDate.of(2030, 1, 1));

            assertThat(check(
                                    asset(),
                                    List.of(ended),
                                    sublicence(GrantType.NON_EXCLUSIVE_LICENCE)
                                            .over(scope("G06N", "CN", "2027-01-01", "2028-01-01")))
                            .conflicts())
                    .extracting(Conflict::reason)
                    .containsExactly(ConflictReason.NOT_SUBLICENSABLE);
        }

        @Test
        void only_the_holder_of_the_parent_may_sublicense_it() {
            CheckResult byOwner = check(
                    asset(),
                    List.of(parent),
                    draft(GrantType.NON_EXCLUSIVE_LICENCE)
                            .by(OWNER)
                            .to("org-sub")
                            .under("ex-1")
                            .over(scope("G06N", "CN", "2027-01-01", "2028-01-01")));

            assertThat(byOwner.conflicts()).extracting(Conflict::reason).containsExactly(ConflictReason.NOT_OWNER);
        }

        @Test
        void a_non_exclusive_licensee_cannot_sublicense_exclusivity_it_does_not_hold() {
            Grant nonExclusive = draft(GrantType.NON_EXCLUSIVE_LICENCE)
                    .to(LICENSEE)
                    .sublicensable()
                    .grant("ex-1");

            CheckResult result = check(asset(), List.of(nonExclusive), sublicence(GrantType.EXCLUSIVE_LICENCE));

            assertThat(result.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.reason()).isEqualTo(ConflictReason.EXCLUSIVE_OVERLAP);
                assertThat(c.grantId()).contains("ex-1");
            });
        }

        @Test
        void an_exclusive_sublicence_still_excludes_its_siblings() {
            Grant exclusiveSub = sublicence(GrantType.EXCLUSIVE_LICENCE)
                    .over(scope("G06N", "440000", "2027-01-01", "2028-01-01"))
                    .grant("sub-1");

            CheckResult sibling = check(
                    asset(),
                    List.of(parent, exclusiveSub),
                    sublicence(GrantType.NON_EXCLUSIVE_LICENCE)
                            .to("org-sub-2")
                            .over(scope("G06N 3/08", "440300", "2027-01-01", "2028-01-01")));

            assertThat(sibling.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.reason()).isEqualTo(ConflictReason.OVERLAPS_EXCLUSIVE);
                assertThat(c.grantId()).contains("sub-1");
            });
        }

        @Test
        void an_exclusive_sublicence_of_an_exclusive_sublicence_descends_from_both() {
            Grant sub = sublicence(GrantType.EXCLUSIVE_LICENCE)
                    .sublicensable()
                    .over(scope("G06N", "440000", "2027-01-01", "2028-01-01"))
                    .grant("sub-1");

            CheckResult subSub = check(
                    asset(),
                    List.of(parent, sub),
                    draft(GrantType.SOLE_LICENCE)
                            .by("org-sub")
                            .to("org-sub-sub")
                            .under("sub-1")
                            .over(scope("G06N", "440300", "2027-01-01", "2028-01-01")));

            assertThat(subSub.grantable()).isTrue();
        }

        @Test
        void a_parent_that_is_not_on_the_asset_is_a_bad_request() {
            assertThatThrownBy(() -> check(asset(), List.of(), sublicence(GrantType.NON_EXCLUSIVE_LICENCE)))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_PARENT_GRANT"));
        }
    }
}
