package org.techmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.PageClient;
import org.techmarket.support.StatementCounting;

/**
 * Every GET endpoint and page runs as many SQL statements for a list of 15 as for a list of one: no query per row.
 * Each is requested in a market where its lists hold one item and in one where they hold fifteen ({@link ReadWorld}),
 * and the statements of each request are counted on the server ({@link StatementCounting}).
 */
@Import(StatementCounting.Configuration.class)
class ReadStatementsIT extends IntegrationTest {

    private static final int SHORT = 1;
    private static final int LONG = 15;

    /**
     * One line per GET mapping: its pattern, who asks, and the path in a world. {@code list} samples must answer
     * more in the long world than in the short one; {@code same} samples have no list that grows with the world.
     */
    private static final List<Sample> SAMPLES = List.of(
            Sample.same("/", Who.NOBODY, w -> "/"),
            Sample.same("/observatory", Who.NOBODY, w -> "/observatory"),
            Sample.list("/search", Who.NOBODY, w -> "/search?limit=" + w.n),
            Sample.same("/assets/{id}", Who.NOBODY, w -> "/assets/" + w.grantedAsset),
            Sample.list("/needs", Who.NOBODY, w -> "/needs?limit=" + w.n),
            Sample.list("/challenges", Who.NOBODY, w -> "/challenges?limit=" + w.n),
            Sample.same("/needs/{id}", Who.NOBODY, w -> "/needs/" + w.needs.get(0)),
            Sample.same("/challenges/{id}", Who.NOBODY, w -> "/challenges/" + w.challenge),
            Sample.same("/login", Who.NOBODY, w -> "/login"),
            Sample.same("/register", Who.NOBODY, w -> "/register"),
            Sample.same("/register/done", Who.NOBODY, w -> "/register/done"),
            Sample.same(
                    "/register/check/credit-code",
                    Who.NOBODY,
                    w -> "/register/check/credit-code?creditCode=91350100M000100Y43"),
            Sample.same(
                    "/register/check/identity-number",
                    Who.NOBODY,
                    w -> "/register/check/identity-number?identityNumber=11010519491231002X"),
            Sample.same("/api/v1/me", Who.SELLER, w -> "/api/v1/me"),
            Sample.list("/api/v1/tokens", Who.SELLER, w -> "/api/v1/tokens"),
            Sample.list("/api/v1/organizations", Who.OPERATOR, w -> "/api/v1/organizations?limit=" + w.n),
            Sample.same("/api/v1/organizations/{id}", Who.SELLER, w -> "/api/v1/organizations/" + w.seller.id()),
            Sample.list(
                    "/api/v1/organizations/{id}/users",
                    Who.SELLER,
                    w -> "/api/v1/organizations/" + w.seller.id() + "/users"),
            Sample.list("/api/v1/security-events", Who.OPERATOR, w -> "/api/v1/security-events?limit=" + w.n),
            Sample.list("/api/v1/assets", Who.NOBODY, w -> "/api/v1/assets?limit=100&owner=" + w.seller.id()),
            Sample.same("/api/v1/assets/{id}", Who.NOBODY, w -> "/api/v1/assets/" + w.assets.get(0)),
            Sample.same(
                    "/api/v1/ownership-disputes/{id}",
                    Who.BUYER,
                    w -> "/api/v1/ownership-disputes/" + w.ownershipDispute),
            Sample.list(
                    "/api/v1/assets/{assetId}/grants", Who.SELLER, w -> "/api/v1/assets/" + w.grantedAsset + "/grants"),
            Sample.same("/api/v1/grants/{grantId}", Who.SELLER, w -> "/api/v1/grants/" + w.grant),
            Sample.list("/api/v1/open-licences", Who.BUYER, w -> "/api/v1/open-licences?limit=" + w.n),
            Sample.list("/api/v1/listings", Who.SELLER, w -> "/api/v1/listings?limit=" + w.n),
            Sample.list("/api/v1/listings/{id}", Who.SELLER, w -> "/api/v1/listings/" + w.negotiation),
            Sample.list("/api/v1/listings/{id}/bids", Who.SELLER, w -> "/api/v1/listings/" + w.auction + "/bids"),
            Sample.list(
                    "/api/v1/listings/{id}/offers", Who.SELLER, w -> "/api/v1/listings/" + w.negotiation + "/offers"),
            Sample.same("/api/v1/offers/{id}", Who.SELLER, w -> "/api/v1/offers/" + w.offer),
            // an organization's own bids (the auction's and its fixed-price purchases) and its negotiations
            Sample.list("/api/v1/bids", Who.BUYER, w -> "/api/v1/bids?bidder=me&limit=100"),
            Sample.list("/api/v1/offers", Who.BUYER, w -> "/api/v1/offers?party=me&limit=100"),
            Sample.list("/api/v1/deals", Who.BUYER, w -> "/api/v1/deals?limit=100"),
            Sample.same("/api/v1/deals/{id}", Who.BUYER, w -> "/api/v1/deals/" + w.deals.get(0)),
            Sample.same("/api/v1/deals/{id}/escrow", Who.BUYER, w -> "/api/v1/deals/" + w.deals.get(0) + "/escrow"),
            Sample.same("/api/v1/deals/{id}/contract", Who.BUYER, w -> "/api/v1/deals/" + w.deals.get(0) + "/contract"),
            Sample.same(
                    "/api/v1/deals/{id}/signatures/{signatureId}/verification",
                    Who.BUYER,
                    w -> "/api/v1/deals/" + w.deals.get(0) + "/signatures/" + w.signature + "/verification"),
            Sample.list("/api/v1/signing-keys", Who.SELLER, w -> "/api/v1/signing-keys"),
            // the deal room is a page behind the log-in form: a bearer token would only be sent to log in
            Sample.page("/deals/{id}", Who.BUYER, w -> "/deals/" + w.deals.get(0), false),
            Sample.page("/workspace/account", Who.BUYER, w -> "/workspace/account", false),
            // the seller's signing keys, as many as the world is long; the registered deal's certificate
            Sample.page("/workspace/keys", Who.SELLER, w -> "/workspace/keys", true),
            Sample.page("/deals/{id}/certificate", Who.BUYER, w -> "/deals/" + w.deals.get(0) + "/certificate", false),
            Sample.same(
                    "/api/v1/deals/{id}/royalty-reports",
                    Who.BUYER,
                    w -> "/api/v1/deals/" + w.royaltyDeal + "/royalty-reports"),
            Sample.list("/api/v1/disputes/{id}", Who.SELLER, w -> "/api/v1/disputes/" + w.dispute),
            Sample.same("/api/v1/registrations/{number}", Who.BUYER, w -> "/api/v1/registrations/" + w.registration),
            Sample.same("/api/v1/accounts", Who.BUYER, w -> "/api/v1/accounts"),
            Sample.list("/api/v1/accounts/entries", Who.BUYER, w -> "/api/v1/accounts/entries?limit=100"),
            Sample.list("/api/v1/accounts/history", Who.BUYER, w -> "/api/v1/accounts/history?limit=100"),
            Sample.list("/api/v1/ledger/cash-outs", Who.BUYER, w -> "/api/v1/ledger/cash-outs?limit=100"),
            Sample.same("/api/v1/ledger/cash-outs/{id}", Who.BUYER, w -> "/api/v1/ledger/cash-outs/" + w.cashOut),
            Sample.same("/api/v1/ledger/balance-check", Who.OPERATOR, w -> "/api/v1/ledger/balance-check"),
            Sample.list("/api/v1/audit/events", Who.OPERATOR, w -> "/api/v1/audit/events?limit=" + w.n),
            Sample.same("/api/v1/audit/verification", Who.OPERATOR, w -> "/api/v1/audit/verification"),
            Sample.same("/api/v1/log/checkpoint", Who.NOBODY, w -> "/api/v1/log/checkpoint"),
            Sample.same(
                    "/api/v1/log/checkpoints/{size}", Who.NOBODY, w -> "/api/v1/log/checkpoints/" + w.checkpointSize),
            Sample.same("/api/v1/log/key", Who.NOBODY, w -> "/api/v1/log/key"),
            Sample.same("/api/v1/log/entries/{index}", Who.NOBODY, w -> "/api/v1/log/entries/" + w.n),
            Sample.list(
                    "/api/v1/log/proofs/inclusion",
                    Who.NOBODY,
                    w -> "/api/v1/log/proofs/inclusion?index=0&treeSize=" + (w.n * w.n + 1)),
            Sample.list(
                    "/api/v1/log/proofs/consistency",
                    Who.NOBODY,
                    w -> "/api/v1/log/proofs/consistency?from=1&to=" + (w.n * w.n + 1)),
            Sample.same("/api/v1/statistics/{report}", Who.NOBODY, w -> "/api/v1/statistics/deals"),
            Sample.same("/api/v1/observatory/gvc", Who.NOBODY, w -> "/api/v1/observatory/gvc"),
            Sample.same("/api/v1/observatory/gvc/industries", Who.NOBODY, w -> "/api/v1/observatory/gvc/industries"),
            Sample.same("/api/v1/observatory/kww", Who.NOBODY, w -> "/api/v1/observatory/kww"),
            Sample.same("/api/v1/observatory/market", Who.NOBODY, w -> "/api/v1/observatory/market"),
            Sample.same("/api/v1/reference/industries", Who.NOBODY, w -> "/api/v1/reference/industries"),
            Sample.same("/api/v1/reference/regions", Who.NOBODY, w -> "/api/v1/reference/regions"),
            Sample.same("/api/v1/reference/technology-fields", Who.NOBODY, w -> "/api/v1/reference/technology-fields"),
            Sample.list(
                    "/api/v1/assets/{id}/valuations",
                    Who.SELLER,
                    w -> "/api/v1/assets/" + w.valuedAsset + "/valuations"),
            Sample.same("/api/v1/valuations/{id}", Who.SELLER, w -> "/api/v1/valuations/" + w.valuation),
            Sample.list("/api/v1/surveillance/alerts", Who.OPERATOR, w -> "/api/v1/surveillance/alerts?limit=" + w.n),
            Sample.list(
                    "/api/v1/surveillance/alerts/{id}", Who.OPERATOR, w -> "/api/v1/surveillance/alerts/" + w.alert),
            Sample.same("/api/v1/surveillance/relations", Who.OPERATOR, w -> "/api/v1/surveillance/relations"),
            Sample.same("/api/v1/operations/stuck", Who.OPERATOR, w -> "/api/v1/operations/stuck"),
            Sample.list("/api/v1/search", Who.NOBODY, w -> "/api/v1/search?limit=" + w.n),
            Sample.list("/api/v1/saved-searches", Who.SELLER, w -> "/api/v1/saved-searches"),
            Sample.same(
                    "/api/v1/saved-searches/{id}", Who.SELLER, w -> "/api/v1/saved-searches/" + w.savedSearches.get(0)),
            Sample.list("/api/v1/financing-requests", Who.SELLER, w -> "/api/v1/financing-requests?limit=100"),
            Sample.list(
                    "/api/v1/financing-requests/{id}",
                    Who.SELLER,
                    w -> "/api/v1/financing-requests/" + w.financingRequest),
            Sample.list("/api/v1/loans", Who.SELLER, w -> "/api/v1/loans?limit=100"),
            Sample.list("/api/v1/loans/{id}", Who.SELLER, w -> "/api/v1/loans/" + w.loan),
            Sample.list("/api/v1/needs", Who.NOBODY, w -> "/api/v1/needs?limit=100&organizationId=" + w.buyer.id()),
            Sample.same("/api/v1/needs/{id}", Who.NOBODY, w -> "/api/v1/needs/" + w.needs.get(0)),
            Sample.same("/api/v1/needs/{id}/matches", Who.NOBODY, w -> "/api/v1/needs/" + w.needs.get(0) + "/matches"),
            Sample.same(
                    "/api/v1/assets/{id}/matches", Who.NOBODY, w -> "/api/v1/assets/" + w.assets.get(0) + "/matches"),
            Sample.list("/api/v1/challenges", Who.NOBODY, w -> "/api/v1/challenges?limit=" + w.n),
            Sample.same("/api/v1/challenges/{id}", Who.NOBODY, w -> "/api/v1/challenges/" + w.challenge),
            Sample.list(
                    "/api/v1/challenges/{id}/proposals",
                    Who.SELLER,
                    w -> "/api/v1/challenges/" + w.challenge + "/proposals"),
            Sample.same("/api/v1/proposals/{id}", Who.SELLER, w -> "/api/v1/proposals/" + w.proposal),
            Sample.list("/api/v1/mandates", Who.SELLER, w -> "/api/v1/mandates"),
            Sample.same("/api/v1/mandates/{id}", Who.SELLER, w -> "/api/v1/mandates/" + w.mandate),
            Sample.same("/api/v1/brokers/{id}", Who.NOBODY, w -> "/api/v1/brokers/" + w.broker.id()),
            Sample.list("/api/v1/notifications", Who.BUYER, w -> "/api/v1/notifications?limit=100"),
            Sample.list("/api/v1/webhooks", Who.SELLER, w -> "/api/v1/webhooks"),
            Sample.same("/api/v1/webhooks/{id}", Who.SELLER, w -> "/api/v1/webhooks/" + w.webhooks.get(0)),
            Sample.same(
                    "/api/v1/webhooks/{id}/deliveries",
                    Who.SELLER,
                    w -> "/api/v1/webhooks/" + w.webhooks.get(0) + "/deliveries"),
            Sample.same("/api/v1/venues", Who.NOBODY, w -> "/api/v1/venues"),
            Sample.same("/api/v1/venues/{id}", Who.NOBODY, w -> "/api/v1/venues/" + w.venue),
            Sample.list(
                    "/api/v1/venues/{id}/cross-listings",
                    Who.NOBODY,
                    w -> "/api/v1/venues/" + w.defaultVenue + "/cross-listings?limit=" + w.n),
            Sample.list(
                    "/api/v1/listings/{id}/venue-terms",
                    Who.NOBODY,
                    w -> "/api/v1/listings/" + w.auction + "/venue-terms"),
            Sample.list(
                    "/api/v1/venues/{id}/concerns", Who.VENUE_OPERATOR, w -> "/api/v1/venues/" + w.venue + "/concerns"),
            Sample.same(
                    "/api/v1/venues/{id}/fee-statement",
                    Who.OPERATOR,
                    w -> "/api/v1/venues/" + w.defaultVenue + "/fee-statement?from=" + w.startedAt + "&to="
                            + w.startedAt.plus(Duration.ofDays(1))),
            Sample.same("/api/v1/venues/{id}/statistics", Who.NOBODY, w -> "/api/v1/venues/" + w.venue + "/statistics"),
            Sample.list(
                    "/api/v1/venues/{id}/events",
                    Who.NOBODY,
                    w -> "/api/v1/venues/" + w.defaultVenue + "/events?after=" + w.feedStart + "&limit=" + w.n),
            // the desks: a seller's assets, listings and users, a buyer's deals and notices; the operator's queues
            // hold the whole shared market's waiting items, which grow with every world but are capped per section
            // the search of a member with saved searches: each listed with its new matches, however many
            Sample.page("/search", Who.SELLER, w -> "/search?limit=" + w.n, true),
            Sample.page("/workspace", Who.SELLER, w -> "/workspace", true),
            Sample.page("/workspace", Who.BUYER, w -> "/workspace", true),
            Sample.page("/workspace/assets/{id}", Who.SELLER, w -> "/workspace/assets/" + w.assets.get(0), false),
            Sample.page("/operator", Who.OPERATOR, w -> "/operator", false),
            Sample.page("/regulator", Who.OPERATOR, w -> "/regulator", false),
            // the sale page with the auction's bids: its history shows the newest bids, however many there are
            Sample.page("/listings/{id}", Who.BUYER, w -> "/listings/" + w.auction, true));

