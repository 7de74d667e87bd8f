package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.deal.domain.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class PartyTest {

    private static void refused(String code, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", code)
                .satisfies(e -> assertThat(((Rejection) e).errors())
                        .extracting(Rejection.FieldError::field)
                        .containsExactly("identifier"));
    }

    private static Party person(String identityNumber) {
        return Party.naturalPerson("p", "张明", identityNumber, "110000");
    }

    @Test
    void anOrganizationIsNamedByItsCreditCodeAndShownInFull() {
        assertThat(SELLER.identifierKind()).isEqualTo(Party.IdentifierKind.CREDIT_CODE);
        assertThat(SELLER.isNaturalPerson()).isFalse();
        assertThat(SELLER.shownIdentifier()).isEqualTo(SELLER.identifier());
    }

    @Test
    void anIndividualIsANaturalPersonNamedByTheirIdentityNumberWhichIsShownMasked() {
        assertThat(INVENTOR.identifierKind()).isEqualTo(Party.IdentifierKind.RESIDENT_ID);
        assertThat(INVENTOR.isNaturalPerson()).isTrue();
        assertThat(INVENTOR.identifier()).isEqualTo("11010519491231002X");
        assertThat(INVENTOR.shownIdentifier()).isEqualTo("**************002X");
        assertThat(INVENTOR.toString()).contains("**************002X").doesNotContain("11010519491231002X");
    }

    @Test
    void eachKindOfIdentifierIsCheckedByItsOwnStandard() {
        refused("INVALID_IDENTITY_NUMBER", () -> person("110105194912310021"));
        refused("INVALID_IDENTITY_NUMBER", () -> person("11010519491331002X"));
        refused("INVALID_IDENTITY_NUMBER", () -> person(SELLER.identifier()));
        refused("FIELD_REQUIRED", () -> person(" "));
        refused("TEXT_TOO_LONG", () -> person(INVENTOR.identifier() + "0"));
        refused("INVALID_CREDIT_CODE", () -> Party.organization("o", "某公司", INVENTOR.identifier(), "110000"));
        assertThatThrownBy(() -> new Party("p", "张明", null, INVENTOR.identifier(), "110000"))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "FIELD_REQUIRED");
    }

    @Test
    void thePartyIsTheSameByOrganizationOrByIdentifierOfTheSameKind() {
        assertThat(INVENTOR.isSameAs(Party.naturalPerson("another-org", "张明", INVENTOR.identifier(), "440300")))
                .isTrue();
        assertThat(INVENTOR.isSameAs(
                        Party.naturalPerson(INVENTOR.organizationId(), "张明", "440524188001010014", "440300")))
                .isTrue();
        assertThat(INVENTOR.isSameAs(Party.naturalPerson("another-org", "张明", "440524188001010014", "440300")))
                .isFalse();
        assertThat(INVENTOR.isSameAs(SELLER)).isFalse();
    }
}
