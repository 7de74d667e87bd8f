package org.techmarket.asset.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;
import org.techmarket.shared.Rejection;

/** An assignment moves the assignors' whole shares to the assignee; the other co-owners keep theirs. */
class AssetAssignmentTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant ASSIGNED = Instant.parse("2026-03-01T09:30:00Z");

    private static Asset ownedBy(OwnerShare... owners) {
        Asset.AssetDetails details = new Asset.AssetDetails(
                AssetKind.INVENTION_PATENT,
                "Title",
                "Abstract",
                "en",
                Optional.of("US7861515"),
                List.of("G06N 3/08"),
                List.of(),
                LegalStatus.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(LocalDate.of(2039, 3, 1)),
                5);
        return new Asset("asset-1", details, List.of(owners), "uni", REGISTERED, REGISTERED, 3);
    }

    @Test
    void aSoleOwnerAssignsTheWholeAsset() {
        Asset assigned = ownedBy(new OwnerShare("uni", 10_000)).assignedTo("maker", Set.of("uni"), ASSIGNED);

        assertThat(assigned.owners()).containsExactly(new OwnerShare("maker", 10_000));
        assertThat(assigned.version()).isEqualTo(4);
        assertThat(assigned.updatedAt()).isEqualTo(ASSIGNED);
        assertThat(assigned.createdAt()).isEqualTo(REGISTERED);
    }

    @Test
    void allCoOwnersTogetherAssignTheWholeAsset() {
        Asset assigned = ownedBy(new OwnerShare("uni", 6_000), new OwnerShare("institute", 4_000))
                .assignedTo("maker", Set.of("uni", "institute"), ASSIGNED);

        assertThat(assigned.owners()).containsExactly(new OwnerShare("maker", 10_000));
    }

    @Test
    void oneCoOwnerAssignsOnlyItsOwnShare() {
        Asset assigned = ownedBy(new OwnerShare("uni", 6_000), new OwnerShare("institute", 4_000))
                .assignedTo("maker", Set.of("uni"), ASSIGNED);

        assertThat(assigned.owners())
                .containsExactlyInAnyOrder(new OwnerShare("maker", 6_000), new OwnerShare("institute", 4_000));
    }

    @Test
    void anAssigneeThatAlreadyOwnsAShareHoldsBothShares() {
        Asset assigned = ownedBy(
                        new OwnerShare("uni", 5_000),
                        new OwnerShare("institute", 3_000),
                        new OwnerShare("maker", 2_000))
                .assignedTo("maker", Set.of("institute"), ASSIGNED);

        assertThat(assigned.owners())
                .containsExactlyInAnyOrder(new OwnerShare("maker", 5_000), new OwnerShare("uni", 5_000));
        assertThat(assigned.owners().stream().mapToInt(OwnerShare::hundredths).sum())
                .isEqualTo(OwnerShare.WHOLE);
    }

    @Test
    void onlyOwnersAssignAndNobodyAssignsToItself() {
        Asset asset = ownedBy(new OwnerShare("uni", 10_000));

        assertThat(catchThrowableOfType(Rejection.class, () -> asset.assignedTo("maker", Set.of("stranger"), ASSIGNED))
                        .code())
                .isEqualTo("ASSIGNOR_NOT_OWNER");
        assertThat(catchThrowableOfType(Rejection.class, () -> asset.assignedTo("uni", Set.of("uni"), ASSIGNED))
                        .code())
                .isEqualTo("INVALID_ASSIGNMENT");
        assertThat(catchThrowableOfType(Rejection.class, () -> asset.assignedTo("maker", Set.of(), ASSIGNED))
                        .code())
                .isEqualTo("INVALID_ASSIGNMENT");
    }
}
