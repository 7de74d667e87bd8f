package org.techmarket.asset.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.techmarket.asset.AssetInput;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;
import org.techmarket.shared.Rejection;

class AssetRulesTest {

    private static AssetInput patent(List<AssetInput.OwnerInput> owners) {
        return new AssetInput(
                AssetKind.INVENTION_PATENT,
                "Title",
                "Abstract",
                "en",
                "US7861515",
                List.of("G06N3/08"),
                List.of("ARTIFICIAL_INTELLIGENCE"),
                owners,
                LegalStatus.GRANTED,
                LocalDate.of(2007, 7, 13),
                LocalDate.of(2011, 1, 4),
                LocalDate.of(2027, 7, 13),
                5);
    }

    private static List<String> fieldsOf(AssetInput input) {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> AssetRules.validate(input));
        return rejection.errors().stream().map(Rejection.FieldError::field).toList();
    }

    @Test
    void aValidPatentIsNormalised() {
        AssetRules.Valid valid = AssetRules.validate(patent(List.of(new AssetInput.OwnerInput("a", "100"))));
        assertThat(valid.details().ipc()).containsExactly("G06N 3/08");
        assertThat(valid.details().patentNumber()).contains("US7861515");
        assertThat(valid.owners()).containsExactly(new OwnerShare("a", 10_000));
    }

    @Test
    void sharesAddUpExactlyInHundredths() {
        AssetRules.Valid valid = AssetRules.validate(patent(List.of(
                new AssetInput.OwnerInput("a", "33.33"),
                new AssetInput.OwnerInput("b", "33.33"),
                new AssetInput.OwnerInput("c", "33.34"))));
        assertThat(valid.owners()).extracting(OwnerShare::percent).containsExactly("33.33", "33.33", "33.34");

        assertThat(fieldsOf(patent(
                        List.of(new AssetInput.OwnerInput("a", "33.33"), new AssetInput.OwnerInput("b", "66.66")))))
                .containsExactly("owners");
        assertThat(fieldsOf(patent(List.of(new AssetInput.OwnerInput("a", "100.001")))))
                .containsExactly("owners[0].share");
        assertThat(fieldsOf(
                        patent(List.of(new AssetInput.OwnerInput("a", "-5"), new AssetInput.OwnerInput("b", "105")))))
                .containsExactly("owners[0].share", "owners[1].share");
        assertThat(fieldsOf(patent(List.of(new AssetInput.OwnerInput("a", "1e2")))))
                .containsExactly("owners[0].share");
        assertThat(fieldsOf(
                        patent(List.of(new AssetInput.OwnerInput("a", "50"), new AssetInput.OwnerInput("a", "50")))))
                .containsExactly("owners[1].organizationId");
        assertThat(fieldsOf(patent(List.of()))).containsExactly("owners");
    }

    @Test
    void datesMustBeInOrder() {
        AssetInput in = patent(List.of(new AssetInput.OwnerInput("a", "100")));
        AssetInput backwards = new AssetInput(
                in.kind(),
                in.title(),
                in.abstractText(),
                in.language(),
                in.patentNumber(),
                in.ipc(),
                in.industries(),
                in.owners(),
                in.legalStatus(),
                LocalDate.of(2011, 1, 1),
                LocalDate.of(2010, 1, 1),
                LocalDate.of(2009, 1, 1),
                in.trl());
        assertThat(fieldsOf(backwards)).containsExactlyInAnyOrder("grantedOn", "expiresOn", "expiresOn");
    }

    @Test
    void everythingMissingIsReportedAtOnce() {
        AssetInput empty = new AssetInput(null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fieldsOf(empty))
                .containsExactlyInAnyOrder("kind", "title", "abstract", "language", "legalStatus", "trl", "owners");
    }
}
