package org.techmarket.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trades on the freshly loaded demo market through the public HTTP API, as its participants would, so that a
 * newcomer finds every kind of activity to look at: money cashed in, a live English auction with a bid, a
 * negotiation with an offer in instalments awaiting its answer, a fixed-price licence bought and settled all the way
 * to a registered contract and the licensed patent then valued, and a development contract proposed directly and
 * awaiting signatures. It uses nothing but the API, so it exercises the same rules as any client; a step that is
 * refused stops the trading and says why.
 */
final class DemoTrading {

    /** A refused step: the call, its status and the problem the market answered. */
    static final class Refused extends RuntimeException {
        Refused(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
        }
    }

    /** What the demo traded, for the banner and the tests. */
    record Traded(
            String auctionId,
            String negotiationId,
            String completedDealId,
            String registrationNumber,
            String proposedDealId,
            String valuationId,
            String challengeId) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEAL_PATIENCE = Duration.ofSeconds(20);
    private static final List<String> TRADERS =
            List.of("operator", "university", "institute", "robotics", "storage", "broker");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Clock clock;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    DemoTrading(int port, Clock clock) {
        this.base = "http://localhost:" + port;
        this.clock = clock;
    }

    /**
     * Trades with the demo users' {@code passwords} on the demo assets named by {@code assetIds} (patent number →
     * asset id): the 6G antenna, the solid-state electrolyte and the defect-detection method.
     */
    Traded trade(Map<String, String> passwords, Map<String, String> assetIds) {
        logIn(passwords);
        String robotics = organizationOf("robotics");
        String storage = organizationOf("storage");
        cashIn(robotics, "3000000.00");
        cashIn(storage, "2000000.00");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

        // A technology broker with the university's confirmed mandate for the 6G antenna lists it for the university.
        String university = organizationOf("university");
        String mandate = post(
                        "/api/v1/mandates",
                        "university",
                        Map.of(
                                "brokerId",
                                organizationOf("broker"),
                                "scope",
                                Map.of("assetIds", List.of(assetIds.get(DemoCnAssets.SIX_G_ANTENNA))),
                                "actions",
                                List.of("LIST", "NEGOTIATE", "SIGN"),
                                "commission",
                                Map.of("basisPoints", 300, "minimum", cny("5000.00")),
                                "validUntil",
                                now.plus(Duration.ofDays(365)).toString()))
                .path("id")
                .asString();
        post("/api/v1/mandates/" + mandate + "/confirmation", "university", Map.of());

        // A live auction: an exclusive licence of the 6G antenna in China for three years, opened by a bid; the
        // broker drafts and submits it for the university, naming its client in the body.
        String auction = publish(
                "broker",
                Optional.of(university),
                assetIds.get(DemoCnAssets.SIX_G_ANTENNA),
                licence("EXCLUSIVE", today, 3),
                "6G 太赫兹可重构智能超表面天线 — 中国境内独占许可三年",
                mechanism(
                        "ENGLISH",
                        "300000.00",
                        "30000.00",
                        now,
                        now.plus(Duration.ofDays(7)),
                        Map.of("increment", cny("10000.00"))));
        post("/api/v1/listings/" + auction + "/bids", "robotics", Map.of("amount", cny("300000.00")));

        // A negotiation: the solid-state electrolyte's assignment, with an offer in two instalments to answer.
        String negotiation = publish(
                "institute",
                assetIds.get(DemoCnAssets.SOLID_STATE_ELECTROLYTE),
                Map.of("type", "ASSIGNMENT"),
                "硫化物固态电解质发明专利 — 专利权转让（议价）",
                mechanism("NEGOTIATION", "1200000.00", "50000.00", now, now.plus(Duration.ofDays(30)), Map.of()));
        post(
                "/api/v1/listings/" + negotiation + "/offers",
                "storage",
                Map.of(
                        "price",
                        cny("1000000.00"),
                        "paymentTerms",
                        Map.of(
                                "kind",
                                "INSTALMENTS",
                                "instalments",
                                List.of(
                                        Map.of(
                                                "amount",
                                                cny("400000.00"),
                                                "dueDate",
                                                today.plusDays(30).toString()),
                                        Map.of(
                                                "amount",
                                                cny("600000.00"),
                                                "dueDate",
                                                today.plusDays(180).toString()))),
                        "deadline",
                        now.plus(Duration.ofDays(3)).toString()));

        // A fixed-price licence bought, signed, funded, delivered, accepted and registered.
        String fixed = publish(
                "university",
                assetIds.get(DemoCnAssets.DEFECT_DETECTION),
                licence("NON_EXCLUSIVE", today, 5),
                "工业表面缺陷检测方法 — 普通许可五年（一口价）",
                mechanism("FIXED_PRICE", "150000.00", "0.00", now, now.plus(Duration.ofDays(30)), Map.of()));
        post("/api/v1/listings/" + fixed + "/purchase", "robotics", Map.of());
        String deal = awaitDeal("robotics", fixed);
        post("/api/v1/deals/" + deal + "/signatures", "university", Map.of());
        post("/api/v1/deals/" + deal + "/signatures", "robotics", Map.of());
        String number = post("/api/v1/deals/" + deal + "/registration", "university", Map.of())
                .path("number")
                .asString();
        send(
                request("/api/v1/deals/" + deal + "/funding", "robotics", Map.of())
                        .header("Idempotency-Key", UUID.randomUUID().toString()),
                "/api/v1/deals/" + deal + "/funding");
        post(
                "/api/v1/deals/" + deal + "/delivery",
                "university",
                Map.of(
                        "documents",
                        List.of(
                                Map.of(
                                        "sha256",
                                        sha256Of("defect-detection: model weights and training pipeline"),
                                        "description",
                                        "检测模型权重、训练流程与部署说明"),
                                Map.of(
                                        "sha256",
                                        sha256Of("defect-detection: licence deed"),
                                        "description",
                                        "专利实施许可合同备案材料"))));
        post("/api/v1/deals/" + deal + "/acceptance", "robotics", Map.of());

        // The university has the licensed method valued: the licence just completed is its market comparable.
        String valuation = post(
                        "/api/v1/assets/" + assetIds.get(DemoCnAssets.DEFECT_DETECTION) + "/valuations",
                        "university",
                        Map.of(
                                "purpose",
                                "LICENSING",
                                "valuationDate",
                                today.toString(),
                                "inputs",
                                Map.of(
                                        "revenueForecast",
                                        List.of("2000000.00", "3000000.00", "4000000.00", "4500000.00", "5000000.00"),
                                        "royaltyRate",
                                        "0.03",
                                        "discountRate",
                                        "0.12",
                                        "reproductionCost",
                                        "600000.00",
                                        "obsolescence",
                                        "0.20")))
                .path("id")
                .asString();

        // A commissioned development proposed directly by the institute to the storage maker.
        String proposed = post(
                        "/api/v1/deals",
                        "institute",
                        Map.of(
                                "type",
                                "DEVELOPMENT",
                                "clientId",
                                storage,
                                "price",
                                cny("500000.00"),
                                "paymentTerms",
                                Map.of(
                                        "kind",
                                        "INSTALMENTS",
                                        "instalments",
                                        List.of(
                                                Map.of(
                                                        "amount",
                                                        cny("200000.00"),
                                                        "dueDate",
                                                        today.plusDays(14).toString()),
                                                Map.of(
                                                        "amount",
                                                        cny("300000.00"),
                                                        "dueDate",
                                                        today.plusDays(120).toString()))),
                                "deliveryObligations",
                                "建成硫化物固态电解质百公斤级中试工艺包：工艺路线、设备清单、质量控制规程和" + "一批合格样品的检测报告，并为委托人培训工艺人员。",
                                "acceptancePeriodDays",
                                30,
                                "workEndsOn",
                                today.plusDays(150).toString()))
                .path("id")
                .asString();
        String challenge = postNeedsAndChallenge(now, today);
        return new Traded(auction, negotiation, deal, number, proposed, valuation, challenge);
    }

