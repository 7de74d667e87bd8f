package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * An organization named as a co-owner confirms its share before the asset can be listed, licensed or assigned; if
 * it declines, the registration is void and the patent number free for the right owners.
 */
class CoOwnershipIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private OwnershipKit kit;

    @BeforeEach
    void kit() {
        kit = new OwnershipKit(api, jdbc);
    }

    private static Map<String, String> shares(Org first, String firstShare, Org second, String secondShare) {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(first.id(), firstShare);
        owners.put(second.id(), secondShare);
        return owners;
    }

    @Test
    void untilANamedCoOwnerConfirmsTheAssetIsNeitherListedNorLicensedNorAssigned() {
        Org registrant = fixtures.verifiedOrg("UNIVERSITY");
        Org coOwner = fixtures.verifiedOrg("ENTERPRISE");
        Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String id = kit.registered(
                registrant,
                OwnershipKit.patent(Fixtures.uniqueCnPatentNumber(), shares(registrant, "50", coOwner, "50")));

        Api.Response pending = kit.asset(id);
        assertThat(pending.text("registration")).isEqualTo("PENDING");
        assertThat(pending.json().path("owners").findValues("confirmed").stream()
                        .map(n -> n.asBoolean()))
                .containsExactly(true, false);
        for (Api.Response refused : new Api.Response[] {
            kit.list(registrant, id),
            kit.license(registrant, id, licensee.id()),
            kit.assign(registrant, id, licensee.id()),
            kit.declareOpenLicence(registrant, id)
        }) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("CO_OWNERS_NOT_CONFIRMED");
            assertThat(refused.text()).contains(coOwner.id());
        }
        assertThat(api.get("/api/v1/assets/" + id + "/grants", registrant.token())
                        .json()
                        .path("items")
                        .size())
                .as("nothing was granted")
                .isZero();

        Api.Response stranger = kit.confirm(licensee, id);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("NOT_A_CO_OWNER");
        Api.Response registrantAgain = kit.confirm(registrant, id);
        assertThat(registrantAgain.status()).isEqualTo(409);
        assertThat(registrantAgain.code()).isEqualTo("CO_OWNERSHIP_ALREADY_CONFIRMED");

        Api.Response confirmed = kit.confirm(coOwner, id);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.text("registration")).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("owners").findValues("confirmed").stream()
                        .map(n -> n.asBoolean()))
                .containsOnly(true);
        Api.Response twice = kit.confirm(coOwner, id);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("CO_OWNERSHIP_ALREADY_CONFIRMED");
        Api.Response declinedLate = kit.decline(coOwner, id);
        assertThat(declinedLate.code())
                .as("a confirmed share is not declined later")
                .isEqualTo("CO_OWNERSHIP_ALREADY_CONFIRMED");

        Api.Response licensed = kit.license(registrant, id, licensee.id());
        assertThat(licensed.status())
                .as("all owners grant together, so one alone is still refused")
                .isEqualTo(409);
        assertThat(licensed.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(kit.audited(id)).containsExactly("AssetRegistered", "CoOwnershipConfirmed");
    }

    @Test
    void aSoleOwnersPatentTradesAtOnce() {
        Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String id = kit.registered(owner, Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(kit.asset(id).text("registration")).isEqualTo("CONFIRMED");
        assertThat(kit.list(owner, id).status()).isEqualTo(200);
    }

    @Test
    void onlyTheNamedOrganizationsAdminConfirms() {
        Org registrant = fixtures.verifiedOrg("UNIVERSITY");
        Org coOwner = fixtures.verifiedOrg("ENTERPRISE");
        String id = kit.registered(
                registrant,
                OwnershipKit.patent(Fixtures.uniqueCnPatentNumber(), shares(registrant, "60", coOwner, "40")));
        String member = Fixtures.unique("member");
        Api.Response added = api.post(
                "/api/v1/organizations/" + coOwner.id() + "/users",
                coOwner.token(),
                Map.of("username", member, "password", "member password", "displayName", "A member", "role", "MEMBER"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String memberToken = fixtures.logIn(member, "member password");

        Api.Response refused = api.post("/api/v1/assets/" + id + "/co-ownership/confirmation", memberToken, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(kit.asset(id).text("registration")).isEqualTo("PENDING");
        Api.Response anonymous = api.post("/api/v1/assets/" + id + "/co-ownership/confirmation", null, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aDeclinedRegistrationIsVoidAndItsPatentNumberFree() {
        Org registrant = fixtures.verifiedOrg("ENTERPRISE");
        Org named = fixtures.verifiedOrg("UNIVERSITY");
        String number = Fixtures.uniqueCnPatentNumber();
        String id = kit.registered(registrant, OwnershipKit.patent(number, shares(registrant, "50", named, "50")));

        Api.Response declined = kit.decline(named, id);
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.text("registration")).isEqualTo("DECLINED");
        Api.Response confirmAfter = kit.confirm(named, id);
        assertThat(confirmAfter.status()).isEqualTo(409);
        assertThat(confirmAfter.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        Api.Response listed = kit.list(registrant, id);
        assertThat(listed.status()).isEqualTo(409);
        assertThat(listed.code()).isEqualTo("REGISTRATION_DECLINED");
        Api.Response changed =
                api.put("/api/v1/assets/" + id, registrant.token(), Fixtures.patentAsset(registrant.id(), number), "*");
        assertThat(changed.code()).isEqualTo("REGISTRATION_DECLINED");

        Api.Response own = kit.register(named, Fixtures.patentAsset(named.id(), number));
        assertThat(own.status())
                .as("the real owner registers the number itself")
                .isEqualTo(201);
        Api.Response again = kit.register(registrant, Fixtures.patentAsset(registrant.id(), number));
        assertThat(again.code()).isEqualTo("ASSET_EXISTS");
        assertThat(kit.audited(id)).containsExactly("AssetRegistered", "CoOwnershipDeclined");
    }
}
