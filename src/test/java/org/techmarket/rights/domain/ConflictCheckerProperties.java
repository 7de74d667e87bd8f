package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.RightsArbitraries.BASE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.techmarket.shared.Rejection;

/** The checker agrees with the naive reference, and granting only what it allows keeps the asset free of conflicts. */
class ConflictCheckerProperties {

    private static final List<String> ORGS = List.of("o1", "o2", "o3", "o4", "o5");
    private static final List<Set<String>> OWNERSHIPS = List.of(Set.of("o1"), Set.of("o1", "o2"), Set.of("o2"));

    private final ConflictChecker checker = new ConflictChecker();
    private final NaiveConflictChecker naive = new NaiveConflictChecker();

    // --- the optimised checker against the reference ---

    /** A stored grant drawn at random; {@code picks} choose grantor, grantee, parent, status and termination date. */
    record GrantSpec(GrantType type, Scope scope, boolean sublicensable, boolean consent, int[] picks) {
    }

    /** A proposal drawn at random; {@code picks} choose grantors, grantee, parent and how the parent is named. */
    record ProposalSpec(GrantType type, Scope scope, boolean sublicensable, boolean consent, int[] picks) {
    }

    @Provide
    Arbitrary<AssetRights> assets() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.frequency(Tuple.of(4, AssetStatus.GRANTED), Tuple.of(2, AssetStatus.PENDING),
                        Tuple.of(1, AssetStatus.LAPSED), Tuple.of(1, AssetStatus.EXPIRED), Tuple.of(1, AssetStatus.INVALIDATED)),
                Arbitraries.integers().between(0, 4),
                Arbitraries.of(true, false))
                .as((ownership, authority, status, years, declared) -> {
                    Set<String> owners = OWNERSHIPS.get(ownership);
                    Optional<String> authorised = authority == 0 ? Optional.empty()
                            : owners.stream().sorted().skip(authority - 1).findFirst();
                    Optional<LocalDate> protectionEnds = years == 0 ? Optional.empty() : Optional.of(BASE.plusYears(years));
                    return new AssetRights(owners, authorised, status, protectionEnds, declared);
                });
    }

    @Provide
    Arbitrary<List<GrantSpec>> grantSpecs() {
        return Combinators.combine(Arbitraries.of(GrantType.class), RightsArbitraries.scopes(RightsArbitraries.monthTerms()),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), picks())
                .as(GrantSpec::new).list().ofMaxSize(14);
    }

    @Provide
    Arbitrary<ProposalSpec> proposals() {
        return Combinators.combine(Arbitraries.of(GrantType.class), RightsArbitraries.scopes(RightsArbitraries.monthTerms()),
                Arbitraries.of(true, false), Arbitraries.of(true, false), picks()).as(ProposalSpec::new);
    }

    @Property(tries = 3000)
    void the_checker_agrees_with_the_naive_reference(@ForAll("assets") AssetRights asset,
            @ForAll("grantSpecs") List<GrantSpec> specs, @ForAll("proposals") ProposalSpec spec,
            @ForAll @IntRange(min = 0, max = 6) int monthsOn) {
        List<Grant> grants = storedGrants(specs);
        LocalDate today = BASE.plusMonths(monthsOn);
        Supplier<ProposedGrant> proposal = () -> proposal(spec, asset, grants);

        assertThat(outcome(() -> checker.checkGrant(asset, grants, proposal.get(), today).conflicts()))
                .isEqualTo(outcome(() -> naive.checkGrant(asset, grants, proposal.get(), today)));
        assertThat(outcome(() -> checker.checkOpenLicenceDeclaration(asset, grants, asset.owners(), today).conflicts()))
                .isEqualTo(outcome(() -> naive.checkOpenLicenceDeclaration(asset, grants, asset.owners(), today)));
    }

    @Property(tries = 300)
    void a_check_result_is_grantable_exactly_when_it_lists_no_conflict(@ForAll("assets") AssetRights asset,
            @ForAll("grantSpecs") List<GrantSpec> specs, @ForAll("proposals") ProposalSpec spec) {
        List<Grant> grants = storedGrants(specs);
        try {
            CheckResult result = checker.checkGrant(asset, grants, proposal(spec, asset, grants), BASE);
            assertThat(result.grantable()).isEqualTo(result.conflicts().isEmpty());
        } catch (Rejection expected) {
            assertThat(expected.code()).isIn("UNKNOWN_PARENT_GRANT", "INVALID_PARENT_GRANT");
        }
    }

    // --- the invariant: only what the checker allows is granted, so nothing in force conflicts ---

    @Provide
    Arbitrary<List<MarketSimulation.Command>> commandSequences() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        Arbitrary<MarketSimulation.Command> propose = Combinators.combine(licenceHeavyTypes(),
                        RightsArbitraries.scopes(RightsArbitraries.monthTerms()), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), any, any, any)
                .as(MarketSimulation.Propose::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(12, propose),
                        Tuple.of(3, Combinators.combine(any, any).as(MarketSimulation.Terminate::new)),
                        Tuple.of(1, any.map(MarketSimulation.Release::new)),
                        Tuple.of(1, any.map(MarketSimulation.Expire::new)),
                        Tuple.of(1, Arbitraries.of(new MarketSimulation.Declare(), new MarketSimulation.Withdraw())),
                        Tuple.of(1, Arbitraries.integers().between(1, 6).map(MarketSimulation.Advance::new)))
                .list().ofMinSize(5).ofMaxSize(80);
    }

    @Property(tries = 1000)
    void after_any_sequence_of_grants_and_terminations_no_two_grants_in_force_conflict(
            @ForAll("commandSequences") List<MarketSimulation.Command> commands) {
        MarketSimulation market = new MarketSimulation(checker);
        for (MarketSimulation.Command command : commands) {
            command.applyTo(market);
            market.assertNoConflictInForce();
        }
    }

    /** Mostly licences: every pledge blocks later grants made without consent, so pledges are kept rarer. */
    private static Arbitrary<GrantType> licenceHeavyTypes() {
        return Arbitraries.frequency(
                Tuple.of(3, GrantType.EXCLUSIVE_LICENCE),
                Tuple.of(2, GrantType.SOLE_LICENCE),
                Tuple.of(4, GrantType.NON_EXCLUSIVE_LICENCE),
                Tuple.of(3, GrantType.OPEN_LICENCE),
                Tuple.of(1, GrantType.ASSIGNMENT),
                Tuple.of(1, GrantType.PLEDGE));
    }

    private static Arbitrary<int[]> picks() {
        return Arbitraries.integers().between(0, 1000).array(int[].class).ofSize(5);
    }

    private static List<Grant> storedGrants(List<GrantSpec> specs) {
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            GrantSpec spec = specs.get(i);
            int[] pick = spec.picks();
            Optional<String> parent = spec.type().isLicence() && i > 0 && pick[2] % 2 == 0
                    ? Optional.of("g" + (pick[2] % i)) : Optional.empty();
            GrantStatus status = GrantStatus.values()[pick[3] % 4];
            if (status == GrantStatus.RELEASED && spec.type() != GrantType.PLEDGE) {
                status = GrantStatus.ACTIVE;
            }
            Optional<LocalDate> terminatedFrom = status == GrantStatus.TERMINATED
                    ? Optional.of(BASE.plusMonths(pick[4] % 30 - 2)) : Optional.empty();
            grants.add(new Grant("g" + i, spec.type(), Set.of(ORGS.get(pick[0] % 5)), ORGS.get(pick[1] % 5), spec.scope(),
                    spec.sublicensable(), status, spec.consent(), terminatedFrom, parent));
        }
        return grants;
    }

    private static ProposedGrant proposal(ProposalSpec spec, AssetRights asset, List<Grant> grants) {
        int[] pick = spec.picks();
        Optional<Grant> someGrant = grants.isEmpty() ? Optional.empty() : Optional.of(grants.get(pick[2] % grants.size()));
        Optional<String> parentId = Optional.empty();
        Scope scope = spec.scope();
        if (spec.type().isLicence() && pick[3] % 3 == 1 && someGrant.isPresent()) {
            parentId = Optional.of(someGrant.get().id());
            scope = pick[4] % 2 == 0 ? someGrant.get().scope() : scope;
        } else if (spec.type().isLicence() && pick[3] % 3 == 2) {
            parentId = Optional.of("missing");
        }
        Set<String> grantors = switch (pick[0] % 4) {
            case 0 -> asset.owners();
            case 1 -> Set.of("o1");
            case 2 -> Set.of("o3");
            default -> someGrant.map(g -> Set.of(g.grantee())).orElse(asset.owners());
        };
        return new ProposedGrant(spec.type(), grantors, ORGS.get(pick[1] % 5), scope, spec.sublicensable(), spec.consent(),
                parentId);
    }

    /** The conflicts as sorted keys without messages, or the code of the rejection thrown. */
    private static List<String> outcome(Supplier<List<Conflict>> check) {
        try {
            return check.get().stream()
                    .map(c -> c.grantId().orElse("-") + "|" + c.grantType().map(Enum::name).orElse("-") + "|" + c.reason())
                    .sorted().toList();
        } catch (Rejection rejection) {
            return List.of("rejected:" + rejection.code());
        }
    }
}
