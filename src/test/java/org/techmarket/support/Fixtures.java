package org.techmarket.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.techmarket.participant.ResidentIdentityNumber;
import org.techmarket.participant.UnifiedSocialCreditCode;

/** Makes participants and assets through the API, each with fresh unique names and codes. */
public final class Fixtures {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Patent and identity serial numbers count up from a random start, so no two in one run collide. */
    private static final AtomicInteger PATENT_SERIAL = new AtomicInteger(RANDOM.nextInt(5_000_000));

    private static final AtomicInteger PERSON_SERIAL = new AtomicInteger(RANDOM.nextInt(365 * 20 * 1000));

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    /** A registered organization with its admin's credentials and token. */
    public record Org(String id, String adminId, String username, String password, String token) {}

    public static String uniqueCreditCode() {
        StringBuilder first17 = new StringBuilder("91440300");
        for (int i = 0; i < 9; i++) {
            first17.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(first17.toString());
    }

    /** A valid resident identity number of someone born in Shenzhen between 1960 and 2005, never the same twice. */
    public static String uniqueIdentityNumber() {
        int serial = PERSON_SERIAL.getAndIncrement() % (365 * 45 * 1000);
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(serial / 1000);
        String first17 =
                "440305" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial % 1000);
        return ResidentIdentityNumber.withCheckCharacter(first17);
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
    }

