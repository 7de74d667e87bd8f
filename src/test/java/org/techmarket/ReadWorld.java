package org.techmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.demand.DemandMarket;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A small market in which every list a reader can ask for has {@code n} items: a seller's assets, users, tokens,
 * listings, grants, open licences, valuations; a listing of {@code n} assets with {@code n} offers in its thread; an
 * auction with {@code n} bids; a buyer's deals, cash-ins and cash-outs; {@code n} surveillance alerts naming
 * {@code n} parties; a deal signed, registered, funded and disputed with {@code n} pieces of evidence.
 */
final class ReadWorld {

    final int n;
    final Org seller;
    final Org buyer;
    final Org rival;
    final List<String> assets = new ArrayList<>();
    final List<String> deals = new ArrayList<>();
    String auction;
    String negotiation;
    String offer;
    String grantedAsset;
    String grant;
    String valuedAsset;
    String valuation;
    String cashOut;
    String signature;
    String registration;
    String dispute;
    String ownershipDispute;
    String royaltyDeal;
    String alert;
    final List<String> needs = new ArrayList<>();
    String challenge;
    String proposal;
    final List<String> savedSearches = new ArrayList<>();
    final List<String> webhooks = new ArrayList<>();
    String financingRequest;
    String loan;

    Org broker;
    String mandate;
    long checkpointSize;
    String defaultVenue;
    String venue;
    String venueOperator;
    long feedStart;
    Instant startedAt;

    private final Api api;
    private final Fixtures fixtures;

    ReadWorld(Api api, Fixtures fixtures, JdbcClient jdbc, int n) {
        this.n = n;
        this.api = api;
        this.fixtures = fixtures;
        startedAt = Instant.now();
        feedStart = jdbc.sql("select coalesce(max(seq), 0) from venue_public_event")
                .query(Long.class)
                .single();
        seller = fixtures.verifiedOrg("UNIVERSITY");
        buyer = fixtures.verifiedOrg("ENTERPRISE");
        rival = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(rival, "1000000.00");
        String bankAccount = "6222 " + (100_000_000L + (long) (Math.random() * 800_000_000L)) + " 55";
        for (int i = 0; i < n; i++) {
            fixtures.cashIn(buyer, "100000.00");
            fixtures.registerOrg("ENTERPRISE");
            fixtures.logIn(seller.username(), seller.password());
            member();
            cashOut = created(api.post(
                    "/api/v1/ledger/cash-outs",
                    buyer.token(),
                    Map.of("amount", cny("1.00"), "bankAccount", bankAccount)));
        }
        sales();
        auction();
        negotiation();
        grants();
        openLicences();
        valuations();
        dealSignedRegisteredAndDisputed();
        alerts(jdbc);
        demand();
        savedSearchesAndWebhooks();
        financing();

        mandates();
        venues();
        signingKeys();
        ownershipDispute = created(api.post(
                "/api/v1/assets/" + grantedAsset + "/ownership-disputes",
                buyer.token(),
                Map.of("statement", "Our engineer is the sole inventor", "evidence", hashes())));
        checkpointSize = Long.parseLong(
                api.get("/api/v1/log/checkpoint", null).text().lines().toList().get(1));
    }

