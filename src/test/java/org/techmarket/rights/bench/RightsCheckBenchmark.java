package org.techmarket.rights.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.domain.AssetRights;
import org.techmarket.rights.domain.AssetStatus;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.ConflictChecker;
import org.techmarket.rights.domain.FieldOfUse;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.ProposedGrant;
import org.techmarket.rights.domain.Scopes;
import org.techmarket.rights.domain.Term;
import org.techmarket.rights.domain.Territory;

/**
 * Checking one proposed grant against an asset holding 100 or 10,000 grants in force, against the
 * baseline of merely iterating the same grants (summing one date of each) without the algebra.
 *
 * <p>The book is a regional licensing programme: every grant holds one IPC main group in one Chinese city
 * or one country, each in its own cell, so all of them are in force together. The proposal is an exclusive
 * licence in a free field world-wide over a term that overlaps every grant, so every grant goes through
 * the type, term, territory and field tests: the slowest path there is.
 *
 * <p>Run it from the project root (never in the test phase; surefire excludes {@code *Benchmark}):
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.rights.bench.RightsCheckBenchmark
 * </pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RightsCheckBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final String OWNER = "org-university";
    private static final String[] SUBCLASSES = {
        "G06N", "G06F", "G06T", "G06Q", "H04L", "H04W", "H04N", "H01M", "B25J", "B60L", "A61K", "A61B", "C12N", "G01N",
        "G05B", "F03D", "H02J", "B33Y", "G16H", "C07D"
    };
    private static final int MAIN_GROUPS_PER_SUBCLASS = 10;

    @Param({"100", "10000"})
    public int grantsOnAsset;

    private final ConflictChecker checker = new ConflictChecker();
    private AssetRights asset;
    private List<Grant> grants;
    private ProposedGrant proposal;

    @Setup
    public void buildTheAsset() {
        asset = AssetRights.ownedBy(OWNER, AssetStatus.GRANTED, Optional.of(LocalDate.of(2046, 3, 1)));
        List<FieldOfUse> fields = mainGroups();
        List<Territory> territories = citiesAndCountries();
        grants = new ArrayList<>(grantsOnAsset);
        for (int i = 0; i < grantsOnAsset; i++) {
            FieldOfUse field = fields.get(i % fields.size());
            Territory territory = territories.get(i / fields.size());
            LocalDate start = TODAY.plusDays(i % 365);
            GrantScope scope = Scopes.of(Set.of(field), Set.of(territory), new Term(start, start.plusYears(3 + i % 8)));
            grants.add(new ProposedGrant(
                            typeOf(i), Set.of(OWNER), "org-licensee-" + i, scope, i % 3 == 0, false, Optional.empty())
                    .toGrant("grant-" + i));
        }
        GrantScope freeFieldWorldwide = Scopes.of(
                Set.of(FieldOfUse.of("A01B 1/00")),
                Set.of(Territory.WORLD),
                new Term(TODAY.plusDays(30), TODAY.plusYears(10)));
        proposal = new ProposedGrant(
                GrantType.EXCLUSIVE_LICENCE,
                Set.of(OWNER),
                "org-newcomer",
                freeFieldWorldwide,
                false,
                false,
                Optional.empty());
        CheckResult sanity = checker.checkGrant(asset, grants, proposal, TODAY);
        if (!sanity.grantable()) {
            throw new IllegalStateException("the benchmark proposal should be grantable: " + sanity.conflicts());
        }
    }

    @Benchmark
    public CheckResult checkOneGrant() {
        return checker.checkGrant(asset, grants, proposal, TODAY);
    }

    @Benchmark
    public long iterateWithoutTheAlgebra() {
        long sum = 0;
        for (Grant grant : grants) {
            sum += grant.scope().end().toEpochDay();
        }
        return sum;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(RightsCheckBenchmark.class.getName())
                        .forks(1)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(1))
                        .build())
                .run();
    }

    /** Roughly what a real programme looks like: mostly non-exclusive, some exclusive or sole, some open. */
    private static GrantType typeOf(int i) {
        return switch (i % 10) {
            case 0, 1 -> GrantType.EXCLUSIVE_LICENCE;
            case 2 -> GrantType.SOLE_LICENCE;
            case 3, 4 -> GrantType.OPEN_LICENCE;
            default -> GrantType.NON_EXCLUSIVE_LICENCE;
        };
    }

    private static List<FieldOfUse> mainGroups() {
        List<FieldOfUse> fields = new ArrayList<>();
        for (String subclass : SUBCLASSES) {
            for (int group = 1; group <= MAIN_GROUPS_PER_SUBCLASS; group++) {
                fields.add(FieldOfUse.of(subclass + " " + group + "/00"));
            }
        }
        return fields;
    }

    /** 31 provinces × 20 city codes, then the countries other than China: enough distinct cells for 10,000 grants. */
    private static List<Territory> citiesAndCountries() {
        List<Territory> territories = new ArrayList<>();
        int[] provinces = {
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
            62, 63, 64, 65
        };
        for (int province : provinces) {
            for (int city = 1; city <= 20; city++) {
                territories.add(new Territory(String.format("%02d%02d00", province, city)));
            }
        }
        for (String country : java.util.Locale.getISOCountries()) {
            if (!country.equals("CN")) {
                territories.add(new Territory(country));
            }
        }
        return territories;
    }
}
