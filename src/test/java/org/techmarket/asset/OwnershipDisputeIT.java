package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * An organization contests a registration with evidence; while the dispute is open the asset is neither listed nor
 * licensed nor assigned, and an operator decides it: dismissed, nothing changes; upheld, the claimant owns the asset
 * and the former owner's listings and open licence end as after an assignment.
 */
class OwnershipDisputeIT extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    JdbcClient jdbc;

    private OwnershipKit kit;

    @BeforeEach
    void kit() {
        kit = new OwnershipKit(api, jdbc);
    }

    @Test
    void whileContestedTheAssetIsFrozenAndADismissalFreesIt() {
        Org registrant = fixtures.verifiedOrg("ENTERPRISE");
        Org claimant = fixtures.verifiedOrg("UNIVERSITY");
        Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String id = kit.registered(registrant, Fixtures.patentAsset(registrant.id(), Fixtures.uniqueCnPatentNumber()));

        Api.Response filed = kit.contest(claimant, id, OwnershipKit.claim());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("OPEN");
        assertThat(filed.header("Location")).endsWith("/api/v1/ownership-disputes/" + filed.text("id"));
        assertThat(filed.json().path("respondents").get(0).asString()).isEqualTo(registrant.id());
        String dispute = filed.text("id");

        for (Api.Response refused : new Api.Response[] {
            kit.list(registrant, id),
            kit.license(registrant, id, licensee.id()),
            kit.assign(registrant, id, licensee.id()),
            kit.declareOpenLicence(registrant, id)
        }) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("OWNERSHIP_CONTESTED");
            assertThat(refused.text()).contains(dispute);
        }

        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, registrant.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, claimant.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, ADMIN_TOKEN).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, licensee.token())
                        .status())
                .isEqualTo(404);

        Api.Response byParty = kit.decide(claimant.token(), dispute, "UPHELD", "I say so");
        assertThat(byParty.status()).isEqualTo(403);
        Api.Response noReason = kit.decide(ADMIN_TOKEN, dispute, "DISMISSED", " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("INVALID_REASON");
        Api.Response open = kit.decide(ADMIN_TOKEN, dispute, "OPEN", "Still open");
        assertThat(open.code()).isEqualTo("INVALID_OUTCOME");

        Api.Response dismissed = kit.decide(ADMIN_TOKEN, dispute, "DISMISSED", "The assignment deed is forged");
        assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
        assertThat(dismissed.text("status")).isEqualTo("DISMISSED");
        assertThat(dismissed.text("reason")).isEqualTo("The assignment deed is forged");
        Api.Response again = kit.decide(ADMIN_TOKEN, dispute, "UPHELD", "On second thoughts");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DISPUTE_ALREADY_DECIDED");

        assertThat(kit.asset(id)
                        .json()
                        .path("owners")
                        .get(0)
                        .path("organizationId")
                        .asString())
                .isEqualTo(registrant.id());
        assertThat(kit.license(registrant, id, licensee.id()).status()).isEqualTo(201);
        assertThat(kit.audited(id)).containsSubsequence("OwnershipDisputeFiled", "OwnershipDisputeDecided");
    }

    @Test
    void aContestIsRefusedWhenItCannotBeHeard() {
        Org registrant = fixtures.verifiedOrg("ENTERPRISE");
        Org claimant = fixtures.verifiedOrg("UNIVERSITY");
        String id = kit.registered(registrant, Fixtures.patentAsset(registrant.id(), Fixtures.uniqueCnPatentNumber()));

        Api.Response byOwner = kit.contest(registrant, id, OwnershipKit.claim());
        assertThat(byOwner.status()).isEqualTo(409);
        assertThat(byOwner.code()).isEqualTo("CLAIMANT_IS_OWNER");
        Api.Response byPending = kit.contest(fixtures.registerOrg("UNIVERSITY"), id, OwnershipKit.claim());
        assertThat(byPending.status()).isEqualTo(403);
        assertThat(byPending.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");
        Api.Response noEvidence = kit.contest(claimant, id, Map.of("statement", "Ours", "evidence", List.of()));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.code()).isEqualTo("EVIDENCE_REQUIRED");
        Api.Response badHash = kit.contest(claimant, id, Map.of("statement", "Ours", "evidence", List.of("abc")));
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.code()).isEqualTo("INVALID_EVIDENCE_HASH");
        Api.Response noStatement = kit.contest(claimant, id, Map.of("evidence", List.of(OwnershipKit.EVIDENCE)));
        assertThat(noStatement.code()).isEqualTo("INVALID_STATEMENT");
        Api.Response unknown = kit.contest(claimant, "no-such-asset", OwnershipKit.claim());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(kit.list(registrant, id).status())
                .as("refused contests froze nothing")
                .isEqualTo(200);

        assertThat(kit.contest(claimant, id, OwnershipKit.claim()).status()).isEqualTo(201);
        Api.Response twice = kit.contest(claimant, id, OwnershipKit.claim());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("DISPUTE_ALREADY_OPEN");
    }

    @Test
    void anUpheldContestMakesTheClaimantTheOwnerAndEndsTheFormerOwnersListingsAndOpenLicence() throws Exception {
        Org registrant = fixtures.verifiedOrg("ENTERPRISE");
        Org claimant = fixtures.verifiedOrg("UNIVERSITY");
        String id = kit.registered(registrant, Fixtures.patentAsset(registrant.id(), Fixtures.uniqueCnPatentNumber()));
        String listing = kit.published(registrant, id);
        Api.Response declared = kit.declareOpenLicence(registrant, id);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);

        String dispute = kit.contest(claimant, id, OwnershipKit.claim()).text("id");
        Api.Response upheld = kit.decide(ADMIN_TOKEN, dispute, "UPHELD", "The claimant's filing receipt predates");
        assertThat(upheld.status()).as(upheld.text()).isEqualTo(200);
        assertThat(upheld.text("status")).isEqualTo("UPHELD");

        Api.Response asset = kit.asset(id);
        assertThat(asset.json().path("owners").size()).isEqualTo(1);
        assertThat(asset.json().path("owners").get(0).path("organizationId").asString())
                .isEqualTo(claimant.id());
        assertThat(asset.json().path("owners").get(0).path("share").asString()).isEqualTo("100.00");
        assertThat(asset.text("registration")).isEqualTo("CONFIRMED");
        Eventually.await(
                "the former owner's listing to end",
                PATIENCE,
                () -> "CANCELLED"
                        .equals(api.get("/api/v1/listings/" + listing, ADMIN_TOKEN)
                                .text("status")));
        assertThat(api.get("/api/v1/listings/" + listing, ADMIN_TOKEN).text("statusReason"))
                .contains(dispute);
        assertThat(kit.audited(id))
                .containsSubsequence("OwnershipDisputeFiled", "AssetOwnershipCorrected", "OwnershipDisputeDecided");

        Eventually.await(
                "the former owner's open licence to be withdrawn",
                PATIENCE,
                () -> kit.audited(id).contains("OpenLicenceWithdrawn"));
        Api.Response taken = api.post(
                "/api/v1/assets/" + id + "/open-licence/licences",
                fixtures.verifiedOrg("ENTERPRISE").token(),
                Map.of());
        assertThat(taken.code()).as("the former owner's offer binds nobody").isEqualTo("OPEN_LICENCE_NOT_DECLARED");

        Api.Response former = kit.tryDraft(registrant, id);
        assertThat(former.status()).isEqualTo(403);
        assertThat(former.code()).isEqualTo("NOT_ASSET_OWNER");
        assertThat(kit.list(claimant, id).status())
                .as("the owner of record lists it")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, registrant.token())
                        .status())
                .as("the former owner still reads the decision")
                .isEqualTo(200);
    }
}
