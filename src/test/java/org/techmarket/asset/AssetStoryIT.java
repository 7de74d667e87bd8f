package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A university registers its technology: a patent it owns with a robotics company, which the company confirms, a
 * patent of its own, software and a data set; a start-up still being verified registers know-how but no patent.
 * The university improves a title against the current version, buyers browse the registry page by page and by kind,
 * and a research institute contests the university's patent: while the dispute is open the patent cannot be sold,
 * and when the operator upholds the claim the institute is the owner of record and the university no longer changes
 * the asset. Every step is in the audit log.
 */
class AssetStoryIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUniversityRegistersItsTechnologyAndAContestedPatentChangesHands() {
        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long before = audit.head();
        OwnershipKit kit = new OwnershipKit(api, jdbc);
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        Org robotics = fixtures.verifiedOrg("ENTERPRISE");
        Org institute = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org startUp = fixtures.registerOrg("ENTERPRISE");

        // The joint patent waits for the company's confirmation of its 40% before it may be traded.
        Map<String, String> shares = new LinkedHashMap<>();
        shares.put(university.id(), "60");
        shares.put(robotics.id(), "40");
        String joint = kit.registered(university, OwnershipKit.patent(Fixtures.uniqueCnPatentNumber(), shares));
        Api.Response pending = kit.asset(joint);
        assertThat(pending.text("registration")).isEqualTo("PENDING");
        assertThat(pending.json().path("owners").findValuesAsString("share")).containsExactly("60.00", "40.00");
        Api.Response unconfirmed = kit.list(university, joint);
        assertThat(unconfirmed.status()).isEqualTo(409);
        assertThat(unconfirmed.code()).isEqualTo("CO_OWNERS_NOT_CONFIRMED");
        assertThat(unconfirmed.text()).contains(robotics.id());
        assertThat(kit.confirm(institute, joint).code())
                .as("only a named co-owner confirms")
                .isEqualTo("NOT_A_CO_OWNER");
        Api.Response confirmed = kit.confirm(robotics, joint);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.text("registration")).isEqualTo("CONFIRMED");

        // Its own patent, software and a data set; the start-up may register know-how but not yet a patent.
        String patent =
                kit.registered(university, Fixtures.patentAsset(university.id(), Fixtures.uniqueCnPatentNumber()));
        String software = kit.registered(
                university, notAPatent(university, "SOFTWARE_COPYRIGHT", "Motion planner for a humanoid hand"));
        String data = kit.registered(
                university, notAPatent(university, "DATA_PRODUCT", "Tactile sensor readings, 2 million grasps"));
        Api.Response knowHow = fixtures.registerAsset(startUp, Fixtures.knowHowAsset(startUp.id()));
        assertThat(knowHow.status()).as(knowHow.text()).isEqualTo(201);
        Api.Response startUpsPatent =
                fixtures.registerAsset(startUp, Fixtures.patentAsset(startUp.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(startUpsPatent.status()).isEqualTo(403);
        assertThat(startUpsPatent.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");

        // A better title for the software, against the version the university read; a stale copy is refused.
        Api.Response read = kit.asset(software);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        Map<String, Object> change =
                notAPatent(university, "SOFTWARE_COPYRIGHT", "Motion planner for dexterous humanoid hands");
        Api.Response updated = api.put("/api/v1/assets/" + software, university.token(), change, "\"1\"");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        Api.Response stale = api.put(
                "/api/v1/assets/" + software,
                university.token(),
                notAPatent(university, "SOFTWARE_COPYRIGHT", "An older idea"),
                "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
        assertThat(kit.asset(software).text("title")).isEqualTo("Motion planner for dexterous humanoid hands");

        // Anyone browses the university's registry two at a time, and by kind.
        assertThat(browse("owner=" + university.id())).containsExactlyInAnyOrder(joint, patent, software, data);
        assertThat(browse("owner=" + university.id() + "&kind=SOFTWARE_COPYRIGHT"))
                .containsExactly(software);
        assertThat(browse("owner=" + university.id() + "&kind=INVENTION_PATENT"))
                .containsExactlyInAnyOrder(joint, patent);
        assertThat(browse("owner=" + startUp.id())).containsExactly(knowHow.text("id"));

        // The institute contests the university's own patent: while the dispute is open it cannot be listed.
        Api.Response filed = kit.contest(institute, patent, OwnershipKit.claim());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("OPEN");
        assertThat(filed.json().path("respondents").get(0).asString()).isEqualTo(university.id());
        String dispute = filed.text("id");
        Api.Response frozen = kit.list(university, patent);
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.code()).isEqualTo("OWNERSHIP_CONTESTED");
        assertThat(frozen.text()).contains(dispute);
        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, university.token())
                        .text("status"))
                .isEqualTo("OPEN");
        assertThat(api.get("/api/v1/ownership-disputes/" + dispute, robotics.token())
                        .status())
                .as("not a party")
                .isEqualTo(404);
        assertThat(kit.decide(university.token(), dispute, "DISMISSED", "It is ours")
                        .status())
                .as("only the operator decides")
                .isEqualTo(403);

        // The operator upholds the claim: the institute owns the patent of record, and the university no longer
        // changes it.
        long version = kit.asset(patent).json().path("version").asLong();
        Api.Response upheld = kit.decide(ADMIN_TOKEN, dispute, "UPHELD", "The institute's filing receipt predates");
        assertThat(upheld.status()).as(upheld.text()).isEqualTo(200);
        assertThat(upheld.text("status")).isEqualTo("UPHELD");
        Api.Response corrected = kit.asset(patent);
        assertThat(corrected.json().path("owners").findValuesAsString("organizationId"))
                .containsExactly(institute.id());
        assertThat(corrected.json().path("owners").get(0).path("share").asString())
                .isEqualTo("100.00");
        assertThat(corrected.json().path("version").asLong()).isGreaterThan(version);
        Map<String, Object> retitled =
                new LinkedHashMap<>(Fixtures.patentAsset(institute.id(), corrected.text("patentNumber")));
        retitled.put("title", "Sparse-sensor training, as filed by the institute");
        Api.Response byFormerOwner =
                api.put("/api/v1/assets/" + patent, university.token(), retitled, corrected.header("ETag"));
        assertThat(byFormerOwner.status()).isEqualTo(403);
        Api.Response byOwner =
                api.put("/api/v1/assets/" + patent, institute.token(), retitled, corrected.header("ETag"));
        assertThat(byOwner.status()).as(byOwner.text()).isEqualTo(200);
        assertThat(browse("owner=" + institute.id())).containsExactly(patent);
        assertThat(browse("owner=" + university.id())).containsExactlyInAnyOrder(joint, software, data);

        // The log tells the same story.
        assertThat(audit.types(before, "asset:" + joint)).containsExactly("AssetRegistered", "CoOwnershipConfirmed");
        assertThat(audit.types(before, "asset:" + software)).containsExactly("AssetRegistered", "AssetUpdated");
        assertThat(audit.types(before, "asset:" + patent))
                .containsSubsequence(
                        "AssetRegistered",
                        "OwnershipDisputeFiled",
                        "AssetOwnershipCorrected",
                        "OwnershipDisputeDecided",
                        "AssetUpdated");
    }

    private static Map<String, Object> notAPatent(Org owner, String kind, String title) {
        Map<String, Object> asset = new LinkedHashMap<>(Fixtures.patentAsset(owner.id(), null));
        asset.remove("patentNumber");
        asset.put("kind", kind);
        asset.put("title", title);
        return asset;
    }

    /** The ids the public registry lists for the query, read two at a time, each once. */
    private List<String> browse(String query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page =
                    api.get("/api/v1/assets?limit=2&" + query + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            page.json().path("items").forEach(item -> seen.add(item.path("id").asString()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        return seen;
    }
}
