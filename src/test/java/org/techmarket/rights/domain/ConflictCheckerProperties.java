package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.PropertyCheck.forAll;
import static org.techmarket.rights.domain.RandomRights.BASE;
import static org.techmarket.rights.domain.RandomRights.coin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Rejection;

/** The checker agrees with the naive reference, and granting only what it allows keeps the asset free of conflicts. */
class ConflictCheckerProperties {

    private static final List<String> ORGS = List.of("o1", "o2", "o3", "o4", "o5");
    private static final List<Set<String>> OWNERSHIPS = List.of(Set.of("o1"), Set.of("o1", "o2"), Set.of("o2"));
    private static final AssetStatus[] STATUSES = {
        AssetStatus.GRANTED,
        AssetStatus.GRANTED,
        AssetStatus.GRANTED,
        AssetStatus.GRANTED,
        AssetStatus.PENDING,
        AssetStatus.PENDING,
        AssetStatus.LAPSED,
        AssetStatus.EXPIRED,
        AssetStatus.INVALIDATED
    };

    private final ConflictChecker checker = new ConflictChecker();
    private final NaiveConflictChecker naive = new NaiveConflictChecker();

    /** An asset, its stored grants, a proposal and the day of the check. */
    record Situation(AssetRights asset, List<Grant> grants, ProposedGrant proposal, LocalDate today) {
        static Situation draw(Random r) {
            AssetRights asset = randomAsset(r);
            List<Grant> grants = randomGrants(r);
            return new Situation(asset, grants, randomProposal(r, asset, grants), BASE.plusMonths(r.nextInt(7)));
        }
    }

    // --- the optimised checker against the reference ---

    @Test
    void the_checker_agrees_with_the_naive_reference() {
        forAll(5000, Situation::draw, s -> {
            assertThat(outcome(() -> checker.checkGrant(s.asset(), s.grants(), s.proposal(), s.today())
                            .conflicts()))
                    .isEqualTo(outcome(() -> naive.checkGrant(s.asset(), s.grants(), s.proposal(), s.today())));
            Set<String> owners = s.asset().owners();
            assertThat(outcome(() -> checker.checkOpenLicenceDeclaration(s.asset(), s.grants(), owners, s.today())
                            .conflicts()))
                    .isEqualTo(
                            outcome(() -> naive.checkOpenLicenceDeclaration(s.asset(), s.grants(), owners, s.today())));
        });
    }

    @Test
    void a_check_result_is_grantable_exactly_when_it_lists_no_conflict() {
        forAll(1000, Situation::draw, s -> {
            try {
                CheckResult result = checker.checkGrant(s.asset(), s.grants(), s.proposal(), s.today());
                assertThat(result.grantable()).isEqualTo(result.conflicts().isEmpty());
            } catch (Rejection expected) {
                assertThat(expected.code()).isEqualTo("UNKNOWN_PARENT_GRANT");
            }
        });
    }

    /** The application may load only these grants (a SQL filter) and still get the same answer. */
    @Test
    void grants_in_force_during_the_term_and_the_parent_chain_are_enough() {
        forAll(5000, Situation::draw, s -> {
            Term term = s.proposal().term();
            List<Grant> relevant = s.grants().stream()
                    .filter(g -> NaiveConflictChecker.effectiveTerm(g)
                                    .filter(term::overlaps)
                                    .isPresent()
                            || parentChain(s.grants(), s.proposal()).contains(g.id()))
                    .toList();

            assertSameConflicts(s, relevant);
        });
    }

    /** The application may also leave out grants of a kind that cannot clash with the proposal's, but its parent chain. */
    @Test
    void grants_of_the_kinds_that_can_clash_and_the_parent_chain_are_enough() {
        forAll(5000, Situation::draw, s -> {
            Set<GrantType> kinds =
                    ConflictChecker.kindsThatCanClash(s.proposal().type());
            List<Grant> relevant = s.grants().stream()
                    .filter(g -> kinds.contains(g.type())
                            || parentChain(s.grants(), s.proposal()).contains(g.id()))
                    .toList();

            assertSameConflicts(s, relevant);
        });
    }

    /**
     * Recording that grants have expired (their effective end becomes their start) changes no check that could be
     * granted: such a check's term starts today or later, when a grant whose term has run out held nothing anyway.
     * A sublicence of an expired parent is refused either way (its term lies outside the parent's), now also as
     * NOT_SUBLICENSABLE; every other conflict is the same.
     */
    @Test
    void recording_expiry_changes_no_check_of_a_term_from_today_on() {
        int[] compared = {0};
        forAll(5000, Situation::draw, s -> {
            if (s.proposal().term().start().isBefore(s.today())) {
                return;
            }
            List<Grant> expired =
                    s.grants().stream().map(g -> g.asOf(s.today())).toList();
            Optional<String> parent = s.proposal().parentGrantId();
            assertThat(verdict(() -> checker.checkGrant(s.asset(), expired, s.proposal(), s.today()), parent))
                    .isEqualTo(
                            verdict(() -> checker.checkGrant(s.asset(), s.grants(), s.proposal(), s.today()), parent));
            compared[0]++;
        });
        assertThat(compared[0]).isGreaterThan(500);
    }

