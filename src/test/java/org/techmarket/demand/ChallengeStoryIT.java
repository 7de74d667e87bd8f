package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.techmarket.demand.application.ChallengeAwards;
import org.techmarket.demand.application.DemandDeadlines;
import org.techmarket.shared.Money;
import org.techmarket.shared.Notice;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;

/**
 * A challenge (揭榜挂帅) from posting to the winner's deal: the reward is held while it runs, proposals stay with the
 * poster and the panel, the panel scores, the poster selects, the winner's development deal opens with the milestones
 * as its instalments and the reward's hold as its reserve (the escrow is funded and each milestone paid from it, the
 * part above the winning price goes back at once), and everyone hears what they should.
 */
@RecordApplicationEvents
class ChallengeStoryIT extends IntegrationTest {

    @Autowired
    ChallengeAwards awards;

    @Autowired
    DemandDeadlines deadlines;

    @Autowired
    ApplicationEvents events;

    @Test
    void aChallengeIsPostedProposedScoredAndWon() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org first = fixtures.verifiedOrg("UNIVERSITY");
        Org second = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(poster, "1500000");
        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long head = audit.head();

        String id = market.publish(
                "/api/v1/challenges", poster, DemandMarket.challenge("固态电解质揭榜挂帅", List.of(judges.adminId())));
        assertThat(market.balances(poster)).containsExactly("500000.00", "1000000.00");
        Api.Response seen = api.get("/api/v1/challenges/" + id, null);
        assertThat(seen.json().path("kind").asString()).isEqualTo("CHALLENGE");
        assertThat(seen.json().path("challenge").path("reward").path("amount").asString())
                .isEqualTo("1000000.00");
        assertThat(seen.json().path("challenge").path("panel").isNull())
                .as("the panel is the poster's to know")
                .isTrue();
        assertThat(api.get("/api/v1/challenges/" + id, poster.token())
                        .json()
                        .path("challenge")
                        .path("panel")
                        .get(0)
                        .asString())
                .isEqualTo(judges.adminId());

        String winning = market.propose(id, first, "900000");
        String losing = awards.propose(
                        DemandMarket.admin(second),
                        id,
                        new ChallengeAwards.Submission(
                                "Halide electrolyte", "A year of work", Money.cny(800_000_00), List.of("Dr. Zhao")))
                .id();
        assertThat(events.stream(ProposalReceived.class)
                        .filter(n -> n.challengeId().equals(id)))
                .singleElement()
                .satisfies(n ->
                        assertThat(n.noticeRecipients()).containsExactly(Notice.Recipient.organization(poster.id())));

