package org.techmarket.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.participant.LegalIdentity;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationType;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");

    private static Organization of(OrganizationType type, Optional<String> creditCode, Optional<String> identity) {
        return new Organization(
                "org-1",
                "张明",
                type,
                creditCode,
                identity,
                "110000",
                OrganizationStatus.PENDING,
                "venue-1",
                NOW,
                NOW,
                0,
                OrganizationParticulars.NONE);
    }

    @Test
    void anIndividualIsNamedByTheirIdentityNumberAndShownMasked() {
        Organization person = of(OrganizationType.INDIVIDUAL, Optional.empty(), Optional.of("11010519491231002X"));
        assertThat(person.legalIdentity()).contains(LegalIdentity.residentId("11010519491231002X"));
        assertThat(person.maskedIdentityNumber()).contains("**************002X");
        assertThat(person.toString()).contains("**************002X").doesNotContain("11010519491231002X");
        assertThat(person.withStatus(OrganizationStatus.VERIFIED, NOW).identityNumber())
                .isEqualTo(person.identityNumber());
        assertThat(LegalIdentity.residentId("11010519491231002X").toString()).doesNotContain("11010519491231002X");
    }

    @Test
    void anOrganizationIsNamedByItsCreditCodeAndAnIndividualWithoutANumberByNothing() {
        Organization company = of(OrganizationType.ENTERPRISE, Optional.of("914403001922038216"), Optional.empty());
        assertThat(company.legalIdentity()).contains(LegalIdentity.creditCode("914403001922038216"));
        assertThat(company.legalIdentity().orElseThrow().shown()).isEqualTo("914403001922038216");
        assertThat(of(OrganizationType.INDIVIDUAL, Optional.empty(), Optional.empty())
                        .legalIdentity())
                .isEmpty();
    }
}
