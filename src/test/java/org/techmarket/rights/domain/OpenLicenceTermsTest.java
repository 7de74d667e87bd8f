package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class OpenLicenceTermsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
    private static final Royalty LUMP = new Royalty.LumpSum(new Money(100, "CNY"));

    @Test
    void aLicenceRunsOnePeriodFromItsStartOverTheDeclaredScope() {
        OpenLicenceTerms terms = new OpenLicenceTerms(
                LUMP,
                LicencePeriod.of(11, null),
                Optional.of(
                        new OpenLicenceTerms.Restriction(Set.of(FieldOfUse.of("H01M")), Set.of(new Territory("CN")))));

        GrantScope scope = terms.scopeFrom(TODAY, Optional.of(LocalDate.of(2040, 1, 1)));

        assertThat(Scopes.term(scope)).isEqualTo(new Term(TODAY, LocalDate.of(2027, 2, 28)));
        assertThat(scope.fields()).containsExactly("H01M");
        assertThat(scope.territories()).containsExactly("CN");
    }

    @Test
    void withoutARestrictionEveryFieldWorldWideIsCoveredAndProtectionCutsTheTermShort() {
        OpenLicenceTerms terms = new OpenLicenceTerms(LUMP, LicencePeriod.of(null, 400), Optional.empty());

        GrantScope scope = terms.scopeFrom(TODAY, Optional.of(TODAY.plusDays(30)));

        assertThat(scope).isEqualTo(GrantScope.unrestricted(TODAY, TODAY.plusDays(30)));
        assertThat(terms.scopeFrom(TODAY, Optional.empty()).end()).isEqualTo(TODAY.plusDays(400));
        assertThat(terms.scopeFrom(TODAY, Optional.of(TODAY)).end())
                .as("protection already over: the full period is kept and the checker says why it cannot be taken")
                .isEqualTo(TODAY.plusDays(400));
    }

    @Test
    void aPeriodIsExactlyOneOfMonthsAndDaysWithinFiftyYears() {
        for (Integer[] wrong :
                new Integer[][] {{null, null}, {12, 30}, {0, null}, {null, 0}, {601, null}, {null, 18_301}, {-1, null}
                }) {
            assertThatThrownBy(() -> LicencePeriod.of(wrong[0], wrong[1]))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_LICENCE_TERM"));
        }
        assertThat(LicencePeriod.of(600, null).endFrom(TODAY)).isEqualTo(TODAY.plusYears(50));
    }

    @Test
    void aRestrictionNeedsFieldsAndTerritories() {
        assertThatThrownBy(() -> new OpenLicenceTerms.Restriction(Set.of(), Set.of(Territory.WORLD)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_SCOPE"));
        assertThatThrownBy(() -> new OpenLicenceTerms.Restriction(Set.of(FieldOfUse.ALL), Set.of()))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_SCOPE"));
    }

    @Test
    void aDeclarationIsWithdrawnOnce() {
        OpenLicenceDeclaration declared = OpenLicenceDeclaration.declare(
                "d-1",
                "a-1",
                "org",
                new OpenLicenceTerms(LUMP, LicencePeriod.of(12, null), Optional.empty()),
                List.of("QUANTUM_INFORMATION"),
                Instant.EPOCH);
        OpenLicenceDeclaration withdrawn = declared.withdraw(Instant.EPOCH.plusSeconds(5));

        assertThat(withdrawn.status()).isEqualTo(OpenLicenceDeclaration.Status.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).contains(Instant.EPOCH.plusSeconds(5));
        assertThatThrownBy(() -> withdrawn.withdraw(Instant.EPOCH.plusSeconds(9)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("OPEN_LICENCE_WITHDRAWN"));
    }
}