    /** Checking the proposal against only {@code relevant} finds what checking it against all grants finds. */
    private void assertSameConflicts(Situation s, List<Grant> relevant) {
        assertThat(outcome(() -> checker.checkGrant(s.asset(), relevant, s.proposal(), s.today())
                        .conflicts()))
                .isEqualTo(outcome(() -> checker.checkGrant(s.asset(), s.grants(), s.proposal(), s.today())
                        .conflicts()));
    }

    /** Whether the check grants, and its conflicts less those naming the proposal's parent. */
    private static List<String> verdict(Supplier<CheckResult> check, Optional<String> parent) {
        List<String> verdict = new ArrayList<>();
        List<String> conflicts = outcome(() -> {
            CheckResult result = check.get();
            verdict.add("grantable:" + result.grantable());
            return result.conflicts().stream()
                    .filter(c -> parent.isEmpty() || !c.grantId().equals(parent))
                    .toList();
        });
        verdict.addAll(conflicts);
        return verdict;
    }

    // --- the invariant: only what the checker allows is granted, so nothing in force conflicts ---

    @Test
    void after_any_sequence_of_grants_and_terminations_no_two_grants_in_force_conflict() {
        forAll(1500, MarketSimulation::randomCommands, commands -> {
            MarketSimulation market = new MarketSimulation(checker);
            for (MarketSimulation.Command command : commands) {
                command.applyTo(market);
                market.assertNoConflictInForce();
            }
        });
    }

    private static AssetRights randomAsset(Random r) {
        Set<String> owners = OWNERSHIPS.get(r.nextInt(OWNERSHIPS.size()));
        int authority = r.nextInt(3);
        Optional<String> authorised = authority == 0
                ? Optional.empty()
                : owners.stream().sorted().skip(authority - 1).findFirst();
        int years = r.nextInt(5);
        Optional<LocalDate> protectionEnds = years == 0 ? Optional.empty() : Optional.of(BASE.plusYears(years));
        return new AssetRights(owners, authorised, STATUSES[r.nextInt(STATUSES.length)], protectionEnds, coin(r));
    }

    /** Up to 14 stored grants in any status; a licence may name an earlier grant as its parent. */
    private static List<Grant> randomGrants(Random r) {
        int size = r.nextInt(15);
        List<Grant> grants = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            GrantType type = RandomRights.oneOf(r, GrantType.values());
            Optional<String> parent =
                    type.isLicence() && i > 0 && coin(r) ? Optional.of("g" + r.nextInt(i)) : Optional.empty();
            GrantStatus status = RandomRights.oneOf(r, GrantStatus.values());
            if (status == GrantStatus.RELEASED && type != GrantType.PLEDGE) {
                status = GrantStatus.ACTIVE;
            }
            Optional<LocalDate> terminatedFrom = status == GrantStatus.TERMINATED
                    ? Optional.of(BASE.plusMonths(r.nextInt(30) - 2))
                    : Optional.empty();
            grants.add(new Grant(
                    "g" + i,
                    type,
                    Set.of(org(r)),
                    org(r),
                    RandomRights.scope(r, RandomRights::monthTerm),
                    coin(r),
                    status,
                    coin(r),
                    terminatedFrom,
                    parent));
        }
        return grants;
    }

    /** A proposal by the owners, someone else, or a licensee, now and then naming a parent (or a missing one). */
    private static ProposedGrant randomProposal(Random r, AssetRights asset, List<Grant> grants) {
        GrantType type = RandomRights.oneOf(r, GrantType.values());
        Optional<Grant> someGrant =
                grants.isEmpty() ? Optional.empty() : Optional.of(grants.get(r.nextInt(grants.size())));
        GrantScope scope = RandomRights.scope(r, RandomRights::monthTerm);
        Optional<String> parentId = Optional.empty();
        int parentChoice = r.nextInt(3);
        if (type.isLicence() && parentChoice == 1 && someGrant.isPresent()) {
            parentId = Optional.of(someGrant.get().id());
            scope = coin(r) ? someGrant.get().scope() : scope;
        } else if (type.isLicence() && parentChoice == 2 && r.nextInt(4) == 0) {
            parentId = Optional.of("missing");
        }
        Set<String> grantors = switch (r.nextInt(4)) {
            case 0 -> asset.owners();
            case 1 -> Set.of("o1");
            case 2 -> Set.of("o3");
            default -> someGrant.map(g -> Set.of(g.grantee())).orElse(asset.owners());
        };
        return new ProposedGrant(type, grantors, org(r), scope, coin(r), coin(r), parentId);
    }

    private static Set<String> parentChain(List<Grant> grants, ProposedGrant proposal) {
        Set<String> chain = new java.util.HashSet<>();
        for (Optional<String> next = proposal.parentGrantId(); next.isPresent() && chain.add(next.get()); ) {
            String id = next.get();
            next = grants.stream().filter(g -> g.id().equals(id)).findFirst().flatMap(Grant::parentGrantId);
        }
        return chain;
    }

    private static String org(Random r) {
        return ORGS.get(r.nextInt(ORGS.size()));
    }

    /** The conflicts as sorted keys without messages, or the code of the rejection thrown. */
    private static List<String> outcome(Supplier<List<Conflict>> check) {
        try {
            return check.get().stream()
                    .map(c -> c.grantId().orElse("-") + "|"
                            + c.grantType().map(Enum::name).orElse("-") + "|" + c.reason())
                    .sorted()
                    .toList();
        } catch (Rejection rejection) {
            return List.of("rejected:" + rejection.code());
        }
    }
}