    public static Map<String, Object> registration(
            String name, String type, String creditCode, String region, String username, String password) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", name);
        organization.put("type", type);
        organization.put("creditCode", creditCode);
        organization.put("region", region);
        return Map.of(
                "organization",
                organization,
                "admin",
                Map.of("username", username, "password", password, "displayName", "Admin of " + name));
    }

    /** The registration of an individual (a natural person) with their resident identity number. */
    public static Map<String, Object> individual(
            String name, String identityNumber, String region, String username, String password) {
        Map<String, Object> registration = registration(name, "INDIVIDUAL", null, region, username, password);
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = (Map<String, Object>) registration.get("organization");
        organization.put("identityNumber", identityNumber);
        return registration;
    }

    public Org registerOrg(String type) {
        String username = unique("admin");
        String password = "correct horse battery";
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                "INDIVIDUAL".equals(type)
                        ? individual(unique("Person"), uniqueIdentityNumber(), "440300", username, password)
                        : registration(unique("Org"), type, uniqueCreditCode(), "440300", username, password));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return new Org(
                registered.text("organizationId"),
                registered.text("userId"),
                username,
                password,
                logIn(username, password));
    }

    /** Registers an enterprise of that name, left pending; its id. */
    public String registerEnterpriseNamed(String name) {
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                registration(
                        name, "ENTERPRISE", uniqueCreditCode(), "440300", unique("admin"), "correct horse battery"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.text("organizationId");
    }

    public Org verifiedOrg(String type) {
        Org org = registerOrg(type);
        Api.Response verified =
                api.post("/api/v1/organizations/" + org.id() + "/verification", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        return org;
    }

    /** A regulator the operator has just added, logged in: its token. */
    public String regulator() {
        String username = unique("regulator");
        Api.Response added = api.post(
                "/api/v1/staff",
                IntegrationTest.ADMIN_TOKEN,
                Map.of("username", username, "password", "regulator password", "role", "REGULATOR"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return logIn(username, "regulator password");
    }

    public String logIn(String username, String password) {
        Api.Response token = api.post("/api/v1/tokens", null, Map.of("username", username, "password", password));
        assertThat(token.status()).as(token.text()).isEqualTo(201);
        return token.text("token");
    }

    /** A non-exclusive licence to {@code granteeId} for any field in China, over a year from today. */
    public static Map<String, Object> yearLicence(String granteeId) {
        return Map.of("type", "NON_EXCLUSIVE_LICENCE", "granteeId", granteeId, "scope", yearInChina());
    }

    /** A licence's scope: any field, in China, over a year from today (UTC). */
    public static Map<String, Object> yearInChina() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return Map.of(
                "fields",
                List.of("*"),
                "territories",
                List.of("CN"),
                "start",
                today.toString(),
                "end",
                today.plusYears(1).toString());
    }

    public static Map<String, Object> patentAsset(String ownerId, String patentNumber) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("kind", "INVENTION_PATENT");
        asset.put("title", "Method for training a neural network on sparse sensor data");
        asset.put("abstract", "A training method that tolerates missing sensor readings.");
        asset.put("language", "en");
        asset.put("patentNumber", patentNumber);
        asset.put("ipc", List.of("G06N 3/08", "B25J 9/16"));
        asset.put("industries", List.of("ARTIFICIAL_INTELLIGENCE"));
        asset.put("owners", List.of(Map.of("organizationId", ownerId, "share", "100")));
        asset.put("legalStatus", "GRANTED");
        asset.put("filedOn", "2019-03-01");
        asset.put("grantedOn", "2021-06-15");
        asset.put("expiresOn", "2039-03-01");
        asset.put("trl", 6);
        return asset;
    }

    /** Know-how: an asset that claims no patent, which an organization still pending may register. */
    public static Map<String, Object> knowHowAsset(String ownerId) {
        Map<String, Object> asset = patentAsset(ownerId, null);
        asset.put("kind", "KNOW_HOW");
        asset.remove("patentNumber");
        asset.put("legalStatus", "PENDING");
        asset.remove("grantedOn");
        asset.remove("expiresOn");
        return asset;
    }

    /** A fresh, valid Chinese invention application number (with its check digit). */
    public static String uniqueCnPatentNumber() {
        String twelve = "2023" + "1" + String.format("%07d", PATENT_SERIAL.getAndIncrement() % 10_000_000);
        return "ZL" + twelve + "." + org.techmarket.asset.domain.PatentNumber.checkDigit(twelve);
    }

    public Api.Response registerAsset(Org owner, Map<String, Object> asset) {
        return api.post("/api/v1/assets", owner.token(), asset);
    }

    /** Drafts the listing, submits it and has the operator approve it; returns its id. */
    public String publishListing(Org seller, Map<String, Object> listing) {
        Api.Response draft = api.post("/api/v1/listings", seller.token(), listing);
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        Api.Response submitted = api.post("/api/v1/listings/" + id + "/submission", seller.token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    /** The deal the buyer's purchase or award of the listing opened, once it has opened (just after the sale). */
    public String dealOf(Org buyer, String listingId) {
        String[] found = new String[1];
        Eventually.await("the deal of listing " + listingId, java.time.Duration.ofSeconds(30), () -> {
            for (var item : api.get("/api/v1/deals?limit=200&role=buyer", buyer.token())
                    .json()
                    .path("items")) {
                if (listingId.equals(item.path("listingId").asString())) {
                    found[0] = item.path("id").asString();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Both sign the deal, the buyer funds it, the seller delivers and the buyer accepts: the deal is COMPLETED. */
    public void completeDeal(String dealId, Org seller, Org buyer, String delivered) {
        String path = "/api/v1/deals/" + dealId;
        assertThat(api.post(path + "/signatures", seller.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(path + "/signatures", buyer.token(), Map.of()).status())
                .isEqualTo(201);
        Api.Response funded = api.post(path + "/funding", buyer.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        Api.Response delivery = api.post(
                path + "/delivery",
                seller.token(),
                Map.of("documents", List.of(Map.of("sha256", "cd".repeat(32), "description", delivered))));
        assertThat(delivery.status()).as(delivery.text()).isEqualTo(200);
        Api.Response accepted = api.post(path + "/acceptance", buyer.token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(api.get(path, buyer.token()).json().path("status").asString())
                .isEqualTo("COMPLETED");
    }

    /** Cashes {@code yuan} in to the organization's account, as the operator records a bank transfer. */
    public void cashIn(Org org, String yuan) {
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                IntegrationTest.ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        Map.of("amount", yuan, "currency", "CNY"),
                        "bankReference",
                        unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
    }

    /** An organization's CNY balances: [available, held] as decimal strings ("0.00" each before its first money). */
    public String[] balances(Org org) {
        Api.Response accounts = api.get("/api/v1/accounts", org.token());
        assertThat(accounts.status()).as(accounts.text()).isEqualTo(200);
        for (var account : accounts.json()) {
            if ("CNY".equals(account.path("currency").asString())) {
                return new String[] {
                    account.path("available").path("amount").asString(),
                    account.path("held").path("amount").asString()
                };
            }
        }
        return new String[] {"0.00", "0.00"};
    }
}
