package org.techmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * A newcomer's first hour with the API: a university's technology transfer office joins the market, brings a
 * colleague, registers a co-owned patent with an industry partner, corrects it, the partner confirms its share, and
 * the regulator checks that the record of all this is intact.
 */
class NewcomersFirstHourIT extends IntegrationTest {

    @Test
    void aUniversityJoinsTheMarketAndRegistersItsFirstPatent() {
        // The office reads the vocabularies it will need.
        Api.Response industries = api.get("/api/v1/reference/industries", null);
        assertThat(industries.json().findValuesAsString("code")).contains("HUMANOID_ROBOTS", "QUANTUM_INFORMATION");
        assertThat(api.get("/api/v1/reference/regions", null).json().findValuesAsString("code"))
                .contains("330100");

        // It registers, and waits for the venue to verify it.
        String tto = Fixtures.unique("zju-tto");
        Api.Response registration = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "浙江某大学技术转移中心",
                        "UNIVERSITY",
                        Fixtures.uniqueCreditCode(),
                        "330100",
                        tto,
                        "first hour password"));
        assertThat(registration.status()).isEqualTo(201);
        String university = registration.text("organizationId");
        String token = fixtures.logIn(tto, "first hour password");
        assertThat(api.get("/api/v1/organizations/" + university, token).text("status"))
                .isEqualTo("PENDING");
        assertThat(api.post("/api/v1/organizations/" + university + "/verification", ADMIN_TOKEN, Map.of())
                        .text("status"))
                .isEqualTo("VERIFIED");

        // It adds a colleague who will manage the portfolio.
        String colleague = Fixtures.unique("portfolio");
        assertThat(api.post(
                                "/api/v1/organizations/" + university + "/users",
                                token,
                                Map.of("username", colleague, "password", "colleague password", "role", "MEMBER"))
                        .status())
                .isEqualTo(201);
        String colleagueToken = fixtures.logIn(colleague, "colleague password");

        // The colleague registers a patent the university co-owns with a robotics company.
        Fixtures.Org partner = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> patent =
                new java.util.HashMap<>(Fixtures.patentAsset(university, Fixtures.uniqueCnPatentNumber()));
        patent.put("title", "一种人形机器人灵巧手的力控方法");
        patent.put("language", "zh");
        patent.put("ipc", List.of("B25J 15/00"));
        patent.put("industries", List.of());
        patent.put(
                "owners",
                List.of(
                        Map.of("organizationId", university, "share", "60"),
                        Map.of("organizationId", partner.id(), "share", "40")));
        Api.Response asset = api.post("/api/v1/assets", colleagueToken, patent);
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        assertThat(asset.json()
                        .path("suggestedIndustries")
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .contains("HUMANOID_ROBOTS");

        // It takes the suggestion, quoting the version it read.
        patent.put("industries", List.of("HUMANOID_ROBOTS"));
        Api.Response corrected =
                api.put("/api/v1/assets/" + asset.text("id"), colleagueToken, patent, asset.header("ETag"));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/assets?industry=HUMANOID_ROBOTS&owner=" + partner.id(), null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        // Named as a co-owner, the partner's admin confirms its share, and the registration stands.
        assertThat(asset.text("registration")).isEqualTo("PENDING");
        Api.Response confirmed = api.post(
                "/api/v1/assets/" + asset.text("id") + "/co-ownership/confirmation", partner.token(), Map.of());
        assertThat(confirmed.text("registration")).as(confirmed.text()).isEqualTo("CONFIRMED");

        // The partner, a co-owner, sees it among its assets; the regulator sees the whole story, intact.
        String regulator = Fixtures.unique("regulator");
        api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", regulator, "password", "regulator password", "role", "REGULATOR"));
        String regulatorToken = fixtures.logIn(regulator, "regulator password");
        Api.Response audit = api.get("/api/v1/audit/verification", regulatorToken);
        assertThat(audit.json().path("valid").asBoolean()).isTrue();
    }
}
