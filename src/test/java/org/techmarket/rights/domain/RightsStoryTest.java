package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.Fixtures.REGIONS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;

/** The life of one patent's rights, told as the market would see it. */
class RightsStoryTest {

    private final ConflictChecker checker = new ConflictChecker();
    private final List<Grant> grants = new ArrayList<>();
    private AssetRights patent = new AssetRights(
            Set.of("org-university", "org-institute"),
            Optional.of("org-university"),
            AssetStatus.GRANTED,
            Optional.of(LocalDate.of(2041, 5, 10)),
            false);
    private LocalDate today = LocalDate.of(2026, 3, 1);

    @Test
    void a_university_patent_is_licensed_sublicensed_pledged_terminated_and_opened() {
        // The university, authorised by its co-owner, licenses a Shenzhen manufacturer exclusively in AI, in Guangdong.
        Grant shenzhen = grant(
                "ex-shenzhen",
                new ProposedGrant(
                        GrantType.EXCLUSIVE_LICENCE,
                        Set.of("org-university"),
                        "org-shenzhen-robotics",
                        scope("G06N", "440000", "2026-03-01", "2031-03-01"),
                        true,
                        false,
                        Optional.empty()));

        // A Beijing start-up wants all of China in G06N 3/08: refused, Guangdong is taken.
        ProposedGrant beijing = new ProposedGrant(
                GrantType.NON_EXCLUSIVE_LICENCE,
                Set.of("org-university"),
                "org-beijing-ai",
                scope("G06N 3/08", "CN", "2026-04-01", "2028-04-01"),
                false,
                false,
                Optional.empty());
        assertThat(checker.checkGrant(patent, grants, beijing, today).conflicts())
                .extracting(Conflict::reason, c -> c.grantId().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ConflictReason.OVERLAPS_EXCLUSIVE, "ex-shenzhen"));

        // Beijing settles for Beijing; the manufacturer sublicenses its Shenzhen supplier.
        grant(
                "ne-beijing",
                new ProposedGrant(
                        GrantType.NON_EXCLUSIVE_LICENCE,
                        Set.of("org-university"),
                        "org-beijing-ai",
                        scope("G06N 3/08", "110000", "2026-04-01", "2028-04-01"),
                        false,
                        false,
                        Optional.empty()));
        grant(
                "sub-supplier",
                new ProposedGrant(
                        GrantType.NON_EXCLUSIVE_LICENCE,
                        Set.of("org-shenzhen-robotics"),
                        "org-supplier",
                        scope("G06N 3/08", "440300", "2026-06-01", "2029-01-01"),
                        false,
                        false,
                        Optional.of("ex-shenzhen")));

        // The owners pledge the patent to a bank; a new licence now needs the bank's consent.
        grant(
                "pledge-bank",
                new ProposedGrant(
                        GrantType.PLEDGE,
                        Set.of("org-university"),
                        "org-bank",
                        scope("*", "WORLD", "2026-03-01", "2028-03-01"),
                        false,
                        false,
                        Optional.empty()));
        ProposedGrant shanghai = new ProposedGrant(
                GrantType.NON_EXCLUSIVE_LICENCE,
                Set.of("org-university"),
                "org-shanghai-auto",
                scope("G06N", "310000", "2026-05-01", "2029-05-01"),
                false,
                false,
                Optional.empty());
        assertThat(checker.checkGrant(patent, grants, shanghai, today).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.PLEDGED);
        grant(
                "ne-shanghai",
                new ProposedGrant(
                        shanghai.type(),
                        shanghai.grantors(),
                        shanghai.grantee(),
                        shanghai.scope(),
                        false,
                        true,
                        Optional.empty()));

        // An open licence cannot be declared: Guangdong is held exclusively and the patent is pledged.
        assertThat(checker.checkOpenLicenceDeclaration(patent, grants, Set.of("org-university"), today)
                        .conflicts())
                .extracting(Conflict::reason)
                .containsExactlyInAnyOrder(ConflictReason.EXCLUSIVE_ACTIVE, ConflictReason.PLEDGED);

        // Two years on the loan is repaid and the manufacturer ends its licence early, from 1 July 2028.
        today = LocalDate.of(2028, 3, 1);
        replace("pledge-bank", find("pledge-bank").release());
        replace("ex-shenzhen", find("ex-shenzhen").terminate(LocalDate.of(2028, 7, 1)));
        assertThat(checker.checkOpenLicenceDeclaration(patent, grants, Set.of("org-university"), today)
                        .conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.EXCLUSIVE_ACTIVE);

        // From 1 July 2028 Guangdong is free: the university declares an open licence, and a Guangzhou firm takes it.
        today = LocalDate.of(2028, 7, 1);
        assertThat(checker.checkOpenLicenceDeclaration(patent, grants, Set.of("org-university"), today)
                        .grantable())
                .isTrue();
        patent = patent.withOpenLicenceDeclared(true);
        grant(
                "open-guangzhou",
                new ProposedGrant(
                        GrantType.OPEN_LICENCE,
                        patent.owners(),
                        "org-guangzhou",
                        scope("G06N", "440100", "2028-07-01", "2031-07-01"),
                        false,
                        false,
                        Optional.empty()));

        // Nobody can have Guangdong exclusively again while the declaration stands.
        ProposedGrant exclusiveAgain = new ProposedGrant(
                GrantType.EXCLUSIVE_LICENCE,
                Set.of("org-university"),
                "org-shenzhen-robotics",
                scope("G06N", "440300", "2028-07-01", "2030-07-01"),
                false,
                false,
                Optional.empty());
        assertThat(checker.checkGrant(patent, grants, exclusiveAgain, today).conflicts())
                .extracting(Conflict::reason)
                .containsExactlyInAnyOrder(ConflictReason.OPEN_LICENCE_DECLARED, ConflictReason.EXCLUSIVE_OVERLAP);

        // Finally the co-owners sell the patent; every licence survives the assignment.
        grant(
                "assignment",
                new ProposedGrant(
                        GrantType.ASSIGNMENT,
                        Set.of("org-university"),
                        "org-buyer",
                        scope("*", "WORLD", "2028-07-01", "2041-05-10"),
                        false,
                        false,
                        Optional.empty()));
        patent = patent.assignedTo("org-buyer");
        assertThat(grants)
                .filteredOn(g -> g.type().isLicence() && g.status() == GrantStatus.ACTIVE)
                .extracting(Grant::id)
                .containsExactly("ne-beijing", "sub-supplier", "ne-shanghai", "open-guangzhou");
        assertThat(patent.mayGrant(Set.of("org-university"))).isFalse();
    }

    private Grant grant(String id, ProposedGrant proposal) {
        CheckResult result = checker.checkGrant(patent, grants, proposal, today);
        assertThat(result.conflicts()).as("conflicts of %s", id).isEmpty();
        Grant grant = proposal.toGrant(id);
        grants.add(grant);
        return grant;
    }

    private Grant find(String id) {
        return grants.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private void replace(String id, Grant changed) {
        grants.replaceAll(g -> g.id().equals(id) ? changed : g);
    }

    private static GrantScope scope(String field, String territory, String start, String end) {
        return Scopes.parse(List.of(field), List.of(territory), LocalDate.parse(start), LocalDate.parse(end), REGIONS);
    }
}
