package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;
import static org.techmarket.rights.RightsKit.reasons;
import static org.techmarket.rights.RightsKit.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code POST /assets/{id}/grants} and {@code /rights-check}: what is granted, what is refused and why. */
class RightsGrantIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private RightsKit kit;
    private Fixtures.Org university;
    private Fixtures.Org robotics;
    private String patent;

    @BeforeEach
    void market() {
        kit = new RightsKit(api, fixtures);
        university = kit.verified("UNIVERSITY");
        robotics = kit.verified("ENTERPRISE");
        patent = kit.patent(university);
    }

    @Test
    void anOwnerGrantsAnExclusiveLicenceAndTheRegistryRecordsIt() {
        Api.Response created = kit.grant(
                university,
                patent,
                with(grant("EXCLUSIVE_LICENCE", robotics.id(), "g06n3/080, B25J", "440000"), "sublicensable", true));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/api/v1/grants/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode grant = created.json();
        assertThat(grant.path("type").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        assertThat(grant.path("assetId").asString()).isEqualTo(patent);
        assertThat(grant.path("grantorIds").valueStream().map(JsonNode::asString))
                .containsExactly(university.id());
        assertThat(grant.path("granteeId").asString()).isEqualTo(robotics.id());
        assertThat(grant.path("scope").path("fields").valueStream().map(JsonNode::asString))
                .containsExactly("B25J", "G06N 3/08");
        assertThat(grant.path("scope").path("start").asString()).isEqualTo(TODAY.toString());
        assertThat(grant.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(grant.path("sublicensable").asBoolean()).isTrue();
        assertThat(grant.path("amountDue").isNull()).isTrue();

        assertThat(api.get("/api/v1/grants/" + id, university.token()).json()).isEqualTo(grant);
        assertThat(jdbc.sql("select actor from audit_event where type = 'GrantRecorded' and subject = ?")
                        .param("grant:" + id)
                        .query(String.class)
                        .single())
                .isEqualTo("user:" + university.adminId());
    }

    @Test
    void aConflictingGrantIsRefusedWithItsReasonsAndNothingIsStored() {
        String exclusive = kit.granted(university, patent, grant("EXCLUSIVE_LICENCE", robotics.id(), "G06N", "440000"));
        Fixtures.Org beijing = kit.verified("ENTERPRISE");
        long auditBefore = auditEvents();

        Api.Response refused =
                kit.grant(university, patent, grant("NON_EXCLUSIVE_LICENCE", beijing.id(), "G06N 3/08", "CN"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
        JsonNode conflict = refused.json().path("conflicts").get(0);
        assertThat(conflict.path("grantId").asString()).isEqualTo(exclusive);
        assertThat(conflict.path("type").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        assertThat(conflict.path("reason").asString()).isEqualTo("OVERLAPS_EXCLUSIVE");
        assertThat(refused.json().path("conflicts")).hasSize(1);
        assertThat(grantsOn(patent)).isEqualTo(1);
        assertThat(auditEvents()).isEqualTo(auditBefore);

        assertThat(kit.grant(university, patent, grant("NON_EXCLUSIVE_LICENCE", beijing.id(), "G06N 3/08", "110000"))
                        .status())
                .isEqualTo(201);
        Api.Response secondExclusive =
                kit.grant(university, patent, grant("SOLE_LICENCE", beijing.id(), "G06N", "WORLD"));
        assertThat(reasons(secondExclusive)).containsExactly("EXCLUSIVE_OVERLAP", "EXCLUSIVE_OVERLAP");
    }

    @Test
    void theRightsCheckAnswersBeforeGrantingAndChangesNothing() {
        kit.granted(university, patent, grant("EXCLUSIVE_LICENCE", robotics.id(), "G06N", "440000"));
        Fixtures.Org other = kit.verified("ENTERPRISE");
        long auditBefore = auditEvents();

        Api.Response clash = kit.check(
                university.token(),
                patent,
                grant("EXCLUSIVE_LICENCE", other.id(), "G06N 3/08", "440300", TODAY.minusDays(1), TODAY.plusYears(30)));
        assertThat(clash.status()).as(clash.text()).isEqualTo(200);
        assertThat(clash.json().path("grantable").asBoolean()).isFalse();
        assertThat(reasons(clash))
                .containsExactlyInAnyOrder("TERM_IN_PAST", "TERM_BEYOND_PROTECTION", "EXCLUSIVE_OVERLAP");

        Api.Response free =
                kit.check(university.token(), patent, grant("EXCLUSIVE_LICENCE", other.id(), "G06N", "310000"));
        assertThat(free.json().path("grantable").asBoolean()).isTrue();
        assertThat(free.json().path("conflicts")).isEmpty();

        Api.Response asOperator = kit.check(ADMIN_TOKEN, patent, grant("EXCLUSIVE_LICENCE", other.id(), "G06N", "CN"));
        assertThat(reasons(asOperator)).containsExactly("EXCLUSIVE_OVERLAP");
        assertThat(grantsOn(patent)).isEqualTo(1);
        assertThat(auditEvents()).isEqualTo(auditBefore);
        assertThat(kit.check(other.token(), patent, grant("EXCLUSIVE_LICENCE", other.id(), "G06N", "CN"))
                        .code())
                .isEqualTo("NOT_GRANTOR");
    }

    @Test
    void malformedRequestsAreRefusedWithStableCodes() {
        Map<String, Object> good = grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN");

        assertRefused(api.post("/api/v1/assets/no-such-asset/grants", university.token(), good), 404, "NOT_FOUND");
        assertRefused(
                kit.grant(university, patent, with(good, "granteeId", "no-such-org")), 404, "ORGANIZATION_NOT_FOUND");
        assertRefused(
                kit.grant(university, patent, grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "Q99", "CN")),
                400,
                "INVALID_FIELD_OF_USE");
        assertRefused(
                kit.grant(university, patent, grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "990000")),
                400,
                "INVALID_TERRITORY");
        assertRefused(
                kit.grant(university, patent, grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "XX")),
                400,
                "INVALID_TERRITORY");
        assertRefused(
                kit.grant(
                        university,
                        patent,
                        grant(
                                "NON_EXCLUSIVE_LICENCE",
                                robotics.id(),
                                "G06N",
                                "CN",
                                TODAY.plusDays(9),
                                TODAY.plusDays(9))),
                400,
                "INVALID_TERM");
        assertRefused(kit.grant(university, patent, with(good, "scope", null)), 400, "INVALID_SCOPE");
        assertRefused(
                kit.grant(
                        university,
                        patent,
                        with(
                                good,
                                "scope",
                                Map.of(
                                        "fields",
                                        List.of(),
                                        "territories",
                                        List.of("CN"),
                                        "start",
                                        TODAY.toString(),
                                        "end",
                                        TODAY.plusYears(1).toString()))),
                400,
                "INVALID_SCOPE");
        assertRefused(kit.grant(university, patent, with(good, "type", null)), 400, "INVALID_GRANT_TYPE");
        assertRefused(kit.grant(university, patent, with(good, "type", "OPEN_LICENCE")), 400, "INVALID_GRANT_TYPE");
        assertRefused(kit.grant(university, patent, with(good, "type", "FRANCHISE")), 400, "INVALID_TYPE");
        assertRefused(kit.grant(university, patent, with(good, "royalty", "lots")), 400, "UNKNOWN_FIELD");
        assertRefused(kit.grant(university, patent, with(good, "granteeId", university.id())), 400, "INVALID_GRANTEE");
        assertRefused(
                kit.grant(university, patent, grant("ASSIGNMENT", robotics.id(), "G06N", "WORLD")),
                400,
                "INVALID_SCOPE");
        assertRefused(
                kit.grant(
                        university,
                        patent,
                        grant("ASSIGNMENT", robotics.id(), "*", "WORLD", TODAY.plusDays(1), TODAY.plusYears(5))),
                400,
                "INVALID_TERM");
        assertRefused(
                kit.grant(
                        university,
                        patent,
                        with(
                                good,
                                "granteeId",
                                fixtures.registerOrg("ENTERPRISE").id())),
                422,
                "GRANTEE_NOT_VERIFIED");
        assertRefused(api.post("/api/v1/assets/" + patent + "/grants", null, good), 401, "UNAUTHENTICATED");
        assertRefused(
                api.post("/api/v1/assets/" + patent + "/grants", university.token(), "{\"type\":"),
                400,
                "MALFORMED_JSON");
        assertThat(grantsOn(patent)).isZero();
    }

    @Test
    void termsMustLieBetweenTodayAndTheEndOfProtection() {
        Api.Response past = kit.grant(
                university,
                patent,
                grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN", TODAY.minusDays(1), TODAY.plusYears(1)));
        assertThat(past.status()).isEqualTo(409);
        assertThat(reasons(past)).containsExactly("TERM_IN_PAST");

        // The registry says the patent expires on 2039-03-01: that is the first day no grant may cover.
        Api.Response beyond = kit.grant(
                university,
                patent,
                grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN", TODAY, java.time.LocalDate.of(2039, 3, 2)));
        assertThat(reasons(beyond)).containsExactly("TERM_BEYOND_PROTECTION");
        assertThat(kit.grant(
                                university,
                                patent,
                                grant(
                                        "NON_EXCLUSIVE_LICENCE",
                                        robotics.id(),
                                        "G06N",
                                        "CN",
                                        TODAY,
                                        java.time.LocalDate.of(2039, 3, 1)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void onlyVerifiedOwnersGrant() {
        Fixtures.Org stranger = kit.verified("ENTERPRISE");
        Map<String, Object> body = grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN");

        assertRefused(kit.grant(stranger, patent, body), 403, "NOT_GRANTOR");
        assertRefused(api.post("/api/v1/assets/" + patent + "/grants", ADMIN_TOKEN, body), 403, "FORBIDDEN");
        Fixtures.Org pending = fixtures.registerOrg("UNIVERSITY");
        assertRefused(
                fixtures.registerAsset(pending, Fixtures.patentAsset(pending.id(), Fixtures.uniqueCnPatentNumber())),
                403,
                "ORGANIZATION_NOT_VERIFIED");
        assertRefused(kit.grant(pending, patent, body), 403, "ORGANIZATION_NOT_VERIFIED");
        assertThat(grantsOn(patent)).isZero();
    }

    @Test
    void nothingIsGrantedOnAnAssetThatIsNoLongerInForce() {
        String lapsed = kit.patent(university, Map.of("legalStatus", "LAPSED"));

        Api.Response refused =
                kit.grant(university, lapsed, grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN"));

        assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(reasons(refused)).containsExactly("ASSET_NOT_IN_FORCE");
        assertThat(refused.json().path("conflicts").get(0).path("grantId").isNull())
                .isTrue();
    }

    @Test
    void aLicenseeSublicensesOnlyInsideItsOwnSublicensableScope() {
        String head = kit.granted(
                university,
                patent,
                with(grant("EXCLUSIVE_LICENCE", robotics.id(), "G06N", "440000"), "sublicensable", true));
        Fixtures.Org supplier = kit.verified("ENTERPRISE");
        Map<String, Object> sub =
                with(grant("NON_EXCLUSIVE_LICENCE", supplier.id(), "G06N 3/08", "440300"), "parentGrantId", head);

        Api.Response inside = kit.grant(robotics, patent, sub);
        assertThat(inside.status()).as(inside.text()).isEqualTo(201);
        assertThat(inside.json().path("parentGrantId").asString()).isEqualTo(head);
        assertThat(inside.json().path("grantorIds").get(0).asString()).isEqualTo(robotics.id());

        Api.Response outside = kit.grant(
                robotics,
                patent,
                with(grant("NON_EXCLUSIVE_LICENCE", supplier.id(), "G06N", "CN"), "parentGrantId", head));
        assertThat(reasons(outside)).contains("SUBLICENCE_OUTSIDE_SCOPE");
        assertRefused(kit.grant(supplier, patent, with(sub, "granteeId", robotics.id())), 403, "NOT_GRANTOR");
        assertRefused(
                kit.grant(university, patent, with(sub, "parentGrantId", "no-such-grant")),
                400,
                "UNKNOWN_PARENT_GRANT");
        assertThat(reasons(kit.grant(university, patent, sub))).containsExactly("NOT_OWNER");
    }

    @Test
    void aPledgeBlocksNewLicencesUntilThePledgeeConsents() {
        Fixtures.Org bank = kit.verified("FINANCIAL_INSTITUTION");
        String pledge = kit.granted(university, patent, grant("PLEDGE", bank.id(), "*", "WORLD"));
        Map<String, Object> licence = grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN");

        Api.Response refused = kit.grant(university, patent, licence);
        assertThat(reasons(refused)).containsExactly("PLEDGED");
        assertThat(refused.json().path("conflicts").get(0).path("grantId").asString())
                .isEqualTo(pledge);
        assertThat(kit.grant(university, patent, with(licence, "pledgeeConsent", true))
                        .status())
                .isEqualTo(201);
        assertRefused(kit.grant(university, patent, grant("PLEDGE", bank.id(), "G06N", "CN")), 400, "INVALID_SCOPE");
    }

    @Test
    void anAssignmentMovesOwnershipAndEveryLicenceSurvivesIt() {
        String licence = kit.granted(university, patent, grant("NON_EXCLUSIVE_LICENCE", robotics.id(), "G06N", "CN"));
        Fixtures.Org buyer = kit.verified("ENTERPRISE");
        Fixtures.Org newcomer = kit.verified("ENTERPRISE");

        kit.granted(university, patent, grant("ASSIGNMENT", buyer.id(), "*", "WORLD", TODAY, TODAY.plusYears(12)));

        assertRefused(
                kit.grant(university, patent, grant("NON_EXCLUSIVE_LICENCE", newcomer.id(), "B25J", "CN")),
                403,
                "NOT_GRANTOR");
        assertThat(kit.grant(buyer, patent, grant("NON_EXCLUSIVE_LICENCE", newcomer.id(), "B25J", "CN"))
                        .status())
                .isEqualTo(201);
        Api.Response seenByBuyer = api.get("/api/v1/grants/" + licence, buyer.token());
        assertThat(seenByBuyer.status()).isEqualTo(200);
        assertThat(seenByBuyer.text("status")).isEqualTo("ACTIVE");
    }

    private void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).as(response.text()).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private long grantsOn(String assetId) {
        return jdbc.sql("select count(*) from rights_grant where asset_id = ?")
                .param(assetId)
                .query(Long.class)
                .single();
    }

    private long auditEvents() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
