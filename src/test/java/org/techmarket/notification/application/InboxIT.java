package org.techmarket.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.Notice;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A user's inbox: unread first then newest, read state per user, each event filed once, nobody else's notices. */
class InboxIT extends IntegrationTest {

    /** A notice as another module would publish it. */
    record ProposalReceived(String challengeId, List<Recipient> to, Instant at) implements Notice {
        @Override
        public String noticeKind() {
            return "proposal.received";
        }

        @Override
        public List<Recipient> noticeRecipients() {
            return to;
        }

        @Override
        public String noticeSubjectType() {
            return "challenge";
        }

        @Override
        public String noticeSubjectId() {
            return challengeId;
        }

        @Override
        public String noticeSummary() {
            return "A proposal was received for challenge " + challengeId;
        }
    }

    @Autowired
    NoticeFiling filing;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private static ProposalReceived toOrganization(Org org) {
        return new ProposalReceived(
                Fixtures.unique("challenge"), List.of(Notice.Recipient.organization(org.id())), Instant.now());
    }

    private List<String> subjects(String token, String query) {
        Api.Response page = api.get("/api/v1/notifications" + query, token);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        page.json()
                .path("items")
                .forEach(n -> subjects.add(n.path("subject").path("id").asString()));
        return subjects;
    }

    @Test
    void unreadComeFirstThenTheNewestAndACursorPagesThroughThem() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProposalReceived notice = toOrganization(org);
            file(notice);
            filed.add(notice.challengeId());
        }
        Api.Response all = api.get("/api/v1/notifications", org.token());
        String secondOldest = all.json().path("items").get(2).path("id").asString();
        assertThat(all.json().path("unread").asLong()).isEqualTo(4);

        Api.Response read = api.post("/api/v1/notifications/" + secondOldest + "/read", org.token(), Map.of());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();

        Api.Response first = api.get("/api/v1/notifications?limit=2", org.token());
        String cursor = first.text("nextCursor");
        assertThat(subjects(org.token(), "?limit=2")).containsExactly(filed.get(3), filed.get(2));
        assertThat(subjects(org.token(), "?limit=2&cursor=" + cursor)).containsExactly(filed.get(0), filed.get(1));
        assertThat(first.json().path("unread").asLong()).isEqualTo(3);
    }

    @Test
    void readStateIsEachUsersOwnAndMarkingAllReadLeavesNothingUnread() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String colleague = colleagueOf(org);
        file(toOrganization(org));
        file(toOrganization(org));

        Api.Response marked = api.post("/api/v1/notifications/read", org.token(), Map.of());
        assertThat(marked.status()).as(marked.text()).isEqualTo(200);
        assertThat(marked.json().path("read").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/notifications/read", org.token(), Map.of())
                        .json()
                        .path("read")
                        .asInt())
                .isZero();

        assertThat(api.get("/api/v1/notifications", org.token())
                        .json()
                        .path("unread")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/v1/notifications", colleague)
                        .json()
                        .path("unread")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void aNoticeForOneUserReachesThatUserAloneAndNoOneElsesInbox() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        String colleague = colleagueOf(org);
        ProposalReceived forAdmin = new ProposalReceived(
                Fixtures.unique("challenge"), List.of(Notice.Recipient.user(org.id(), org.adminId())), Instant.now());
        file(forAdmin);

        assertThat(subjects(org.token(), "")).containsExactly(forAdmin.challengeId());
        assertThat(subjects(colleague, "")).isEmpty();
        assertThat(subjects(stranger.token(), "")).isEmpty();
        String id = api.get("/api/v1/notifications", org.token())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        Api.Response notTheirs = api.post("/api/v1/notifications/" + id + "/read", stranger.token(), Map.of());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.code()).isEqualTo("NOTIFICATION_NOT_FOUND");
        assertThat(api.post("/api/v1/notifications/" + id + "/read", colleague, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/notifications", org.token())
                        .json()
                        .path("unread")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void anEventDeliveredAgainIsFiledOnce() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        ProposalReceived notice = toOrganization(org);

        file(notice);
        file(new ProposalReceived(notice.challengeId(), notice.to(), notice.at()));

        assertThat(subjects(org.token(), "")).containsExactly(notice.challengeId());
    }

    @Test
    void aNoticePublishedInAnotherModulesTransactionIsFiledAfterItCommits() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        ProposalReceived notice = toOrganization(org);

        transactions.executeWithoutResult(tx -> events.publishEvent(notice));

        Eventually.await(
                "the published notice filed",
                Duration.ofSeconds(10),
                () -> subjects(org.token(), "").contains(notice.challengeId()));
        JsonNode filed = api.get("/api/v1/notifications", org.token())
                .json()
                .path("items")
                .get(0);
        assertThat(filed.path("kind").asString()).isEqualTo("proposal.received");
        assertThat(filed.path("summary").asString()).isEqualTo(notice.noticeSummary());
    }

    @Test
    void aBadCursorOrLimitIsRefusedAndSomeoneWithoutAnOrganizationHasAnEmptyInbox() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response cursor = api.get("/api/v1/notifications?cursor=bm90LWEta2V5", org.token());
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.code()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/notifications?limit=0", org.token()).code()).isEqualTo("INVALID_LIMIT");
        Api.Response operator = api.get("/api/v1/notifications", ADMIN_TOKEN);
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().path("items").isEmpty()).isTrue();
        assertThat(api.post("/api/v1/notifications/nope/read", org.token(), Map.of())
                        .code())
                .isEqualTo("NOTIFICATION_NOT_FOUND");
    }

    /** Files the notice as its listener does, on this thread rather than after a commit. */
    private void file(ProposalReceived notice) {
        filing.file(notice, List.of(notice));
    }

    private String colleagueOf(Org org) {
        String username = Fixtures.unique("member");
        Api.Response added = api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", username, "password", "correct horse battery", "displayName", "Colleague"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return fixtures.logIn(username, "correct horse battery");
    }
}