    /**
     * Technology needs of the robotics and storage makers, and the storage maker's challenge (揭榜挂帅) for a
     * pilot process, with proposals from the university and the institute scored by the operator's panel; its id.
     */
    /**
     * Each trader logs in with its password, two at a time: each log-in checks a bcrypt hash, the demo's costliest
     * step, and the market answers them on request threads of its own.
     */
    private void logIn(Map<String, String> passwords) {
        Map<String, CompletableFuture<String>> loggingIn = new LinkedHashMap<>();
        ExecutorService twoAtATime = Executors.newFixedThreadPool(2);
        try {
            for (String user : TRADERS) {
                loggingIn.put(user, CompletableFuture.supplyAsync(() -> token(user, passwords.get(user)), twoAtATime));
            }
            loggingIn.forEach((user, token) -> tokens.put(user, token.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : e;
        } finally {
            twoAtATime.shutdown();
        }
    }

    private String token(String user, String password) {
        return post("/api/v1/tokens", null, Map.of("username", user, "password", password))
                .path("token")
                .asString();
    }

    private String postNeedsAndChallenge(Instant now, LocalDate today) {
        String deadline = now.plus(Duration.ofDays(60)).toString();
        publishNeed(
                "robotics",
                "/api/v1/needs",
                need(
                        "人形机器人灵巧手高密度触觉传感阵列",
                        "为人形机器人灵巧手寻求柔性高密度触觉传感阵列：每指尖不少于64个感知单元，响应时间小于5毫秒，" + "可承受十万次以上抓取循环，并提供驱动与标定软件。",
                        List.of("HUMANOID_ROBOTS", "ADVANCED_MATERIALS"),
                        List.of("B25J 13/08", "G01L 1/18"),
                        "440300",
                        "200000.00",
                        "800000.00",
                        deadline,
                        "PUBLIC"));
        publishNeed(
                "robotics",
                "/api/v1/needs",
                need(
                        "Low-power edge inference chip for humanoid robot vision",
                        "We look for a licensable neural-network accelerator design (under 2 W, INT8, 20 TOPS or more)"
                                + " to run object detection and grasp planning on board our humanoid robots.",
                        List.of("INTEGRATED_CIRCUITS", "ARTIFICIAL_INTELLIGENCE"),
                        List.of("G06N 3/063"),
                        "440300",
                        "500000.00",
                        "3000000.00",
                        deadline,
                        "VERIFIED_ONLY"));
        publishNeed(
                "storage",
                "/api/v1/needs",
                need(
                        "Sodium-ion cathode material for grid-scale energy storage",
                        "A layered-oxide or Prussian-blue cathode for sodium-ion cells above 140 mAh/g with 4,000 cycles,"
                                + " ready for a pilot line in Hefei; licence or assignment.",
                        List.of("NEW_ENERGY_STORAGE"),
                        List.of("H01M 4/13"),
                        "340100",
                        "300000.00",
                        "1500000.00",
                        deadline,
                        "PUBLIC"));
        String operator = get("/api/v1/me", "operator").path("userId").asString();
        Map<String, Object> challenge = need(
                "硫化物固态电解质百公斤级中试工艺（揭榜挂帅）",
                "面向全固态电池量产，公开征集硫化物固态电解质百公斤级中试工艺：室温离子电导率不低于10 mS/cm，" + "空气稳定性满足干燥间生产，批次一致性偏差小于5%。",
                List.of("NEW_ENERGY_STORAGE", "ADVANCED_MATERIALS"),
                List.of("H01M 10/0562"),
                "340100",
                "500000.00",
                "800000.00",
                deadline,
                "PUBLIC");
        challenge.put("reward", cny("800000.00"));
        challenge.put(
                "milestones",
                List.of(
                        Map.of(
                                "title",
                                "小试验证",
                                "deliverable",
                                "公斤级样品及第三方电导率检测报告",
                                "amount",
                                cny("300000.00"),
                                "dueDate",
                                today.plusDays(90).toString()),
                        Map.of(
                                "title",
                                "中试工艺包",
                                "deliverable",
                                "百公斤级中试线工艺包与三批次一致性报告",
                                "amount",
                                cny("500000.00"),
                                "dueDate",
                                today.plusDays(240).toString())));
        challenge.put("eligibility", "已认证的高校、科研院所和企业；须有硫化物电解质合成经验");
        challenge.put(
                "criteria",
                List.of(
                        Map.of("name", "技术路线", "weight", 50),
                        Map.of("name", "团队能力", "weight", 30),
                        Map.of("name", "报价", "weight", 20)));
        challenge.put("panel", List.of(operator));
        String id = publishNeed("storage", "/api/v1/challenges", challenge);
        String fromInstitute = post(
                        "/api/v1/challenges/" + id + "/proposals",
                        "institute",
                        Map.of(
                                "summary",
                                "Li6PS5Cl 银锗矿型电解质，干法合成，电导率12 mS/cm",
                                "plan",
                                "三个月完成公斤级验证，八个月建成百公斤级中试线",
                                "price",
                                cny("780000.00"),
                                "team",
                                List.of("固态电池课题组", "中试工程部")))
                .path("id")
                .asString();
        String fromUniversity = post(
                        "/api/v1/challenges/" + id + "/proposals",
                        "university",
                        Map.of(
                                "summary",
                                "Halide-sulfide composite electrolyte with improved air stability",
                                "plan",
                                "Lab scale in four months, pilot process with a partner line in nine",
                                "price",
                                cny("650000.00"),
                                "team",
                                List.of("School of Materials", "Battery Research Centre")))
                .path("id")
                .asString();
        score(fromInstitute, 88, 85, 70);
        score(fromUniversity, 75, 80, 90);
        return id;
    }

    private static Map<String, Object> need(
            String title,
            String description,
            List<String> industries,
            List<String> ipc,
            String region,
            String min,
            String max,
            String deadline,
            String visibility) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("title", title);
        need.put("description", description);
        need.put("industries", industries);
        need.put("ipc", ipc);
        need.put("region", region);
        need.put("budget", Map.of("min", cny(min), "max", cny(max)));
        need.put("deadline", deadline);
        need.put("visibility", visibility);
        return need;
    }

    private String publishNeed(String user, String path, Map<String, Object> body) {
        String id = post(path, user, body).path("id").asString();
        post("/api/v1/needs/" + id + "/publication", user, Map.of());
        return id;
    }

    private void score(String proposalId, int route, int team, int price) {
        post(
                "/api/v1/proposals/" + proposalId + "/scores",
                "operator",
                Map.of(
                        "scores",
                        List.of(
                                Map.of("criterion", "技术路线", "score", route),
                                Map.of("criterion", "团队能力", "score", team),
                                Map.of("criterion", "报价", "score", price))));
    }

    private String organizationOf(String user) {
        return get("/api/v1/me", user).path("organizationId").asString();
    }

    private void cashIn(String organizationId, String yuan) {
        post(
                "/api/v1/ledger/cash-ins",
                "operator",
                Map.of(
                        "organizationId",
                        organizationId,
                        "amount",
                        cny(yuan),
                        "bankReference",
                        "DEMO-" + UUID.randomUUID()));
    }

    /** Drafts, submits and has the operator approve a listing of one asset; returns its id. */
    private String publish(
            String seller, String assetId, Map<String, Object> offer, String title, Map<String, Object> mechanism) {
        return publish(seller, Optional.empty(), assetId, offer, title, mechanism);
    }

    /** As {@link #publish}, drafted and submitted by a broker's user for its client when {@code client} is given. */
    private String publish(
            String user,
            Optional<String> client,
            String assetId,
            Map<String, Object> offer,
            String title,
            Map<String, Object> mechanism) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("assetIds", List.of(assetId));
        draft.put("offer", offer);
        draft.put("mechanism", mechanism);
        draft.put("title", title);
        draft.put("description", title);
        client.ifPresent(c -> draft.put("onBehalfOf", c));
        String id = post("/api/v1/listings", user, draft).path("id").asString();
        post(
                "/api/v1/listings/" + id + "/submission",
                user,
                client.<Map<String, Object>>map(c -> Map.of("onBehalfOf", c)).orElse(Map.of()));
        post("/api/v1/listings/" + id + "/approval", "operator", Map.of());
        return id;
    }

