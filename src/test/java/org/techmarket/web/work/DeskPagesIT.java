package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The desks as their users meet them over HTTP: the workspace's actions and refusals, the operator's decisions, the
 * regulator's verification, and who may come in at all.
 */
class DeskPagesIT extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void anAnonymousVisitorIsSentToLogInAndAMemberMayNotOpenTheOperatorsOrTheRegulatorsDesk() {
        PageClient anonymous = visitor();
        for (String desk : new String[] {"/workspace", "/operator", "/regulator"}) {
            PageClient.Page answer = anonymous.get(desk);
            assertThat(answer.status()).as(desk).isEqualTo(302);
            assertThat(answer.header("Location")).as(desk).endsWith("/login");
        }
        PageClient member = signedIn(fixtures.verifiedOrg("ENTERPRISE"));
        for (String desk : new String[] {"/operator", "/regulator"}) {
            PageClient.Page refused = member.get(desk);
            assertThat(refused.status()).as(desk).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
        }
        PageClient regulator = signedIn(staff("REGULATOR"));
        assertThat(regulator.get("/operator").status()).isEqualTo(403);
        assertThat(regulator.get("/workspace").header("Location")).endsWith("/regulator");
    }

    @Test
    void aSellerRegistersAnAssetDraftsAndSubmitsAListingAndTheOperatorApprovesIt() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        PageClient page = signedIn(seller);
        String title = Fixtures.unique("Gripper");

        String workspace = act(
                page,
                "/workspace",
                "/workspace/assets",
                Map.of(
                        "kind",
                        "KNOW_HOW",
                        "title",
                        title,
                        "abstractText",
                        "A soft gripper",
                        "language",
                        "en",
                        "industries",
                        "HUMANOID_ROBOTS",
                        "legalStatus",
                        "GRANTED",
                        "trl",
                        "6",
                        "ownShare",
                        "100"));
        assertThat(workspace).contains("资产已登记").contains(title);
        String assetId = api.get("/api/v1/assets?owner=" + seller.id(), seller.token())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        workspace = act(
                page,
                "/workspace",
                "/workspace/listings",
                Map.of(
                        "assetId",
                        assetId,
                        "title",
                        title + " for sale",
                        "offer",
                        "ASSIGNMENT",
                        "mechanism",
                        "FIXED_PRICE",
                        "startPrice",
                        "88000.00",
                        "startsAt",
                        LOCAL.format(now.plusHours(1)),
                        "endsAt",
                        LOCAL.format(now.plusDays(7))));
        assertThat(workspace).contains("挂牌草稿已保存").contains(title + " for sale").contains("¥88,000.00");
        String listingId = listingOf(seller);
        assertThat(listingStatus(seller, listingId)).isEqualTo("DRAFT");

        workspace = act(page, "/workspace", "/workspace/listings/" + listingId + "/submission", Map.of());
        assertThat(workspace).contains("挂牌已提交");
        assertThat(listingStatus(seller, listingId)).isEqualTo("SUBMITTED");

        PageClient operator = signedIn(staff("OPERATOR"));
        String desk = operator.get("/operator").html();
        assertThat(desk).contains("data-listing-id=\"" + listingId + "\"").contains(title + " for sale");

        desk = act(operator, "/operator", "/operator/listings/" + listingId + "/rejection", Map.of("reason", " "));
        assertThat(desk).as("a rejection without a reason is refused").contains("VALIDATION_FAILED");
        assertThat(listingStatus(seller, listingId)).isEqualTo("SUBMITTED");

        desk = act(operator, "/operator", "/operator/listings/" + listingId + "/approval", Map.of());
        assertThat(desk).contains("挂牌已批准并公示").doesNotContain("data-listing-id=\"" + listingId + "\"");
        assertThat(listingStatus(seller, listingId)).isIn("PUBLISHED", "OPEN");
    }

    @Test
    void aWorkspaceRefusalIsAMessageInThePagesLanguageAndChangesNothing() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        PageClient page = signedIn(seller);
        page.get("/workspace?lang=en");

        String workspace = act(
                page,
                "/workspace",
                "/workspace/listings",
                Map.of(
                        "assetId",
                        "no-such-asset",
                        "title",
                        "Nothing",
                        "offer",
                        "ASSIGNMENT",
                        "mechanism",
                        "FIXED_PRICE",
                        "startPrice",
                        "12.345",
                        "startsAt",
                        "2030-01-01T09:00",
                        "endsAt",
                        "2030-02-01T09:00"));
        assertThat(workspace)
                .contains("An amount must be yuan with at most two decimals")
                .contains("INVALID_AMOUNT");
        assertThat(api.get("/api/v1/listings?limit=200", seller.token()).text()).doesNotContain("Nothing");

        workspace = act(page, "/workspace", "/workspace/assets", Map.of("kind", "KNOW_HOW", "title", " "));
        assertThat(workspace).contains("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/assets?owner=" + seller.id(), null)
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void aPendingOrganizationIsVerifiedOnTheOperatorsDeskAndAnotherRefusedWithAReason() {
        Org newcomer = fixtures.registerOrg("ENTERPRISE");
        Org impostor = fixtures.registerOrg("ENTERPRISE");
        PageClient operator = signedIn(staff("OPERATOR"));
        String desk = operator.get("/operator").html();
        assertThat(desk)
                .contains("data-organization-id=\"" + newcomer.id() + "\"")
                .contains("data-organization-id=\"" + impostor.id() + "\"");

        desk = act(operator, "/operator", "/operator/organizations/" + newcomer.id() + "/verification", Map.of());
        assertThat(desk).contains("机构已核验").doesNotContain("data-organization-id=\"" + newcomer.id() + "\"");
        assertThat(status(newcomer)).isEqualTo("VERIFIED");

        desk = act(
                operator, "/operator", "/operator/organizations/" + impostor.id() + "/refusal", Map.of("reason", ""));
        assertThat(desk).contains("请填写理由").contains("REASON_REQUIRED");
        assertThat(status(impostor)).isEqualTo("PENDING");
        act(
                operator,
                "/operator",
                "/operator/organizations/" + impostor.id() + "/refusal",
                Map.of("reason", "The credit code belongs to another company"));
        assertThat(status(impostor)).isEqualTo("SUSPENDED");

        desk = act(operator, "/operator", "/operator/organizations/" + newcomer.id() + "/verification", Map.of());
        assertThat(desk).as("verified twice").contains("INVALID_STATUS_TRANSITION");
    }

    @Test
    void theOperatorsDeskWarnsOfAPendingOrganizationWhoseNameReadsAsAVerifiedOnesAndOfNoOther() {
        String unique = Long.toString(System.nanoTime(), 36);
        String verified = fixtures.registerEnterpriseNamed("Qiming Photonics " + unique);
        assertThat(api.post("/api/v1/organizations/" + verified + "/verification", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);
        String lookalike = fixtures.registerEnterpriseNamed("QIMING  photonics " + unique.toUpperCase());
        String other = fixtures.registerEnterpriseNamed("Qiming Photonics " + unique + " Two");

        String desk = signedIn(staff("OPERATOR")).get("/operator?lang=en").html();

        assertThat(pendingRow(desk, lookalike)).contains("Reads the same as 1 verified organization(s)");
        assertThat(pendingRow(desk, other))
                .as("a name of its own is no cause for a warning")
                .contains("Two")
                .doesNotContain("Reads the same as");
        assertThat(desk).doesNotContain("data-organization-id=\"" + verified + "\"");
    }

    @Test
    void theOperatorsDeskListsWorkThatFailedTooOftenWithItsRelease() {
        String job = "desk-test-" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into job_failure (job, item_id, attempts, last_error, first_failed_at, last_failed_at,"
                        + " next_attempt_at) values (?, 'item-1', 8, 'connection refused', now(), now(), null)")
                .param(job)
                .update();
        try {
            PageClient.Counted counted = signedIn(staff("OPERATOR")).counted("/operator?lang=en");
            assertThat(counted.page().html())
                    .contains("/operator/stuck/" + job + "/item-1/retry")
                    .contains("connection refused");
            assertThat(counted.statements())
                    .as("the session's check, the desk's lists in one round trip, then the names of the organizations"
                            + " whose listings and cash-outs wait (ADR 0117)")
                    .isLessThanOrEqualTo(3);
            assertThat(counted.commits())
                    .as("no transaction to commit (ADR 0119)")
                    .isZero();
        } finally {
            jdbc.sql("delete from job_failure where job = ?").param(job).update();
        }
    }

    /** The desk's row of a pending organization. */
    private static String pendingRow(String desk, String organizationId) {
        int start = desk.indexOf("data-organization-id=\"" + organizationId + "\"");
        assertThat(start).as("the desk lists " + organizationId).isNotNegative();
        return desk.substring(start, desk.indexOf("</tr>", start));
    }

    @Test
    void aCoOwnerConfirmsItsShareOnItsOwnWorkspace() {
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        Org institute = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        String title = Fixtures.unique("Shared sensor");
        act(
                signedIn(university),
                "/workspace",
                "/workspace/assets",
                Map.ofEntries(
                        Map.entry("kind", "KNOW_HOW"),
                        Map.entry("title", title),
                        Map.entry("abstractText", "A tactile sensor"),
                        Map.entry("language", "en"),
                        Map.entry("legalStatus", "GRANTED"),
                        Map.entry("trl", "4"),
                        Map.entry("ownShare", "60"),
                        Map.entry("coOwner", institute.id()),
                        Map.entry("coOwnerShare", "40")));

        PageClient coOwner = signedIn(institute);
        String workspace = coOwner.get("/workspace").html();
        assertThat(workspace).contains(title).contains("确认我方份额");
        String assetId = api.get("/api/v1/assets?owner=" + institute.id(), null)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        workspace = act(coOwner, "/workspace", "/workspace/assets/" + assetId + "/co-ownership", Map.of());
        assertThat(workspace).contains("已确认贵方份额").doesNotContain("确认我方份额");
        assertThat(api.get("/api/v1/assets/" + assetId, null).text("registration"))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void anAdminAddsAUserAndAMemberMayNot() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        PageClient admin = signedIn(org);
        String username = Fixtures.unique("engineer");
        String workspace = act(
                admin,
                "/workspace",
                "/workspace/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "王工",
                        "password",
                        "a long enough password",
                        "role",
                        "MEMBER"));
        assertThat(workspace).contains("用户已添加").contains(username).contains("王工");

        PageClient member = signedIn(new Org(org.id(), null, username, "a long enough password", null));
        String refused = act(
                member,
                "/workspace",
                "/workspace/users",
                Map.of(
                        "username",
                        Fixtures.unique("intern"),
                        "displayName",
                        "x",
                        "password",
                        "a long enough password"));
        assertThat(refused).contains("您无权执行此操作").contains("FORBIDDEN");
    }

    @Test
    void theOperatorConfirmsACashOut() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(org, "500.00");
        Api.Response requested = api.post(
                "/api/v1/ledger/cash-outs",
                org.token(),
                Map.of("amount", Map.of("amount", "120.00", "currency", "CNY"), "bankAccount", "6222 0212 3456 7890"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        String cashOut = requested.text("id");

        PageClient operator = signedIn(staff("OPERATOR"));
        assertThat(operator.get("/operator").html()).contains("/operator/cash-outs/" + cashOut + "/confirmation");
        String desk = act(
                operator,
                "/operator",
                "/operator/cash-outs/" + cashOut + "/confirmation",
                Map.of("bankReference", Fixtures.unique("PAY")));
        assertThat(desk).contains("出金已确认支付").doesNotContain("/operator/cash-outs/" + cashOut + "/confirmation");
        assertThat(api.get("/api/v1/ledger/cash-outs/" + cashOut, org.token()).text("status"))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void theRegulatorVerifiesTheWholeChainAndReadsTheStatistics() {
        PageClient regulator = signedIn(staff("REGULATOR"));
        regulator.get("/regulator?lang=en");

        String desk = act(regulator, "/regulator", "/regulator/verification", Map.of());

        assertThat(desk)
                .contains("data-valid=\"true\"")
                .contains("The chain holds")
                .contains("Completed deals by future industry")
                .contains("id=\"industry-chart\"")
                .contains("/webjars/chart.js/4.4.1/dist/chart.umd.js")
                .contains("— ");
    }

    /** Opens {@code page}, posts the form at {@code action} with the page's CSRF token, and opens the page again. */
    private static String act(PageClient who, String page, String action, Map<String, String> fields) {
        PageClient.Page form = who.get(page);
        assertThat(form.status()).as(form.html()).isEqualTo(200);
        PageClient.Page answer = who.post(action, fields, form);
        assertThat(answer.status()).as(action + ": " + answer.html()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith(page);
        PageClient.Page after = who.get(page);
        assertThat(after.status()).isEqualTo(200);
        return after.html();
    }

    /** A member of the venue's staff the operator's token has just added; signs in by the log-in form. */
    private Org staff(String role) {
        String username = Fixtures.unique(role.toLowerCase());
        Api.Response added = api.post(
                "/api/v1/staff", ADMIN_TOKEN, Map.of("username", username, "password", "staff password", "role", role));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Org(null, added.text("id"), username, "staff password", null);
    }

    private String listingOf(Org seller) {
        for (var item :
                api.get("/api/v1/listings?limit=200", seller.token()).json().path("items")) {
            if (seller.id().equals(item.path("sellerId").asString())) {
                return item.path("id").asString();
            }
        }
        throw new AssertionError("no listing of " + seller.id());
    }

    private String listingStatus(Org seller, String listingId) {
        return api.get("/api/v1/listings/" + listingId, seller.token()).text("status");
    }

    private String status(Org org) {
        return api.get("/api/v1/organizations/" + org.id(), ADMIN_TOKEN).text("status");
    }
}
