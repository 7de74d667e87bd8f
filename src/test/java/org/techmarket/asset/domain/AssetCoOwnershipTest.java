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

/**
 * A registration naming other owners waits for each to confirm; one declining voids it; an upheld dispute gives the
 * whole asset to the claimant.
 */
class AssetCoOwnershipTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-06T08:00:00Z");
    private static final Asset.AssetDetails DETAILS = new Asset.AssetDetails(
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

    private static Asset registeredBy(String registrant, OwnerShare... owners) {
        return Asset.registered("asset-1", DETAILS, List.of(owners), registrant, REGISTERED);
    }

    @Test
    void aSoleOwnersRegistrationIsConfirmedAtOnce() {
        Asset asset = registeredBy("uni", new OwnerShare("uni", 10_000));
        assertThat(asset.registration()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(asset.refusalToTrade()).isEmpty();
    }

    @Test
    void theRegistrationIsConfirmedWhenTheLastNamedCoOwnerConfirms() {
        Asset asset = registeredBy(
                "uni", new OwnerShare("uni", 5_000), new OwnerShare("lab", 3_000), new OwnerShare("maker", 2_000));
        assertThat(asset.registration()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(asset.pendingOwners()).containsExactly("lab", "maker");
        assertThat(asset.refusalToTrade()).get().extracting(Rejection::code).isEqualTo("CO_OWNERS_NOT_CONFIRMED");

        Asset one = asset.confirmedBy("lab", LATER);
        assertThat(one.registration()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(one.version()).isEqualTo(2);
        Asset all = one.confirmedBy("maker", LATER);
        assertThat(all.registration()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(all.pendingOwners()).isEmpty();
        assertThat(all.refusalToTrade()).isEmpty();
    }

    @Test
    void oneDeclinationVoidsTheRegistration() {
        Asset asset = registeredBy("uni", new OwnerShare("uni", 5_000), new OwnerShare("lab", 5_000));
        Asset declined = asset.declinedBy("lab", LATER);
        assertThat(declined.registration()).isEqualTo(RegistrationStatus.DECLINED);
        assertThat(declined.refusalToTrade()).get().extracting(Rejection::code).isEqualTo("REGISTRATION_DECLINED");
        assertThat(catchThrowableOfType(Rejection.class, () -> declined.confirmedBy("lab", LATER))
                        .code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(catchThrowableOfType(Rejection.class, () -> declined.correctedTo("claimant", LATER))
                        .code())
                .isEqualTo("REGISTRATION_DECLINED");
    }

    @Test
    void onlyANamedOwnerThatHasNotConfirmedAnswers() {
        Asset asset = registeredBy("uni", new OwnerShare("uni", 5_000), new OwnerShare("lab", 5_000));
        assertThat(catchThrowableOfType(Rejection.class, () -> asset.confirmedBy("stranger", LATER))
                        .code())
                .isEqualTo("NOT_A_CO_OWNER");
        assertThat(catchThrowableOfType(Rejection.class, () -> asset.declinedBy("uni", LATER))
                        .code())
                .isEqualTo("CO_OWNERSHIP_ALREADY_CONFIRMED");
    }

    @Test
    void anAssigneeHoldsAConfirmedShareAndAnUpheldClaimantTheWholeAsset() {
        Asset asset = registeredBy("uni", new OwnerShare("uni", 6_000), new OwnerShare("lab", 4_000))
                .confirmedBy("lab", LATER);
        Asset assigned = asset.assignedTo("maker", Set.of("lab"), LATER);
        assertThat(assigned.confirmedOwners()).containsExactlyInAnyOrder("uni", "maker");
        assertThat(assigned.registration()).isEqualTo(RegistrationStatus.CONFIRMED);

        Asset corrected = asset.correctedTo("claimant", LATER);
        assertThat(corrected.owners()).containsExactly(new OwnerShare("claimant", OwnerShare.WHOLE));
        assertThat(corrected.confirmedOwners()).containsExactly("claimant");
        assertThat(corrected.version()).isEqualTo(asset.version() + 1);
    }
}