    private static Map<String, Object> licence(String type, LocalDate start, int years) {
        return Map.of(
                "type",
                "LICENCE",
                "licence",
                Map.of(
                        "type",
                        type,
                        "scope",
                        Map.of(
                                "fields",
                                List.of("*"),
                                "territories",
                                List.of("CN"),
                                "start",
                                start.toString(),
                                "end",
                                start.plusYears(years).toString())));
    }

    private static Map<String, Object> mechanism(
            String type, String start, String deposit, Instant startsAt, Instant endsAt, Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>(more);
        m.put("type", type);
        m.put("startPrice", cny(start));
        m.put("deposit", cny(deposit));
        m.put("startsAt", startsAt.toString());
        m.put("endsAt", endsAt.toString());
        return m;
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static String sha256Of(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deal the listing's sale opened; deals open just after the sale commits, so this waits a little. */
    private String awaitDeal(String buyer, String listingId) {
        long giveUp = System.nanoTime() + DEAL_PATIENCE.toNanos();
        while (System.nanoTime() < giveUp) {
            for (JsonNode deal : get("/api/v1/deals?role=buyer&limit=50", buyer).path("items")) {
                if (listingId.equals(deal.path("listingId").asString())) {
                    return deal.path("id").asString();
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new Refused("GET /api/v1/deals", 404, "no deal opened for listing " + listingId);
    }

    private JsonNode get(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(user));
        return send(request.GET(), "GET " + path);
    }

    private JsonNode post(String path, String user, Object body) {
        return send(request(path, user, body), "POST " + path);
    }

    private HttpRequest.Builder request(String path, String user, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (user != null) {
            request.header("Authorization", "Bearer " + tokens.get(user));
        }
        return request;
    }

    private JsonNode send(HttpRequest.Builder request, String call) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new Refused(call, response.statusCode(), response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Refused(call, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
