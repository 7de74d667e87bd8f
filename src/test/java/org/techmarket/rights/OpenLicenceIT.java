package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;
import static org.techmarket.rights.RightsKit.lumpSumLicence;
import static org.techmarket.rights.RightsKit.reasons;

import java.util.ArrayList;
import java.util.HashMap;
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

/** Patent open licences: declare, replace, withdraw, the public catalogue, and taking one. */
class OpenLicenceIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private RightsKit kit;
    private Fixtures.Org owner;
    private Fixtures.Org taker;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        taker = kit.verified("ENTERPRISE");
        patent = kit.patent(owner, Map.of("industries", List.of("NEW_ENERGY_STORAGE")));
    }

    @Test
    void anOwnerDeclaresAnOpenLicenceAndAVerifiedCompanyTakesItAtOnce() {
        Api.Response declared = kit.declare(
                owner,
                patent,
                Map.of(
                        "royalty",
                        Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "1250.00", "currency", "CNY")),
                        "termMonths",
                        24,
                        "scope",
                        Map.of("fields", List.of("H01M"), "territories", List.of("CN"))));
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        assertThat(declared.text("status")).isEqualTo("ACTIVE");
        assertThat(declared.json().path("royalty").path("amount").path("amount").asString())
                .isEqualTo("1250.00");

        Api.Response taken = kit.take(taker, patent);

        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(taken.header("Location")).isEqualTo("/api/v1/grants/" + taken.text("id"));
        JsonNode licence = taken.json();
        assertThat(licence.path("type").asString()).isEqualTo("OPEN_LICENCE");
        assertThat(licence.path("granteeId").asString()).isEqualTo(taker.id());
        assertThat(licence.path("grantorIds").get(0).asString()).isEqualTo(owner.id());
        assertThat(licence.path("openLicenceId").asString()).isEqualTo(declared.text("id"));
        assertThat(licence.path("scope").path("fields").get(0).asString()).isEqualTo("H01M");
        assertThat(licence.path("scope").path("territories").get(0).asString()).isEqualTo("CN");
        assertThat(licence.path("scope").path("start").asString()).isEqualTo(TODAY.toString());
        assertThat(licence.path("scope").path("end").asString())
                .isEqualTo(TODAY.plusMonths(24).toString());
        assertThat(licence.path("amountDue").path("amount").asString()).isEqualTo("1250.00");
        assertThat(licence.path("amountDue").path("currency").asString()).isEqualTo("CNY");
        assertThat(auditTypes("asset:" + patent)).containsExactly("OpenLicenceDeclared");
        assertThat(auditTypes("grant:" + licence.path("id").asString())).containsExactly("OpenLicenceTaken");
        assertThat(api.get("/api/v1/grants/" + licence.path("id").asString(), owner.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRevenueShareOwesTheMinimumForEveryLicenceYearAndStopsAtExpiry() {
        Map<String, Object> share = Map.of(
                "royalty",
                Map.of(
                        "type",
                        "PERCENT_OF_REVENUE",
                        "percent",
                        "3.5",
                        "minimumPerYear",
                        Map.of("amount", "20000", "currency", "CNY")),
                "termMonths",
                30);
        assertThat(kit.declare(owner, patent, share)
                        .json()
                        .path("royalty")
                        .path("percent")
                        .asString())
                .isEqualTo("3.50");
        assertThat(kit.take(taker, patent)
                        .json()
                        .path("amountDue")
                        .path("amount")
                        .asString())
                .isEqualTo("60000.00");

        String expiringSoon =
                kit.patent(owner, Map.of("expiresOn", TODAY.plusMonths(6).toString()));
        assertThat(kit.declare(owner, expiringSoon, share).status()).isEqualTo(201);
        JsonNode shortLicence = kit.take(taker, expiringSoon).json();
        assertThat(shortLicence.path("scope").path("end").asString())
                .isEqualTo(TODAY.plusMonths(6).toString());
        assertThat(shortLicence.path("amountDue").path("amount").asString()).isEqualTo("20000.00");
    }

    @Test
    void replacingADeclarationChangesTheTermsForNewTakersOnly() {
        assertThat(kit.declare(owner, patent, lumpSumLicence("1000", 12)).status())
                .isEqualTo(201);
        String first = kit.take(taker, patent).text("id");

        Api.Response replaced = kit.declare(
                owner,
                patent,
                Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "2000.00")), "termDays", 90));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().path("termDays").asInt()).isEqualTo(90);
        assertThat(jdbc.sql("select count(*) from rights_open_licence where asset_id = ? and status = 'ACTIVE'")
                        .param(patent)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Fixtures.Org later = kit.verified("ENTERPRISE");
        JsonNode second = kit.take(later, patent).json();
        assertThat(second.path("amountDue").path("amount").asString()).isEqualTo("2000.00");
        assertThat(second.path("scope").path("end").asString())
                .isEqualTo(TODAY.plusDays(90).toString());
        assertThat(api.get("/api/v1/grants/" + first, taker.token())
                        .json()
                        .path("amountDue")
                        .path("amount")
                        .asString())
                .isEqualTo("1000.00");
    }

    @Test
    void withdrawingStopsNewTakersAndLicencesAlreadyTakenSurvive() {
        kit.declare(owner, patent, lumpSumLicence("500.00", 12));
        String taken = kit.take(taker, patent).text("id");

        Api.Response withdrawn = api.delete("/api/v1/assets/" + patent + "/open-licence", owner.token());

        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.text("withdrawnAt")).isNotEmpty();
        Api.Response tooLate = kit.take(kit.verified("ENTERPRISE"), patent);
        assertThat(tooLate.status()).isEqualTo(404);
        assertThat(tooLate.code()).isEqualTo("OPEN_LICENCE_NOT_DECLARED");
        assertThat(api.get("/api/v1/grants/" + taken, taker.token()).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.delete("/api/v1/assets/" + patent + "/open-licence", owner.token())
                        .code())
                .isEqualTo("OPEN_LICENCE_NOT_DECLARED");
        assertThat(auditTypes("asset:" + patent)).containsExactly("OpenLicenceDeclared", "OpenLicenceWithdrawn");
    }

    @Test
    void theCatalogueListsStandingDeclarationsByIndustryPageByPage() {
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String quantum = kit.patent(owner, Map.of("industries", List.of("QUANTUM_INFORMATION")));
            assertThat(kit.declare(owner, quantum, lumpSumLicence("100", 12)).status())
                    .isEqualTo(201);
            declared.add(quantum);
        }
        api.delete("/api/v1/assets/" + declared.get(1) + "/open-licence", owner.token());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(
                    "/api/v1/open-licences?industry=QUANTUM_INFORMATION&limit=1"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    taker.token());
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json()
                    .path("items")
                    .forEach(item -> seen.add(item.path("asset").path("id").asString()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);

        assertThat(seen).containsSubsequence(declared.get(0), declared.get(2)).doesNotContain(declared.get(1), patent);
        JsonNode item = api.get("/api/v1/open-licences?industry=QUANTUM_INFORMATION&limit=200", taker.token())
                .json()
                .path("items")
                .valueStream()
                .filter(i -> i.path("asset").path("id").asString().equals(declared.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(item.path("asset").path("title").asString()).isNotBlank();
        assertThat(item.path("openLicence").path("royalty").path("type").asString())
                .isEqualTo("LUMP_SUM");
        assertThat(api.get("/api/v1/open-licences?industry=TIME_TRAVEL", taker.token())
                        .code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/open-licences?limit=500", taker.token()).code())
                .isEqualTo("INVALID_LIMIT");
        assertThat(api.get("/api/v1/open-licences", null).status()).isEqualTo(401);
    }

    @Test
    void aDeclarationIsRefusedWhileTheAssetIsHeldExclusivelyOrPledgedOrNotAGrantedPatent() {
        String held = kit.patent(owner);
        kit.granted(owner, held, grant("EXCLUSIVE_LICENCE", taker.id(), "G06N", "440000"));
        Api.Response exclusive = kit.declare(owner, held, lumpSumLicence("100", 12));
        assertThat(exclusive.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(reasons(exclusive)).containsExactly("EXCLUSIVE_ACTIVE");

        String pledged = kit.patent(owner);
        kit.granted(
                owner,
                pledged,
                grant("PLEDGE", kit.verified("FINANCIAL_INSTITUTION").id(), "*", "WORLD"));
        assertThat(reasons(kit.declare(owner, pledged, lumpSumLicence("100", 12))))
                .containsExactly("PLEDGED");

        String application = kit.patent(owner, Map.of("legalStatus", "PENDING"));
        assertThat(reasons(kit.declare(owner, application, lumpSumLicence("100", 12))))
                .containsExactly("ASSET_NOT_GRANTED");

        Map<String, Object> data = new HashMap<>(Map.of("kind", "DATA_PRODUCT"));
        data.put("patentNumber", null);
        String dataProduct = kit.patent(owner, data);
        assertThat(reasons(kit.declare(owner, dataProduct, lumpSumLicence("100", 12))))
                .containsExactly("ASSET_NOT_GRANTED");

        assertThat(jdbc.sql("select count(*) from rights_open_licence where asset_id in (?, ?, ?, ?)")
                        .params(held, pledged, application, dataProduct)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void whileADeclarationStandsNoExclusiveLicenceCanBeGranted() {
        kit.declare(owner, patent, lumpSumLicence("100", 12));

        Api.Response refused = kit.grant(owner, patent, grant("EXCLUSIVE_LICENCE", taker.id(), "H01M", "110000"));

        assertThat(reasons(refused)).containsExactly("OPEN_LICENCE_DECLARED");
        assertThat(kit.grant(owner, patent, grant("NON_EXCLUSIVE_LICENCE", taker.id(), "H01M", "110000"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void onlyVerifiedOrganizationsOtherThanTheOwnersTakeAndEachTakesOnce() {
        kit.declare(owner, patent, lumpSumLicence("100", 12));

        assertThat(kit.take(taker, patent).status()).isEqualTo(201);
        assertRefused(kit.take(taker, patent), 409, "OPEN_LICENCE_ALREADY_TAKEN");
        assertRefused(kit.take(owner, patent), 409, "TAKER_IS_OWNER");
        assertRefused(kit.take(fixtures.registerOrg("ENTERPRISE"), patent), 403, "ORGANIZATION_NOT_VERIFIED");
        assertRefused(
                api.post("/api/v1/assets/" + patent + "/open-licence/licences", ADMIN_TOKEN, Map.of()),
                403,
                "FORBIDDEN");
        assertRefused(kit.take(taker, "no-such-asset"), 404, "NOT_FOUND");
        String undeclared = kit.patent(owner);
        assertRefused(kit.take(taker, undeclared), 404, "OPEN_LICENCE_NOT_DECLARED");
        assertThat(jdbc.sql("select count(*) from rights_grant where asset_id = ?")
                        .param(patent)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyOwnersDeclareOrWithdraw() {
        Fixtures.Org stranger = kit.verified("ENTERPRISE");
        assertRefused(kit.declare(stranger, patent, lumpSumLicence("100", 12)), 403, "NOT_GRANTOR");
        assertRefused(
                api.put("/api/v1/assets/" + patent + "/open-licence", ADMIN_TOKEN, lumpSumLicence("100", 12), null),
                403,
                "FORBIDDEN");
        kit.declare(owner, patent, lumpSumLicence("100", 12));
        assertRefused(api.delete("/api/v1/assets/" + patent + "/open-licence", stranger.token()), 403, "NOT_GRANTOR");
        assertRefused(kit.declare(owner, "no-such-asset", lumpSumLicence("100", 12)), 404, "NOT_FOUND");
    }

    @Test
    void malformedDeclarationsAreRefusedWithStableCodes() {
        Map<String, Object> money = Map.of("amount", "100.00", "currency", "CNY");
        assertRefused(kit.declare(owner, patent, Map.of("termMonths", 12)), 400, "INVALID_ROYALTY");
        assertRefused(
                kit.declare(owner, patent, Map.of("royalty", Map.of("amount", money), "termMonths", 12)),
                400,
                "INVALID_ROYALTY");
        assertRefused(kit.declare(owner, patent, lumpSumLicence("12.345", 12)), 400, "INVALID_AMOUNT");
        assertRefused(kit.declare(owner, patent, lumpSumLicence("-5", 12)), 400, "INVALID_AMOUNT");
        assertRefused(kit.declare(owner, patent, lumpSumLicence("0.00", 12)), 400, "INVALID_AMOUNT");
        assertRefused(kit.declare(owner, patent, lumpSumLicence("1e3", 12)), 400, "INVALID_AMOUNT");
        assertRefused(
                kit.declare(
                        owner,
                        patent,
                        Map.of(
                                "royalty",
                                Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "100", "currency", "JPY")),
                                "termMonths",
                                12)),
                400,
                "INVALID_AMOUNT");
        assertRefused(
                kit.declare(
                        owner,
                        patent,
                        Map.of(
                                "royalty",
                                Map.of("type", "PERCENT_OF_REVENUE", "percent", "150", "minimumPerYear", money),
                                "termMonths",
                                12)),
                400,
                "INVALID_ROYALTY");
        assertRefused(
                kit.declare(
                        owner,
                        patent,
                        Map.of("royalty", Map.of("type", "PERCENT_OF_REVENUE", "percent", "5"), "termMonths", 12)),
                400,
                "INVALID_ROYALTY");
        assertRefused(
                kit.declare(
                        owner,
                        patent,
                        Map.of(
                                "royalty",
                                Map.of("type", "LUMP_SUM", "amount", money),
                                "termMonths",
                                12,
                                "termDays",
                                30)),
                400,
                "INVALID_LICENCE_TERM");
        assertRefused(
                kit.declare(owner, patent, Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", money))),
                400,
                "INVALID_LICENCE_TERM");
        assertRefused(
                kit.declare(
                        owner, patent, Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", money), "termDays", 0)),
                400,
                "INVALID_LICENCE_TERM");
        assertRefused(
                kit.declare(
                        owner,
                        patent,
                        Map.of(
                                "royalty",
                                Map.of("type", "LUMP_SUM", "amount", money),
                                "termMonths",
                                12,
                                "scope",
                                Map.of("fields", List.of("nope"), "territories", List.of("CN")))),
                400,
                "INVALID_FIELD_OF_USE");
        assertRefused(
                kit.declare(
                        owner,
                        patent,
                        Map.of(
                                "royalty",
                                Map.of("type", "LUMP_SUM", "amount", money),
                                "termMonths",
                                12,
                                "scope",
                                Map.of("fields", List.of("H01M"), "territories", List.of()))),
                400,
                "INVALID_SCOPE");
        assertThat(jdbc.sql("select count(*) from rights_open_licence where asset_id = ?")
                        .param(patent)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<String> auditTypes(String subject) {
        return jdbc.sql("""
                select type from audit_event where subject = ? and type like 'OpenLicence%' order by id""").param(subject).query(String.class).list();
    }

    private void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).as(response.text()).isEqualTo(code);
    }
}