    /**
     * {@code n} loans of the seller, each against a patent of its own, the last over {@code n} months; a request of
     * the seller's with {@code n} offers.
     */
    private void financing() {
        Org bank = fixtures.verifiedOrg("LENDER");
        fixtures.cashIn(bank, "1000000.00");
        for (int i = 0; i <= n; i++) {
            String patent = created(
                    fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber())));
            financingRequest = created(api.post(
                    "/api/v1/financing-requests",
                    seller.token(),
                    Map.of(
                            "assetIds",
                            List.of(patent),
                            "amount",
                            cny("100.00"),
                            "termMonths",
                            n,
                            "purpose",
                            "Pilot line " + i)));
            if (i < n) {
                String offer = created(api.post(
                        "/api/v1/financing-requests/" + financingRequest + "/offers",
                        bank.token(),
                        Map.of("rate", 450, "loanToValue", 6000, "termMonths", n)));
                loan = created(api.post(
                        "/api/v1/financing-requests/" + financingRequest + "/offers/" + offer + "/acceptance",
                        seller.token(),
                        Map.of()));
            }
        }
        for (int i = 0; i < n; i++) {
            created(api.post(
                    "/api/v1/financing-requests/" + financingRequest + "/offers",
                    bank.token(),
                    Map.of("rate", 400 + i, "loanToValue", 6000, "termMonths", n)));
        }
    }

    /** {@code n} published needs of the buyer; a challenge of the rival with {@code n} proposals. */
    private void demand() {
        for (int i = 0; i < n; i++) {
            String need = created(
                    api.post("/api/v1/needs", buyer.token(), DemandMarket.need("Sulfide electrolyte " + i, "PUBLIC")));
            published(api.post("/api/v1/needs/" + need + "/publication", buyer.token(), Map.of()));
            needs.add(need);
        }
        fixtures.cashIn(rival, "1000000.00");
        challenge = created(api.post(
                "/api/v1/challenges",
                rival.token(),
                DemandMarket.challenge("Solid-state pilot line", List.of(seller.adminId()))));
        published(api.post("/api/v1/needs/" + challenge + "/publication", rival.token(), Map.of()));
        for (int i = 0; i < n; i++) {
            Org proposer = fixtures.verifiedOrg("ENTERPRISE");
            proposal = created(api.post(
                    "/api/v1/challenges/" + challenge + "/proposals",
                    proposer.token(),
                    DemandMarket.proposal("900000")));
        }
    }

    /** A technology broker holding {@code n} mandates from the seller. */
    private void mandates() {
        broker = fixtures.verifiedOrg("BROKER");
        for (int i = 0; i < n; i++) {
            mandate = created(api.post(
                    "/api/v1/mandates",
                    seller.token(),
                    Map.of(
                            "brokerId",
                            broker.id(),
                            "scope",
                            Map.of("assetIds", List.of(assets.get(0))),
                            "actions",
                            List.of("LIST", "NEGOTIATE"),
                            "commission",
                            Map.of("basisPoints", 200, "minimum", cny("100.00")),
                            "validUntil",
                            java.time.Instant.now().plusSeconds(86_400).toString())));
        }
    }

    /** {@code n} saved searches of the seller's administrator; as many webhooks of the seller as it may keep. */
    /**
     * {@code n} venues, the world's auction put to each of them; {@code n} organizations verified by the first, each
     * doubted by the operator of another.
     */
    private void venues() {
        defaultVenue =
                api.get("/api/v1/organizations/" + seller.id(), seller.token()).text("venueId");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < Math.max(n, 2); i++) {
            Map<String, Object> venueBody = new LinkedHashMap<>();
            venueBody.put("name", Fixtures.unique("Exchange"));
            venueBody.put("regionCode", "440000");
            venueBody.put(
                    "feeSchedule",
                    Map.of(
                            "defaultBasisPoints", 100,
                            "rates", List.of(),
                            "minimum", cny("0.00"),
                            "maximum", cny("100000.00"),
                            "introducerShareBasisPoints", 2000));
            venueBody.put("rulebook", Map.of("title", "Rules", "text", "Article 1."));
            opened.add(created(api.post("/api/v1/venues", IntegrationTest.MARKET_ADMIN_TOKEN, venueBody)));
        }
        venue = opened.get(0);
        venueOperator = operatorOf(venue);
        String doubter = operatorOf(opened.get(1));
        for (int i = 0; i < n; i++) {
            created(api.post(
                    "/api/v1/venues/" + opened.get(i) + "/cross-listings",
                    seller.token(),
                    Map.of("listingId", auction)));
            Org verified = fixtures.registerOrg("ENTERPRISE");
            assertThat(api.post("/api/v1/organizations/" + verified.id() + "/verification", venueOperator, Map.of())
                            .status())
                    .isEqualTo(200);
            created(api.post(
                    "/api/v1/organizations/" + verified.id() + "/concerns", doubter, Map.of("reason", "Doubt " + i)));
        }
    }

    private String operatorOf(String venueId) {
        String username = Fixtures.unique("operator");
        created(api.post(
                "/api/v1/venues/" + venueId + "/operators",
                IntegrationTest.MARKET_ADMIN_TOKEN,
                Map.of("username", username, "password", "venue operator password")));
        return fixtures.logIn(username, "venue operator password");
    }

    private void savedSearchesAndWebhooks() {
        for (int i = 0; i < n; i++) {
            savedSearches.add(created(api.post(
                    "/api/v1/saved-searches",
                    seller.token(),
                    Map.of("q", "solid electrolyte " + i, "channel", "IN_APP"))));
        }
        for (int i = 0; i < Math.min(n, 10); i++) {
            webhooks.add(created(api.post(
                    "/api/v1/webhooks",
                    seller.token(),
                    Map.of("url", "http://127.0.0.1:9/hooks/" + i, "events", List.of("listing.outbid")))));
        }
    }

    private void member() {
        created(api.post(
                "/api/v1/organizations/" + seller.id() + "/users",
                seller.token(),
                Map.of("username", Fixtures.unique("member"), "password", "correct horse battery", "role", "MEMBER")));
    }

    private String patent() {
        String id = created(
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber())));
        assets.add(id);
        return id;
    }

    /** {@code n} fixed-price assignments bought by the buyer: {@code n} deals. */
    private void sales() {
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String listing = fixtures.publishListing(
                    seller,
                    listing(List.of(patent()), Map.of("type", "ASSIGNMENT"), mechanism("FIXED_PRICE", "1000.00")));
            created(api.post("/api/v1/listings/" + listing + "/purchase", buyer.token(), Map.of()));
            listings.add(listing);
        }
        Eventually.await(
                "the buyer's deals open",
                Duration.ofSeconds(30),
                () -> api.get("/api/v1/deals?role=buyer&limit=100", buyer.token())
                                .json()
                                .path("items")
                                .size()
                        == n);
        api.get("/api/v1/deals?role=buyer&limit=100", buyer.token())
                .json()
                .path("items")
                .forEach(d -> deals.add(d.path("id").asString()));
    }

    /** An English auction with {@code n} bids, the buyer and the rival taking turns. */
    private void auction() {
        Map<String, Object> english = mechanism("ENGLISH", "1000.00");
        english.put("increment", cny("10.00"));
        auction = fixtures.publishListing(seller, listing(List.of(patent()), Map.of("type", "ASSIGNMENT"), english));
        for (int i = 0; i < n; i++) {
            Org bidder = i % 2 == 0 ? buyer : rival;
            created(api.post(
                    "/api/v1/listings/" + auction + "/bids",
                    bidder.token(),
                    Map.of("amount", cny((1000 + 10 * i) + ".00"))));
        }
    }

    /** A negotiation over {@code n} assets whose thread holds {@code n} offers, buyer and seller countering. */
    private void negotiation() {
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            offered.add(patent());
        }
        negotiation = fixtures.publishListing(
                seller, listing(offered, Map.of("type", "ASSIGNMENT"), mechanism("NEGOTIATION", "2000.00")));
        // the buyer's earlier negotiations on it, each declined: its own list of negotiations grows with the world
        for (int i = 1; i < n; i++) {
            String declined =
                    created(api.post("/api/v1/listings/" + negotiation + "/offers", buyer.token(), offer(900)));
            published(api.post("/api/v1/offers/" + declined + "/rejection", seller.token(), Map.of()));
        }
        offer = created(api.post("/api/v1/listings/" + negotiation + "/offers", buyer.token(), offer(1000)));
        for (int i = 1; i < n; i++) {
            Org by = i % 2 == 1 ? seller : buyer;
            offer = created(api.post("/api/v1/offers/" + offer + "/counter", by.token(), offer(1000 + i)));
        }
    }

    private void grants() {
        grantedAsset = patent();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            grant = created(api.post(
                    "/api/v1/assets/" + grantedAsset + "/grants",
                    seller.token(),
                    Map.of(
                            "type",
                            "NON_EXCLUSIVE_LICENCE",
                            "granteeId",
                            (i % 2 == 0 ? buyer : rival).id(),
                            "scope",
                            Map.of(
                                    "fields",
                                    List.of("G06N"),
                                    "territories",
                                    List.of("CN"),
                                    "start",
                                    today.toString(),
                                    "end",
                                    today.plusYears(2).toString()))));
        }
    }

    /** {@code n} open licences for a lump sum, and one on a share of revenue that the buyer takes. */
    private void openLicences() {
        for (int i = 0; i < n; i++) {
            declareOpenLicence(patent(), Map.of("type", "LUMP_SUM", "amount", cny("100.00")));
        }
        String royalty = patent();
        declareOpenLicence(
                royalty, Map.of("type", "PERCENT_OF_REVENUE", "percent", "3", "minimumPerYear", cny("100.00")));
        created(api.post("/api/v1/assets/" + royalty + "/open-licence/licences", buyer.token(), Map.of()));
        Eventually.await(
                "the royalty deal opens",
                Duration.ofSeconds(30),
                () -> api.get("/api/v1/deals?role=buyer&limit=100", buyer.token())
                                .json()
                                .path("items")
                                .size()
                        == n + 1);
        api.get("/api/v1/deals?role=buyer&limit=100", buyer.token())
                .json()
                .path("items")
                .forEach(d -> {
                    if (!deals.contains(d.path("id").asString())) {
                        royaltyDeal = d.path("id").asString();
                    }
                });
    }

    private void declareOpenLicence(String asset, Map<String, Object> royalty) {
        Api.Response declared = api.put(
                "/api/v1/assets/" + asset + "/open-licence",
                seller.token(),
                Map.of("royalty", royalty, "termMonths", 12),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
    }

    private void valuations() {
        valuedAsset = patent();
        for (int i = 0; i < n; i++) {
            valuation = created(api.post(
                    "/api/v1/assets/" + valuedAsset + "/valuations",
                    seller.token(),
                    Map.of(
                            "purpose",
                            "TRANSFER",
                            "valuationDate",
                            "2026-06-30",
                            "inputs",
                            Map.of(
                                    "revenueForecast",
                                    List.of("1000000.00", "1200000.00", "1500000.00"),
                                    "discountRate",
                                    "0.12",
                                    "royaltyRate",
                                    "0.05"))));
        }
    }

    /** {@code n} signing keys the seller's users hold, registered once its deal is signed. */
    private void signingKeys() {
        for (int i = 0; i < n; i++) {
            try {
                byte[] key = KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded();
                created(api.post(
                        "/api/v1/signing-keys",
                        seller.token(),
                        Map.of("publicKey", Base64.getEncoder().encodeToString(key))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
            }
        }
    }

    private void dealSignedRegisteredAndDisputed() {
        String deal = "/api/v1/deals/" + deals.get(0);
        signature = created(api.post(deal + "/signatures", seller.token(), Map.of()));
        created(api.post(deal + "/signatures", buyer.token(), Map.of()));
        Api.Response registered = api.post(deal + "/registration", seller.token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        registration = registered.text("number");
        Api.Response funded = api.post(deal + "/funding", buyer.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        dispute = created(api.post(
                deal + "/disputes",
                seller.token(),
                Map.of("reasons", "The buyer refuses to receive the documents", "evidence", hashes())));
    }

    /** {@code n} open alerts, each naming {@code n} parties: written as the detectors write them. */
    private void alerts(JdbcClient jdbc) {
        List<String> parties = new ArrayList<>(List.of(seller.id(), buyer.id(), rival.id()));
        while (parties.size() < n) {
            parties.add(fixtures.registerOrg("ENTERPRISE").id());
        }
        String joined = String.join(";", parties.subList(0, n));
        for (int i = 0; i < n; i++) {
            alert = Fixtures.unique("alert");
            jdbc.sql("""
                    insert into surveillance_alert (id, kind, finding_key, score, parties, evidence, rule, status,
                        raised_at, updated_at, version)
                    values (?, 'SHILL_BIDDING', ?, 0.9, string_to_array(?, ';'), string_to_array(?, ';'),
                        'related parties bid on one listing', 'OPEN', now(), now(), 1)""").params(alert, alert, joined, auction).update();
        }
    }

    private List<String> hashes() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(String.format("%064x", i + 1));
        }
        return hashes;
    }

    private Map<String, Object> offer(int yuan) {
        return Map.of(
                "price",
                cny(yuan + ".00"),
                "paymentTerms",
                Map.of(
                        "kind",
                        "LUMP_SUM",
                        "dueDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()),
                "deadline",
                now().plus(Duration.ofMinutes(30)).toString());
    }

    private static Map<String, Object> listing(
            List<String> assetIds, Map<String, Object> offer, Map<String, Object> mechanism) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", assetIds);
        body.put("offer", offer);
        body.put("mechanism", mechanism);
        body.put("title", "Sparse-sensor training method");
        body.put("description", "A granted invention patent with a working prototype.");
        return body;
    }

    private static Map<String, Object> mechanism(String type, String start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("startPrice", cny(start));
        m.put("deposit", cny(type.equals("NEGOTIATION") ? "0.00" : "100.00"));
        m.put("startsAt", now().toString());
        m.put("endsAt", now().plus(Duration.ofHours(1)).toString());
        return m;
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void published(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.text("id").isEmpty() ? response.text("bidId") : response.text("id");
    }
}