    /** GET mappings that are not one request and one answer, and why they are left out. */
    private static final Map<String, String> NOT_COUNTED = Map.of(
            "/error", "the container's error page: reached by a request that failed, not asked for",
            "/denied", "the pages' refusal page: the security filters forward a refused request there",
            "/api/v1/listings/{id}/events", "a Server-Sent Events stream: it reads once when it opens, then listens",
            "/listings/{id}/live",
                    "the sale page's Server-Sent Events stream: it reads once when it opens, then listens");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyGetEndpointHasASample() {
        Set<String> sampled = SAMPLES.stream().map(Sample::pattern).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(getPatterns());
        missing.removeAll(sampled);
        missing.removeAll(NOT_COUNTED.keySet());
        assertThat(missing)
                .as("GET endpoints without a sample: add one line per endpoint to ReadStatementsIT.SAMPLES, e.g."
                        + " Sample.list(\"/api/v1/things\", Who.BUYER, w -> \"/api/v1/things?limit=\" + w.n)"
                        + " for a list, or Sample.same(...) for an answer with no list that grows")
                .isEmpty();
        Set<String> stale = new TreeSet<>(sampled);
        stale.removeAll(getPatterns());
        assertThat(stale).as("samples for GET endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyGetEndpointRunsAsManyStatementsForFifteenItemsAsForOne() {
        ReadWorld small = new ReadWorld(api, fixtures, jdbc, SHORT);
        ReadWorld large = new ReadWorld(api, fixtures, jdbc, LONG);
        List<String> failures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            Counted few = count(sample, small);
            Counted many = count(sample, large);
            table.add(String.format("%3d %3d  %s", few.statements(), many.statements(), sample.pattern()));
            if (few.status() >= 400 || many.status() >= 400) {
                failures.add(sample.pattern() + " answered " + few.status() + " and " + many.status() + ": "
                        + few.body() + " / " + many.body());
            } else if (few.statements() != many.statements()) {
                failures.add(sample.pattern() + " ran " + few.statements() + " statements for " + SHORT + " and "
                        + many.statements() + " for " + LONG);
            } else if (sample.list() && many.body().length() <= few.body().length()) {
                failures.add(sample.pattern() + " answered no more for " + LONG + " than for " + SHORT
                        + ": the sample does not reach its list");
            }
        }
        System.out.println("statements (1 item, 15 items) per GET endpoint:\n" + String.join("\n", table));
        assertThat(failures).isEmpty();
    }

