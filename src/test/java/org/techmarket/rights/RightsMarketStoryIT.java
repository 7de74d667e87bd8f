package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A season in the rights market of one university, told from the first licence to an early termination. */
class RightsMarketStoryIT extends IntegrationTest {

    @Test
    void aUniversityLicensesRoboticsInGuangdongOpensABatteryPatentAndFreesAScopeEarly() {
        RightsKit kit = new RightsKit(api, fixtures);
        Fixtures.Org university = kit.verified("UNIVERSITY");
        Fixtures.Org shenzhenRobotics = kit.verified("ENTERPRISE");
        Fixtures.Org guangzhouAutomation = kit.verified("ENTERPRISE");
        String grasping = kit.patent(
                university,
                Map.of(
                        "title",
                        "Adaptive grasp control for humanoid hands",
                        "ipc",
                        List.of("B25J 9/16"),
                        "industries",
                        List.of("HUMANOID_ROBOTS")));
        String battery = kit.patent(
                university,
                Map.of(
                        "title",
                        "State-of-health estimation for lithium packs",
                        "ipc",
                        List.of("H01M 10/48"),
                        "industries",
                        List.of("NEW_ENERGY_STORAGE")));

        // The university licenses its grasping patent exclusively for robotics in Guangdong, for five years.
        Api.Response exclusive =
                kit.grant(university, grasping, grant("EXCLUSIVE_LICENCE", shenzhenRobotics.id(), "B25J", "440000"));
        assertThat(exclusive.status()).as(exclusive.text()).isEqualTo(201);
        String exclusiveId = exclusive.text("id");

        // A Guangzhou firm wants the same technology in Guangzhou: refused, with the licence that stands in the way.
        Map<String, Object> guangzhou = grant("NON_EXCLUSIVE_LICENCE", guangzhouAutomation.id(), "B25J 9/16", "440100");
        Api.Response refused = kit.grant(university, grasping, guangzhou);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
        JsonNode reason = refused.json().path("conflicts").get(0);
        assertThat(reason.path("grantId").asString()).isEqualTo(exclusiveId);
        assertThat(reason.path("type").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        assertThat(reason.path("reason").asString()).isEqualTo("OVERLAPS_EXCLUSIVE");

        // Shanghai is free; the university checks before it grants.
        Map<String, Object> shanghai = grant("NON_EXCLUSIVE_LICENCE", guangzhouAutomation.id(), "B25J 9/16", "310000");
        assertThat(kit.check(university.token(), grasping, shanghai)
                        .json()
                        .path("grantable")
                        .asBoolean())
                .isTrue();
        assertThat(kit.grant(university, grasping, shanghai).status()).isEqualTo(201);

        // On its battery patent it declares an open licence: 2.5 % of revenue, at least 10,000 yuan a year, 3 years.
        Api.Response declared = kit.declare(
                university,
                battery,
                Map.of(
                        "royalty",
                        Map.of(
                                "type",
                                "PERCENT_OF_REVENUE",
                                "percent",
                                "2.5",
                                "minimumPerYear",
                                Map.of("amount", "10000.00", "currency", "CNY")),
                        "termMonths",
                        36));
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);

        // Three companies find it in the catalogue of new-energy-storage licences and take it at once.
        List<Fixtures.Org> takers =
                List.of(kit.verified("ENTERPRISE"), kit.verified("ENTERPRISE"), kit.verified("ENTERPRISE"));
        JsonNode catalogue = api.get(
                        "/api/v1/open-licences?industry=NEW_ENERGY_STORAGE&limit=200",
                        takers.get(0).token())
                .json()
                .path("items");
        assertThat(catalogue.findValuesAsString("id")).contains(battery);
        for (Fixtures.Org taker : takers) {
            Api.Response licence = kit.take(taker, battery);
            assertThat(licence.status()).as(licence.text()).isEqualTo(201);
            assertThat(licence.text("type")).isEqualTo("OPEN_LICENCE");
            assertThat(licence.json().path("amountDue").path("amount").asString())
                    .isEqualTo("30000.00");
        }
        JsonNode batteryGrants = api.get("/api/v1/assets/" + battery + "/grants", kit.regulator())
                .json()
                .path("items");
        assertThat(batteryGrants.findValuesAsString("granteeId"))
                .containsExactlyElementsOf(takers.stream().map(Fixtures.Org::id).toList());

        // The Shenzhen maker moves its robotics line abroad; the university ends the licence in three months.
        LocalDate freedOn = TODAY.plusMonths(3);
        Api.Response terminated =
                kit.terminate(university.token(), exclusiveId, "Licensee moved its robotics line abroad", freedOn);
        assertThat(terminated.text("status")).isEqualTo("TERMINATED");

        // From that day Guangdong is free again, and the Guangzhou firm gets its licence.
        Api.Response fromFreedOn = kit.grant(
                university,
                grasping,
                grant(
                        "NON_EXCLUSIVE_LICENCE",
                        guangzhouAutomation.id(),
                        "B25J 9/16",
                        "440100",
                        freedOn,
                        freedOn.plusYears(3)));
        assertThat(fromFreedOn.status()).as(fromFreedOn.text()).isEqualTo(201);

        // Every step is in the audit log, and the chain still verifies.
        Api.Response verification = api.get("/api/v1/audit/verification", ADMIN_TOKEN);
        assertThat(verification.json().path("valid").asBoolean()).isTrue();
    }
}
