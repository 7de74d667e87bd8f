package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.reasons;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.rights.application.OpenLicenceTaking;
import org.techmarket.rights.application.OpenLicensing;
import org.techmarket.rights.application.Termination;
import org.techmarket.rights.domain.LicencePeriod;
import org.techmarket.rights.domain.OpenLicenceTerms;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** The Java API other modules call, and the events the registry publishes to them. */
@RecordApplicationEvents
class RightsRegistryIT extends IntegrationTest {

    @Autowired
    RightsRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private RightsKit kit;
    private Fixtures.Org owner;
    private Fixtures.Org buyer;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        buyer = kit.verified("ENTERPRISE");
        patent = kit.patent(owner);
    }

    @Test
    void aDealRecordsItsGrantExactlyOnceHoweverOftenItAsks() {
        String deal = Fixtures.unique("deal");
        GrantTerms terms = terms(GrantKind.EXCLUSIVE_LICENCE, buyer.id(), "G06N", "CN");

        GrantSummary first = registry.record(deal, patent, Set.of(owner.id()), terms);
        GrantSummary again = registry.record(deal, patent, Set.of(owner.id()), terms);

        assertThat(again).isEqualTo(first);
        assertThat(first.causeId()).contains(deal);
        assertThat(first.type()).isEqualTo(GrantKind.EXCLUSIVE_LICENCE);
        assertThat(first.status()).isEqualTo("ACTIVE");
        assertThat(registry.find(first.id())).contains(first);
        assertThat(jdbc.sql("select count(*) from rights_grant where cause_id = ?")
                        .param(deal)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(events.stream(GrantRecorded.class).filter(e -> e.grantId().equals(first.id())))
                .containsExactly(new GrantRecorded(
                        first.id(),
                        patent,
                        GrantKind.EXCLUSIVE_LICENCE,
                        buyer.id(),
                        Optional.of(deal),
                        first.createdAt()));
        assertThat(jdbc.sql("select actor from audit_event where type = 'GrantRecorded' and subject = ?")
                        .param("grant:" + first.id())
                        .query(String.class)
                        .list())
                .containsExactly("system");

        String otherPatent = kit.patent(owner);
        Rejection reused = catchThrowableOfType(
                Rejection.class, () -> registry.record(deal, otherPatent, Set.of(owner.id()), terms));
        assertThat(reused.code()).isEqualTo("CAUSE_REUSED");
    }

    @Test
    void theCheckAnswersInPublicTermsAndARefusedRecordCarriesTheConflicts() {
        GrantSummary exclusive = registry.record(
                Fixtures.unique("deal"),
                patent,
                Set.of(owner.id()),
                terms(GrantKind.EXCLUSIVE_LICENCE, buyer.id(), "G06N", "440000"));
        Fixtures.Org rival = kit.verified("ENTERPRISE");
        GrantTerms clash = terms(GrantKind.NON_EXCLUSIVE_LICENCE, rival.id(), "G06N 3/08", "440300");

        RightsCheck check = registry.check(patent, Set.of(owner.id()), clash);
        assertThat(check.grantable()).isFalse();
        assertThat(check.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.grantId()).contains(exclusive.id());
            assertThat(conflict.type()).contains(GrantKind.EXCLUSIVE_LICENCE);
            assertThat(conflict.reason()).isEqualTo("OVERLAPS_EXCLUSIVE");
        });
        assertThat(registry.check(
                                patent,
                                Set.of(owner.id()),
                                terms(GrantKind.NON_EXCLUSIVE_LICENCE, rival.id(), "G06N", "310000"))
                        .grantable())
                .isTrue();

        Rejection refused = catchThrowableOfType(
                Rejection.class, () -> registry.record(Fixtures.unique("deal"), patent, Set.of(owner.id()), clash));
        assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(refused.properties().get("conflicts")).asList().hasSize(1);
        assertThat(registry.find("no-such-grant")).isEmpty();
    }

    @Test
    void coOwnersGrantTogetherThroughTheJavaApiButNotAloneOverHttp() {
        Fixtures.Org lab = kit.verified("RESEARCH_INSTITUTE");
        String shared = kit.patent(
                owner,
                Map.of(
                        "owners",
                        List.of(
                                Map.of("organizationId", owner.id(), "share", "60"),
                                Map.of("organizationId", lab.id(), "share", "40"))));
        kit.confirmCoOwnership(lab, shared);
        GrantTerms terms = terms(GrantKind.NON_EXCLUSIVE_LICENCE, buyer.id(), "G06N", "CN");

        assertThat(registry.check(shared, Set.of(owner.id()), terms).conflicts())
                .extracting(RightsConflict::reason)
                .containsExactly("NOT_OWNER");
        assertThat(reasons(
                        kit.grant(owner, shared, RightsKit.grant("NON_EXCLUSIVE_LICENCE", buyer.id(), "G06N", "CN"))))
                .containsExactly("NOT_OWNER");
        assertThat(registry.record(Fixtures.unique("deal"), shared, Set.of(owner.id(), lab.id()), terms)
                        .grantorIds())
                .containsExactlyInAnyOrder(owner.id(), lab.id());
        assertThat(registry.owners(shared)).containsExactlyInAnyOrder(owner.id(), lab.id());
    }

    @Test
    void anAssignmentRecordedForADealMakesTheBuyerTheOwner() {
        registry.record(
                Fixtures.unique("deal"),
                patent,
                Set.of(owner.id()),
                new GrantTerms(
                        GrantKind.ASSIGNMENT,
                        buyer.id(),
                        new GrantScope(List.of("*"), List.of("WORLD"), TODAY, TODAY.plusYears(10)),
                        false,
                        false,
                        Optional.empty()));

        assertThat(registry.owners(patent)).containsExactly(buyer.id());
        assertThat(catchThrowableOfType(Rejection.class, () -> registry.owners("no-such-asset"))
                        .code())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void everyChangePublishesAPastTenseEventForOtherModules(
            @Autowired OpenLicensing licensing,
            @Autowired OpenLicenceTaking taking,
            @Autowired Termination termination) {
        OpenLicenceTerms offer = new OpenLicenceTerms(
                new Royalty.LumpSum(new Money(50_000, "CNY")), LicencePeriod.of(12, null), Optional.empty());

        String declared =
                licensing.declare(actorOf(owner), patent, offer).declaration().id();
        String licence = taking.take(actorOf(buyer), patent).id();
        termination.terminate(
                actorOf(owner), licence, "Taker went out of business", TODAY.plusDays(10), Optional.empty());
        licensing.withdraw(actorOf(owner), patent);

        assertThat(events.stream(OpenLicenceDeclared.class))
                .containsExactly(new OpenLicenceDeclared(declared, patent, Optional.empty()));
        assertThat(events.stream(OpenLicenceTaken.class))
                .containsExactly(new OpenLicenceTaken(licence, declared, patent, buyer.id(), Money.cny(50_000)));
        assertThat(events.stream(GrantRecorded.class))
                .extracting(GrantRecorded::grantId)
                .containsExactly(licence);
        assertThat(events.stream(GrantTerminated.class))
                .containsExactly(
                        new GrantTerminated(licence, patent, TODAY.plusDays(10), "Taker went out of business"));
        assertThat(events.stream(OpenLicenceWithdrawn.class))
                .containsExactly(new OpenLicenceWithdrawn(declared, patent));
    }

    private static Actor actorOf(Fixtures.Org org) {
        return new Actor(org.adminId(), org.username(), Role.ORG_ADMIN, Optional.of(org.id()), Optional.empty());
    }

    @Test
    void aRefusedCheckCaughtByTheCallerLeavesTheCallersTransactionFreeToCommit(
            @Autowired PlatformTransactionManager transactionManager) {
        Fixtures.Org suspended = kit.verified("ENTERPRISE");
        assertThat(api.post(
                                "/api/v1/organizations/" + suspended.id() + "/suspension",
                                ADMIN_TOKEN,
                                Map.of("reason", "forged documents"))
                        .status())
                .isEqualTo(200);
        String marker = Fixtures.unique("check");

        // As a listing's close does: ask inside its own transaction, take a refusal as a reason, write, commit.
        String refused = new TransactionTemplate(transactionManager).execute(tx -> {
            String code;
            try {
                registry.check(
                        patent, Set.of(owner.id()), terms(GrantKind.EXCLUSIVE_LICENCE, suspended.id(), "G06N", "CN"));
                code = "none";
            } catch (Rejection refusal) {
                code = refusal.code();
            }
            jdbc.sql("insert into job_failure (job, item_id, attempts, last_error, first_failed_at, last_failed_at)"
                            + " values ('rights-check-test', ?, 1, ?, now(), now())")
                    .params(marker, code)
                    .update();
            return code;
        });

        assertThat(refused).isEqualTo("GRANTEE_NOT_VERIFIED");
        assertThat(jdbc.sql("delete from job_failure where job = 'rights-check-test' and item_id = ?")
                        .param(marker)
                        .update())
                .as("the caller's write committed")
                .isEqualTo(1);
        Rejection unknown = catchThrowableOfType(
                Rejection.class,
                () -> new TransactionTemplate(transactionManager)
                        .execute(tx -> registry.check(
                                patent,
                                Set.of(owner.id()),
                                terms(GrantKind.EXCLUSIVE_LICENCE, "no-such-organization", "G06N", "CN"))));
        assertThat(unknown.code()).isEqualTo("ORGANIZATION_NOT_FOUND");
    }

    @Test
    void aGrantByTheOwnersTakesItsGrantorsAndTermsFromTheAssetAsReadUnderItsLock() {
        List<org.techmarket.asset.AssetSummary> seen = new java.util.ArrayList<>();
        GrantTerms licence = terms(GrantKind.NON_EXCLUSIVE_LICENCE, buyer.id(), "G06N", "CN");
        String deal = Fixtures.unique("deal");

        GrantSummary first = registry.recordByOwners(deal, patent, GrantKind.NON_EXCLUSIVE_LICENCE, asset -> {
            seen.add(asset);
            return licence;
        });
        GrantSummary again = registry.recordByOwners(deal, patent, GrantKind.NON_EXCLUSIVE_LICENCE, asset -> {
            seen.add(asset);
            return licence;
        });

        assertThat(again).as("once per cause").isEqualTo(first);
        assertThat(seen).as("the terms are made once, of the asset as read").hasSize(1);
        assertThat(seen.get(0).id()).isEqualTo(patent);
        assertThat(first.grantorIds()).containsExactly(owner.id());

        String sale = Fixtures.unique("deal");
        registry.recordByOwners(
                sale,
                patent,
                GrantKind.ASSIGNMENT,
                asset -> new GrantTerms(
                        GrantKind.ASSIGNMENT,
                        buyer.id(),
                        new GrantScope(List.of("*"), List.of("WORLD"), TODAY, TODAY.plusYears(10)),
                        false,
                        false,
                        Optional.empty()));
        Fixtures.Org third = kit.verified("ENTERPRISE");
        GrantSummary after = registry.recordByOwners(
                Fixtures.unique("deal"),
                patent,
                GrantKind.NON_EXCLUSIVE_LICENCE,
                asset -> terms(GrantKind.NON_EXCLUSIVE_LICENCE, third.id(), "G06N", "US"));
        assertThat(after.grantorIds()).as("the owner the assignment left").containsExactly(buyer.id());
    }

    @Test
    void aGrantByTheOwnersOfAnUnknownAssetIsRefusedAndRecordsNothing() {
        String deal = Fixtures.unique("deal");

        Rejection refused = catchThrowableOfType(
                Rejection.class,
                () -> registry.recordByOwners(
                        deal,
                        "no-such-asset",
                        GrantKind.NON_EXCLUSIVE_LICENCE,
                        asset -> terms(GrantKind.NON_EXCLUSIVE_LICENCE, buyer.id(), "G06N", "CN")));

        assertThat(refused.code()).isEqualTo("NOT_FOUND");
        assertThat(jdbc.sql("select count(*) from rights_grant where cause_id = ?")
                        .param(deal)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static GrantTerms terms(GrantKind type, String grantee, String field, String territory) {
        return new GrantTerms(
                type,
                grantee,
                new GrantScope(List.of(field), List.of(territory), TODAY, TODAY.plusYears(3)),
                false,
                false,
                Optional.empty());
    }
}