    /** The patterns of the market's own GET mappings (not the OpenAPI document's, which reads no database). */
    private Set<String> getPatterns() {
        Set<String> patterns = new TreeSet<>();
        for (var mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean market = mapping.getValue().getBeanType().getPackageName().startsWith("org.techmarket");
            if (market && (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                patterns.addAll(info.getPatternValues());
            }
        }
        return patterns;
    }

    private record Counted(int status, int statements, String body) {}

    /** Signed-in visitors of the pages, one per party of each world, and the venue's operator. */
    private final Map<String, PageClient> sessions = new HashMap<>();

    private Counted count(Sample sample, ReadWorld world) {
        if (sample.page()) {
            PageClient.Counted counted =
                    session(sample.who(), world).counted(sample.path().apply(world));
            return new Counted(
                    counted.page().status(),
                    counted.statements(),
                    counted.page().html());
        }
        String key = Fixtures.unique("count");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(api.base() + sample.path().apply(world)))
                .header(StatementCounting.HEADER, key)
                // the statements of answering it anew, not of an answer kept a moment ago (ResponseCacheIT)
                .header("Cache-Control", "no-cache")
                .timeout(Duration.ofSeconds(90))
                .GET();
        String token = sample.who().token(world);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Eventually.await(
                    "the request's count",
                    Duration.ofSeconds(10),
                    () -> StatementCounting.of(key).isPresent());
            return new Counted(response.statusCode(), StatementCounting.of(key).orElseThrow(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A visitor signed in by the log-in form as {@code who}: the world's party, or an operator of the venue. */
    private PageClient session(Who who, ReadWorld world) {
        String key = who == Who.OPERATOR ? "operator" : who + "@" + System.identityHashCode(world);
        return sessions.computeIfAbsent(key, k -> {
            PageClient visitor = new PageClient(api.base());
            Fixtures.Org party = who == Who.SELLER ? world.seller : who == Who.BUYER ? world.buyer : staffOperator();
            PageClient.Page answer = visitor.logIn(party.username(), party.password());
            assertThat(answer.status()).isEqualTo(302);
            return visitor;
        });
    }

    private Fixtures.Org staffOperator() {
        String username = Fixtures.unique("operator");
        var added = api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", username, "password", "operator password", "role", "OPERATOR"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Fixtures.Org(null, added.text("id"), username, "operator password", null);
    }

    /** Who asks: a party of the world, the operator, or nobody (no token). */
    enum Who {
        SELLER,
        BUYER,
        OPERATOR,
        VENUE_OPERATOR,
        NOBODY;

        String token(ReadWorld world) {
            return switch (this) {
                case SELLER -> world.seller.token();
                case BUYER -> world.buyer.token();
                case OPERATOR -> ADMIN_TOKEN;
                case VENUE_OPERATOR -> world.venueOperator;
                case NOBODY -> null;
            };
        }
    }

    /** How to request one GET mapping in a world, and whether its answer holds a list that grows with it. */
    record Sample(String pattern, Who who, Function<ReadWorld, String> path, boolean list, boolean page) {
        static Sample list(String pattern, Who who, Function<ReadWorld, String> path) {
            return new Sample(pattern, who, path, true, false);
        }

        static Sample same(String pattern, Who who, Function<ReadWorld, String> path) {
            return new Sample(pattern, who, path, false, false);
        }

        /** A page behind the log-in form, asked for by {@code who} signed in with a session. */
        static Sample page(String pattern, Who who, Function<ReadWorld, String> path, boolean list) {
            return new Sample(pattern, who, path, list, true);
        }
    }
}
