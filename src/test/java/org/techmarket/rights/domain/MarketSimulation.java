package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.domain.RandomRights.BASE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.techmarket.rights.GrantScope;

/**
 * One asset's rights driven by random commands the way the application will drive them: a grant is
 * made only when the checker finds it grantable. After every command the invariants are checked
 * from first principles, without the checker.
 */
final class MarketSimulation {

    private static final List<String> ORGS = List.of("o1", "o2", "o3", "o4", "o5");

    private final ConflictChecker checker;
    private final List<Grant> grants = new ArrayList<>();
    private AssetRights asset = new AssetRights(
            Set.of("o1", "o2"), Optional.of("o1"), AssetStatus.GRANTED, Optional.of(BASE.plusYears(8)), false);
    private LocalDate today = BASE;

    MarketSimulation(ConflictChecker checker) {
        this.checker = checker;
    }

    /** Something that happens to the asset's rights. */
    interface Command {
        void applyTo(MarketSimulation market);
    }

    /** Someone proposes a grant; the picks choose the grantors, the grantee and (for licences) a parent. */
    record Propose(
            GrantType type,
            GrantScope scope,
            boolean sublicensable,
            boolean consent,
            int actor,
            int grantee,
            int parent)
            implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            Optional<Grant> parentGrant = type.isLicence() && parent % 4 == 0 ? market.pick(parent) : Optional.empty();
            // Mostly the entitled organizations act; now and then a stranger, or a co-owner without authority.
            Set<String> grantors = parentGrant
                    .map(p -> actor % 10 == 0 ? Set.of("o4") : Set.of(p.grantee()))
                    .orElseGet(() ->
                            actor % 10 == 0 ? Set.of("o4") : actor % 10 == 1 ? Set.of("o2") : market.asset.owners());
            // Half the sublicences are cut from the parent's own scope, so that some fall inside it.
            GrantScope proposed = parentGrant
                    .filter(p -> actor % 2 == 0)
                    .map(p -> market.fromToday(p.scope()))
                    .orElseGet(() -> market.shiftedToToday(scope));
            ProposedGrant proposal = new ProposedGrant(
                    type,
                    grantors,
                    ORGS.get(grantee % ORGS.size()),
                    proposed,
                    sublicensable,
                    consent,
                    parentGrant.map(Grant::id));
            if (market.checker
                    .checkGrant(market.asset, market.grants, proposal, market.today)
                    .grantable()) {
                market.grants.add(proposal.toGrant("g" + market.grants.size()));
                if (type == GrantType.ASSIGNMENT) {
                    market.asset = market.asset.assignedTo(proposal.grantee());
                }
            }
        }
    }

    /** A grant in force is ended early, with effect from some date around today. */
    record Terminate(int grant, int months) implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            market.pick(grant).filter(g -> g.status() == GrantStatus.ACTIVE).ifPresent(g -> {
                LocalDate effectiveOn = market.today.plusMonths(months % 14 - 1);
                if (effectiveOn.isBefore(g.scope().end())) {
                    market.replace(g.terminate(effectiveOn));
                }
            });
        }
    }

    /** A pledgee releases its pledge. */
    record Release(int grant) implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            market.pick(grant)
                    .filter(g -> g.type() == GrantType.PLEDGE && g.status() == GrantStatus.ACTIVE)
                    .ifPresent(g -> market.replace(g.release()));
        }
    }

    /** A grant is recorded as expired. */
    record Expire(int grant) implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            market.pick(grant).filter(g -> g.status() == GrantStatus.ACTIVE).ifPresent(g -> market.replace(g.expire()));
        }
    }

    /** The owners declare an open licence, if the checker allows it. */
    record Declare() implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            if (market.checker
                    .checkOpenLicenceDeclaration(market.asset, market.grants, market.asset.owners(), market.today)
                    .grantable()) {
                market.asset = market.asset.withOpenLicenceDeclared(true);
            }
        }
    }

    /** The owners withdraw the open licence. */
    record Withdraw() implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            market.asset = market.asset.withOpenLicenceDeclared(false);
        }
    }

    /** Time passes. */
    record Advance(int months) implements Command {
        @Override
        public void applyTo(MarketSimulation market) {
            market.today = market.today.plusMonths(months);
        }
    }

    /** Five to eighty commands, most of them proposals; licences are proposed far more often than pledges. */
    static List<Command> randomCommands(Random r) {
        int size = 5 + r.nextInt(76);
        List<Command> commands = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int kind = r.nextInt(19);
            int a = r.nextInt(1000);
            int b = r.nextInt(1000);
            if (kind < 12) {
                commands.add(new Propose(
                        proposedType(r),
                        RandomRights.scope(r, RandomRights::monthTerm),
                        r.nextBoolean(),
                        r.nextBoolean(),
                        a,
                        b,
                        r.nextInt(1000)));
            } else if (kind < 15) {
                commands.add(new Terminate(a, b));
            } else if (kind == 15) {
                commands.add(new Release(a));
            } else if (kind == 16) {
                commands.add(new Expire(a));
            } else if (kind == 17) {
                commands.add(r.nextBoolean() ? new Declare() : new Withdraw());
            } else {
                commands.add(new Advance(1 + r.nextInt(6)));
            }
        }
        return commands;
    }

    /** Mostly licences: every pledge blocks later grants made without consent, so pledges are kept rarer. */
    private static GrantType proposedType(Random r) {
        return RandomRights.oneOf(
                r,
                GrantType.EXCLUSIVE_LICENCE,
                GrantType.EXCLUSIVE_LICENCE,
                GrantType.EXCLUSIVE_LICENCE,
                GrantType.SOLE_LICENCE,
                GrantType.SOLE_LICENCE,
                GrantType.NON_EXCLUSIVE_LICENCE,
                GrantType.NON_EXCLUSIVE_LICENCE,
                GrantType.NON_EXCLUSIVE_LICENCE,
                GrantType.NON_EXCLUSIVE_LICENCE,
                GrantType.OPEN_LICENCE,
                GrantType.OPEN_LICENCE,
                GrantType.OPEN_LICENCE,
                GrantType.ASSIGNMENT,
                GrantType.PLEDGE);
    }

    /** No two grants in force conflict; sublicences lie in their parents; a declaration has no exclusive beside it. */
    void assertNoConflictInForce() {
        for (int later = 0; later < grants.size(); later++) {
            Grant b = grants.get(later);
            Optional<GrantScope> heldByB = NaiveConflictChecker.effectiveScope(b);
            if (heldByB.isEmpty()) {
                continue;
            }
            for (int earlier = 0; earlier < later; earlier++) {
                Grant a = grants.get(earlier);
                NaiveConflictChecker.effectiveScope(a)
                        .ifPresent(heldByA -> assertCompatible(a, heldByA, b, heldByB.get()));
            }
            b.parentGrantId()
                    .map(this::find)
                    .ifPresent(parent -> assertThat(Scopes.contains(parent.scope(), b.scope()))
                            .as("sublicence %s lies inside %s", b.id(), parent.id())
                            .isTrue());
        }
        if (asset.openLicenceDeclared()) {
            assertThat(grants)
                    .noneMatch(g -> g.type().isExclusiveKind()
                            && NaiveConflictChecker.effectiveTerm(g)
                                    .filter(t -> t.end().isAfter(today))
                                    .isPresent());
        }
    }

    private void assertCompatible(Grant a, GrantScope heldByA, Grant b, GrantScope heldByB) {
        boolean exclusivityAtStake = a.type().isLicence()
                && b.type().isLicence()
                && (a.type().isExclusiveKind() || b.type().isExclusiveKind());
        if (exclusivityAtStake && Scopes.overlaps(heldByA, heldByB)) {
            assertThat(exclusiveAncestorsOf(b))
                    .as("%s and %s overlap in force", a, b)
                    .contains(a.id());
        }
        boolean encumbered = a.type() == GrantType.PLEDGE && (b.type().isLicence() || b.type() == GrantType.ASSIGNMENT);
        if (encumbered && Scopes.term(heldByA).overlaps(Scopes.term(heldByB))) {
            assertThat(b.pledgeeConsent())
                    .as("%s granted under pledge %s without consent", b.id(), a.id())
                    .isTrue();
        }
    }

    private Set<String> exclusiveAncestorsOf(Grant grant) {
        Set<String> ancestors = new HashSet<>();
        for (Optional<String> next = grant.parentGrantId(); next.isPresent(); ) {
            Grant ancestor = find(next.get());
            if (ancestor.type().isExclusiveKind()) {
                ancestors.add(ancestor.id());
            }
            next = ancestor.parentGrantId();
        }
        return ancestors;
    }

    private Optional<Grant> pick(int index) {
        return grants.isEmpty() ? Optional.empty() : Optional.of(grants.get(index % grants.size()));
    }

    private Grant find(String id) {
        return grants.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private void replace(Grant changed) {
        grants.replaceAll(g -> g.id().equals(changed.id()) ? changed : g);
    }

    /** The generated scope moved forward by the time that has passed, so proposals keep landing around today. */
    private GrantScope shiftedToToday(GrantScope scope) {
        long days = BASE.until(today, java.time.temporal.ChronoUnit.DAYS);
        return new GrantScope(
                scope.fields(),
                scope.territories(),
                scope.start().plusDays(days),
                scope.end().plusDays(days));
    }

    /** The scope, starting no earlier than today where that leaves a term. */
    private GrantScope fromToday(GrantScope scope) {
        if (!scope.start().isBefore(today) || !today.isBefore(scope.end())) {
            return scope;
        }
        return new GrantScope(scope.fields(), scope.territories(), today, scope.end());
    }
}