        // confidential: the poster and panel see all, a proposer its own, anyone else nothing
        assertThat(proposalIds(api.get("/api/v1/challenges/" + id + "/proposals", poster.token())))
                .containsExactly(winning, losing);
        assertThat(proposalIds(api.get("/api/v1/challenges/" + id + "/proposals", judges.token())))
                .containsExactly(winning, losing);
        assertThat(proposalIds(api.get("/api/v1/challenges/" + id + "/proposals", first.token())))
                .containsExactly(winning);
        assertThat(proposalIds(api.get("/api/v1/challenges/" + id + "/proposals", stranger.token())))
                .isEmpty();
        assertThat(api.get("/api/v1/proposals/" + losing, first.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/challenges/" + id + "/proposals", null).status())
                .isEqualTo(401);

        // the panel scores each proposal once
        assertThat(score(judges, winning, 90, 80).status()).isEqualTo(201);
        assertThat(score(judges, losing, 60, 70).status()).isEqualTo(201);
        assertThat(score(judges, winning, 10, 10).code()).isEqualTo("ALREADY_SCORED");
        assertThat(score(poster, winning, 10, 10).code()).isEqualTo("NOT_ON_PANEL");
        assertThat(score(stranger, winning, 10, 10).status()).isEqualTo(404);
        Api.Response judged = api.get("/api/v1/proposals/" + winning, poster.token());
        assertThat(judged.text("meanScore")).isEqualTo("87.00");
        assertThat(judged.json()
                        .path("scores")
                        .path(judges.adminId())
                        .path("technology")
                        .asInt())
                .isEqualTo(90);
        assertThat(api.get("/api/v1/proposals/" + winning, first.token())
                        .json()
                        .path("scores")
                        .isNull())
                .as("a proposer does not see the panel's scores")
                .isTrue();

        // the poster selects: the deal opens, the hold keeps the winning price and the rest goes back, everyone hears
        String dealId = awards.select(DemandMarket.admin(poster), id, winning);
        assertThat(market.balances(poster)).containsExactly("600000.00", "900000.00");
        Api.Response deal = api.get("/api/v1/deals/" + dealId, poster.token());
        assertThat(deal.status()).as(deal.text()).isEqualTo(200);
        assertThat(deal.text("status")).isEqualTo("SIGNING");
        assertThat(deal.json().path("seller").toString()).contains(first.id());
        assertThat(deal.json().path("buyer").toString()).contains(poster.id());
        assertThat(deal.json().path("contract").toString())
                .contains("DEVELOPMENT", "900000.00", "360000.00", "540000.00")
                .contains(DemandMarket.TODAY.plusDays(80).toString());

        Api.Response fulfilled = api.get("/api/v1/challenges/" + id, poster.token());
        assertThat(fulfilled.text("status")).isEqualTo("FULFILLED");
        assertThat(fulfilled.json().path("challenge").path("dealId").asString()).isEqualTo(dealId);
        assertThat(api.get("/api/v1/proposals/" + winning, first.token()).text("status"))
                .isEqualTo("WON");
        assertThat(api.get("/api/v1/proposals/" + losing, second.token()).text("status"))
                .isEqualTo("LOST");
        assertThat(events.stream(ChallengeWon.class).filter(n -> n.challengeId().equals(id)))
                .singleElement()
                .satisfies(n -> assertThat(n.winnerId()).isEqualTo(first.id()));
        assertThat(events.stream(ChallengeLost.class)
                        .filter(n -> n.challengeId().equals(id)))
                .singleElement()
                .satisfies(n -> assertThat(n.proposerId()).isEqualTo(second.id()));

        Api.Response again =
                api.post("/api/v1/challenges/" + id + "/selection", poster.token(), Map.of("proposalId", losing));
        assertThat(again.code()).isEqualTo("WINNER_ALREADY_SELECTED");
        assertThat(api.post("/api/v1/challenges/" + id + "/proposals", stranger.token(), DemandMarket.proposal("1"))
                        .code())
                .isEqualTo("NEED_NOT_PUBLISHED");
    }

    @Test
    void theRewardFundsTheDealsEscrowAndPaysEachMilestone() {
        DemandMarket market = new DemandMarket(api);
        Won won = won(market, "Reward in escrow", "1200000", "900000");
        Org poster = won.poster();
        Org developer = won.developer();
        String dealId = won.dealId();
        assertThat(market.balances(poster)).containsExactly("300000.00", "900000.00");

        for (Org party : List.of(developer, poster)) {
            assertThat(api.post("/api/v1/deals/" + dealId + "/signatures", party.token(), Map.of())
                            .status())
                    .isEqualTo(201);
        }
        Api.Response funded = api.post("/api/v1/deals/" + dealId + "/funding", poster.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        assertThat(market.balances(poster))
                .as("the first milestone came out of the reserve, not out of available funds")
                .containsExactly("300000.00", "540000.00");
        assertThat(api.get("/api/v1/deals/" + dealId, poster.token())
                        .json()
                        .path("escrowBalance")
                        .path("amount")
                        .asString())
                .isEqualTo("360000.00");

        Api.Response second = api.post(
                "/api/v1/deals/" + dealId + "/instalments/2/payment", poster.token(), Map.of(), Fixtures.unique("k"));
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(market.balances(poster))
                .as("the last milestone emptied the reserve")
                .containsExactly("300000.00", "0.00");
        assertThat(api.post(
                                "/api/v1/deals/" + dealId + "/delivery",
                                developer.token(),
                                Map.of("documents", List.of(Map.of("sha256", "ab".repeat(32), "description", "Cells"))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post("/api/v1/deals/" + dealId + "/acceptance", poster.token(), Map.of());
        assertThat(accepted.text("status")).as(accepted.text()).isEqualTo("COMPLETED");
        assertThat(market.balances(poster)).containsExactly("300000.00", "0.00");
        assertThat(market.balances(developer)[0])
                .as("the price less the venue's 1%")
                .isEqualTo("891000.00");
    }

    @Test
    void aCancelledDevelopmentDealGivesTheReserveBack() {
        DemandMarket market = new DemandMarket(api);
        Won won = won(market, "Reserve back", "1000000", "700000");
        Org poster = won.poster();
        Org developer = won.developer();
        String dealId = won.dealId();
        assertThat(market.balances(poster)).containsExactly("300000.00", "700000.00");

        Api.Response cancelled =
                api.post("/api/v1/deals/" + dealId + "/cancellation", developer.token(), Map.of("reason", "No team"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(market.balances(poster)).containsExactly("1000000.00", "0.00");
    }

    /** A challenge with a reward of 1,000,000.00 won at {@code price} by a developer; the poster had {@code cash}. */
    private Won won(DemandMarket market, String title, String cash, String price) {
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org developer = fixtures.verifiedOrg("UNIVERSITY");
        fixtures.cashIn(poster, cash);
        String id =
                market.publish("/api/v1/challenges", poster, DemandMarket.challenge(title, List.of(judges.adminId())));
        String dealId = awards.select(DemandMarket.admin(poster), id, market.propose(id, developer, price));
        return new Won(poster, developer, id, dealId);
    }

    private record Won(Org poster, Org developer, String challengeId, String dealId) {}

    @Test
    void theDeveloperHearsOfEachMilestoneOnceAsItComesDue() {
        DemandMarket market = new DemandMarket(api);
        Won won = won(market, "Milestones", "1000000", "1000000");
        String id = won.challengeId();
        Org developer = won.developer();

        Instant firstDue = DemandMarket.TODAY.plusDays(40).atStartOfDay().toInstant(ZoneOffset.UTC);
        deadlines.noticeMilestones(firstDue.minus(8, ChronoUnit.DAYS));
        deadlines.noticeMilestones(firstDue.minus(6, ChronoUnit.DAYS));
        deadlines.noticeMilestones(firstDue.minus(5, ChronoUnit.DAYS));
        assertThat(events.stream(MilestoneDue.class).filter(n -> n.challengeId().equals(id)))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.milestone()).isEqualTo(1);
                    assertThat(n.developerId()).isEqualTo(developer.id());
                    assertThat(n.noticeKind()).isEqualTo("milestone.due");
                });
    }

    @Test
    void proposalsAreRefusedWithTheirCodes() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org proposer = fixtures.verifiedOrg("UNIVERSITY");
        Org pending = fixtures.registerOrg("UNIVERSITY");
        fixtures.cashIn(poster, "1000000");
        String id = market.publish(
                "/api/v1/challenges", poster, DemandMarket.challenge("Refusals", List.of(judges.adminId())));
        String path = "/api/v1/challenges/" + id + "/proposals";

        assertThat(api.post(path, proposer.token(), DemandMarket.proposal("1000000.01"))
                        .code())
                .isEqualTo("PRICE_ABOVE_REWARD");
        assertThat(api.post(path, poster.token(), DemandMarket.proposal("1")).code())
                .isEqualTo("POSTER_CANNOT_PROPOSE");
        assertThat(api.post(path, judges.token(), DemandMarket.proposal("1")).code())
                .isEqualTo("PANEL_MEMBER_OF_PROPOSER");
        assertThat(api.post(path, pending.token(), DemandMarket.proposal("1")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/challenges/nope/proposals", proposer.token(), DemandMarket.proposal("1"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path, poster.token()).json()).isEmpty();

        String plain = market.publish("/api/v1/needs", poster, DemandMarket.need("Plain", "PUBLIC"));
        assertThat(api.post("/api/v1/challenges/" + plain + "/proposals", proposer.token(), DemandMarket.proposal("1"))
                        .code())
                .isEqualTo("NOT_A_CHALLENGE");
        assertThat(api.post("/api/v1/needs/" + id + "/fulfilment", poster.token(), Map.of())
                        .code())
                .isEqualTo("FULFILLED_BY_SELECTION");
    }

    @Test
    void badChallengesAreRefusedAndHoldNothing() {
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        fixtures.cashIn(poster, "10");
        Map<String, String> cases = Map.of(
                "panel", "UNKNOWN_PANEL_MEMBER",
                "criteria", "CRITERIA_WEIGHTS_NOT_100",
                "reward", "MILESTONES_EXCEED_REWARD");
        Map<String, Object> bad = Map.of(
                "panel", List.of("no-such-user"),
                "criteria", List.of(Map.of("name", "technology", "weight", 70)),
                "reward", DemandMarket.yuan("999999"));
        cases.forEach((field, code) -> {
            Map<String, Object> body = DemandMarket.challenge(DemandMarket.unique("Bad"), List.of(judges.adminId()));
            body.put(field, bad.get(field));
            Api.Response refused = api.post("/api/v1/challenges", poster.token(), body);
            assertThat(refused.status()).as(field + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.code()).as(field).isEqualTo(code);
        });
        String id = new DemandMarket(api)
                .post("/api/v1/challenges", poster, DemandMarket.challenge("Unfunded", List.of(judges.adminId())));
        Api.Response unfunded = api.post("/api/v1/challenges/" + id + "/publication", poster.token(), Map.of());
        assertThat(unfunded.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.get("/api/v1/challenges/" + id, poster.token()).text("status"))
                .isEqualTo("DRAFT");
        assertThat(new DemandMarket(api).balances(poster)).containsExactly("10.00", "0.00");
    }

    @Test
    void anExpiredOrClosedChallengeGivesItsRewardBack() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        fixtures.cashIn(poster, "2000000");
        Instant deadline = Instant.now().plus(2, ChronoUnit.HOURS);
        Map<String, Object> expiring = DemandMarket.challenge("Expiring", List.of(judges.adminId()));
        expiring.put("deadline", deadline.toString());
        String expires = market.publish("/api/v1/challenges", poster, expiring);
        String closes = market.publish(
                "/api/v1/challenges", poster, DemandMarket.challenge("Closing", List.of(judges.adminId())));
        assertThat(market.balances(poster)).containsExactly("0.00", "2000000.00");

        assertThat(api.post("/api/v1/challenges/" + closes + "/closure", poster.token(), Map.of())
                        .text("status"))
                .isEqualTo("CLOSED");
        assertThat(market.balances(poster)).containsExactly("1000000.00", "1000000.00");
        deadlines.expireDue(deadline.plusSeconds(1));
        assertThat(api.get("/api/v1/challenges/" + expires, null).text("status"))
                .isEqualTo("EXPIRED");
        assertThat(market.balances(poster)).containsExactly("2000000.00", "0.00");
    }

    @Test
    void twoSelectionsRacingMakeOneWinnerAndMoveTheHoldOnce() throws Exception {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org first = fixtures.verifiedOrg("UNIVERSITY");
        Org second = fixtures.verifiedOrg("UNIVERSITY");
        fixtures.cashIn(poster, "1000000");
        String id =
                market.publish("/api/v1/challenges", poster, DemandMarket.challenge("Race", List.of(judges.adminId())));
        List<String> proposals = List.of(market.propose(id, first, "500000"), market.propose(id, second, "600000"));

        List<Api.Response> selections = Race.race(
                2,
                i -> () -> api.post(
                        "/api/v1/challenges/" + id + "/selection",
                        poster.token(),
                        Map.of("proposalId", proposals.get(i))));
        assertThat(selections).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(selections)
                .filteredOn(r -> r.status() == 409)
                .singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("WINNER_ALREADY_SELECTED"));
        Api.Response challenge = api.get("/api/v1/challenges/" + id, poster.token());
        String winner =
                challenge.json().path("challenge").path("winnerProposalId").asString();
        assertThat(market.balances(poster))
                .as("the winning price stays held, the rest of the reward came back once")
                .containsExactly(
                        winner.equals(proposals.get(0)) ? "500000.00" : "400000.00",
                        winner.equals(proposals.get(0)) ? "500000.00" : "600000.00");
        assertThat(selections.stream().filter(r -> r.status() == 200).map(r -> r.text("proposalId")))
                .containsExactly(winner);
        assertThat(proposals.stream()
                        .map(p -> api.get("/api/v1/proposals/" + p, poster.token())
                                .text("status")))
                .containsExactlyInAnyOrder("WON", "LOST");
    }

    @Test
    void twoProposalsOfOneOrganizationRacingLeaveOne() throws Exception {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org proposer = fixtures.verifiedOrg("UNIVERSITY");
        fixtures.cashIn(poster, "1000000");
        String id = market.publish(
                "/api/v1/challenges", poster, DemandMarket.challenge("Twice", List.of(judges.adminId())));
        List<Api.Response> proposed = Race.race(
                2,
                i -> () -> api.post(
                        "/api/v1/challenges/" + id + "/proposals", proposer.token(), DemandMarket.proposal("1000")));
        assertThat(proposed).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(proposed)
                .filteredOn(r -> r.status() == 409)
                .singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("PROPOSAL_ALREADY_SUBMITTED"));
        assertThat(api.get("/api/v1/challenges/" + id + "/proposals", poster.token())
                        .json())
                .hasSize(1);
    }

    private Api.Response score(Org judge, String proposalId, int technology, int team) {
        return api.post(
                "/api/v1/proposals/" + proposalId + "/scores",
                judge.token(),
                Map.of(
                        "scores",
                        List.of(
                                Map.of("criterion", "technology", "score", technology),
                                Map.of("criterion", "team", "score", team))));
    }

    private static List<String> proposalIds(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.json().valueStream().map(p -> p.path("id").asString()).toList();
    }
}
