package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Only a verified organization registers a patent, and a patent number is registered once, even at once. */
class PatentRegistrationIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private OwnershipKit kit;

    @BeforeEach
    void kit() {
        kit = new OwnershipKit(api, jdbc);
    }

    @Test
    void aPendingOrganizationCannotClaimAPatentSoItsRealOwnerStillCan() {
        Org pending = fixtures.registerOrg("ENTERPRISE");
        String number = Fixtures.uniqueCnPatentNumber();

        Api.Response refused = kit.register(pending, Fixtures.patentAsset(pending.id(), number));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");
        assertThat(api.get("/api/v1/assets?owner=" + pending.id(), null)
                        .json()
                        .path("items")
                        .size())
                .isZero();

        Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response registered = kit.register(owner, Fixtures.patentAsset(owner.id(), number));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.text("registration")).isEqualTo("CONFIRMED");
    }

    @Test
    void aPendingOrganizationStillRegistersWhatIsNotAPatentButCannotTurnItIntoOne() {
        Org pending = fixtures.registerOrg("ENTERPRISE");
        Api.Response registered = kit.register(pending, Fixtures.knowHowAsset(pending.id()));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);

        Api.Response turnedPatent = api.put(
                "/api/v1/assets/" + registered.text("id"),
                pending.token(),
                Fixtures.patentAsset(pending.id(), Fixtures.uniqueCnPatentNumber()),
                registered.header("ETag"));
        assertThat(turnedPatent.status())
                .as("nor does it claim one by changing an asset")
                .isEqualTo(403);
        assertThat(turnedPatent.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");
        assertThat(kit.asset(registered.text("id")).text("kind")).isEqualTo("KNOW_HOW");
    }

    @Test
    void twoOrganizationsRegisteringOnePatentAtOnceOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String number = Fixtures.uniqueCnPatentNumber();
            List<Org> claimants = List.of(
                    fixtures.verifiedOrg("UNIVERSITY"),
                    fixtures.verifiedOrg("ENTERPRISE"),
                    fixtures.verifiedOrg("RESEARCH_INSTITUTE"));
            CyclicBarrier start = new CyclicBarrier(claimants.size());
            List<CompletableFuture<Api.Response>> racing = new ArrayList<>();
            for (Org claimant : claimants) {
                racing.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return kit.register(claimant, Fixtures.patentAsset(claimant.id(), number));
                }));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (CompletableFuture<Api.Response> answer : racing) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers)
                    .filteredOn(a -> a.status() == 201)
                    .as(answers.toString())
                    .hasSize(1);
            assertThat(answers)
                    .filteredOn(a -> a.status() == 409)
                    .extracting(Api.Response::code)
                    .containsOnly("ASSET_EXISTS")
                    .hasSize(claimants.size() - 1);
        }
    }
}
