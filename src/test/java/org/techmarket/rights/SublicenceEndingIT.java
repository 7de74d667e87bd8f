package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;
import static org.techmarket.rights.RightsKit.reasons;
import static org.techmarket.rights.RightsKit.with;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** A licence's sublicences, and theirs in turn, end with it, each recorded on its own, in the same transaction. */
@RecordApplicationEvents
class SublicenceEndingIT extends IntegrationTest {

    private static final LocalDate IN_A_YEAR = TODAY.plusYears(1);

    @Autowired
    RightsRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private RightsKit kit;
    private Fixtures.Org owner;
    private Fixtures.Org licensee;
    private Fixtures.Org distributor;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        licensee = kit.verified("ENTERPRISE");
        distributor = kit.verified("ENTERPRISE");
        patent = kit.patent(owner);
    }

    @Test
    void terminatingALicenceEndsItsSublicencesDownTheChainFromTheSameDate() {
        String head =
                kit.granted(owner, patent, sublicensable(grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN")));
        String sub = kit.granted(
                licensee,
                patent,
                sublicensable(under(head, grant("NON_EXCLUSIVE_LICENCE", distributor.id(), "G06N", "440000"))));
        Fixtures.Org workshop = kit.verified("ENTERPRISE");
        String subSub = kit.granted(
                distributor, patent, under(sub, grant("NON_EXCLUSIVE_LICENCE", workshop.id(), "G06N", "440300")));
        Fixtures.Org early = kit.verified("ENTERPRISE");
        String endsEarlier = kit.granted(
                licensee, patent, under(head, grant("NON_EXCLUSIVE_LICENCE", early.id(), "G06N 3/08", "110000")));
        assertThat(kit.terminate(licensee.token(), endsEarlier, "Supplier replaced", TODAY.plusMonths(1))
                        .status())
                .isEqualTo(200);
        Fixtures.Org late = kit.verified("ENTERPRISE");
        String endsLater = kit.granted(
                licensee, patent, under(head, grant("NON_EXCLUSIVE_LICENCE", late.id(), "G06N 3/08", "310000")));
        assertThat(kit.terminate(licensee.token(), endsLater, "Contract runs out", TODAY.plusYears(2))
                        .status())
                .isEqualTo(200);

        Api.Response ended = kit.terminate(owner.token(), head, "Licensee breached the contract", IN_A_YEAR);

        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        for (String id : List.of(sub, subSub, endsLater)) {
            Api.Response cut = api.get("/api/v1/grants/" + id, owner.token());
            assertThat(cut.text("status")).isEqualTo("TERMINATED");
            assertThat(cut.text("terminatedFrom")).isEqualTo(IN_A_YEAR.toString());
            assertThat(cut.text("terminationReason"))
                    .isEqualTo("Licence " + head + " was terminated: Licensee breached the contract");
        }
        Api.Response untouched = api.get("/api/v1/grants/" + endsEarlier, owner.token());
        assertThat(untouched.text("terminatedFrom"))
                .isEqualTo(TODAY.plusMonths(1).toString());
        assertThat(untouched.text("terminationReason")).isEqualTo("Supplier replaced");
        assertThat(untouched.header("ETag")).isEqualTo("\"2\"");
        assertThat(terminations(sub)).isEqualTo(1);
        assertThat(terminations(subSub)).isEqualTo(1);
        assertThat(terminations(endsLater)).isEqualTo(2);
        assertThat(terminations(endsEarlier)).isEqualTo(1);

        Fixtures.Org newcomer = kit.verified("ENTERPRISE");
        assertThat(kit.grant(
                                owner,
                                patent,
                                grant(
                                        "EXCLUSIVE_LICENCE",
                                        newcomer.id(),
                                        "G06N",
                                        "CN",
                                        IN_A_YEAR,
                                        IN_A_YEAR.plusYears(1)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aLicenseeEndingItsSublicenceEndsTheSublicencesBelowItButNotItsOwnLicence() {
        String head =
                kit.granted(owner, patent, sublicensable(grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "*", "CN")));
        String sub = kit.granted(
                licensee,
                patent,
                sublicensable(under(head, grant("NON_EXCLUSIVE_LICENCE", distributor.id(), "*", "440000"))));
        String subSub = kit.granted(
                distributor,
                patent,
                under(
                        sub,
                        grant(
                                "NON_EXCLUSIVE_LICENCE",
                                kit.verified("ENTERPRISE").id(),
                                "*",
                                "440300")));

        assertThat(kit.terminate(licensee.token(), sub, "Distribution ends", TODAY)
                        .status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/grants/" + subSub, owner.token()).text("terminatedFrom"))
                .isEqualTo(TODAY.toString());
        assertThat(api.get("/api/v1/grants/" + head, owner.token()).text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aLicenceEndedForItsDealEndsItsSublicencesToo() {
        GrantTerms terms = new GrantTerms(
                GrantKind.EXCLUSIVE_LICENCE,
                licensee.id(),
                new GrantScope(List.of("G06N"), List.of("CN"), TODAY, TODAY.plusYears(5)),
                true,
                false,
                Optional.empty());
        String dealGrant = registry.record(Fixtures.unique("cause"), patent, Set.of(owner.id()), terms)
                .id();
        String sub = kit.granted(
                licensee, patent, under(dealGrant, grant("NON_EXCLUSIVE_LICENCE", distributor.id(), "G06N", "440300")));

        registry.endGrant("system", dealGrant, "Contract terminated", TODAY.plusDays(10));

        assertThat(registry.find(sub)).hasValueSatisfying(cut -> {
            assertThat(cut.status()).isEqualTo("TERMINATED");
            assertThat(cut.terminatedFrom()).contains(TODAY.plusDays(10));
        });
        assertThat(terminations(sub)).isEqualTo(1);
        assertThat(events.stream(GrantTerminated.class))
                .containsExactly(
                        new GrantTerminated(dealGrant, patent, TODAY.plusDays(10), "Contract terminated"),
                        new GrantTerminated(
                                sub,
                                patent,
                                TODAY.plusDays(10),
                                "Licence " + dealGrant + " was terminated: Contract terminated"));
    }

    @Test
    void aRefusedTerminationEndsNoSublicence() {
        String head =
                kit.granted(owner, patent, sublicensable(grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN")));
        String sub = kit.granted(
                licensee, patent, under(head, grant("NON_EXCLUSIVE_LICENCE", distributor.id(), "G06N", "440300")));

        assertThat(kit.terminate(owner.token(), head, "Backdated", TODAY.minusDays(1))
                        .code())
                .isEqualTo("INVALID_TERMINATION_DATE");
        assertThat(kit.terminate(distributor.token(), head, "Not mine", TODAY).code())
                .isEqualTo("NOT_FOUND");
        assertThat(kit.terminate(licensee.token(), head, "Not the grantor", TODAY)
                        .code())
                .isEqualTo("NOT_GRANTOR");

        assertThat(api.get("/api/v1/grants/" + sub, owner.token()).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(terminations(sub)).isZero();
    }

    /**
     * The parent's termination and a sublicence of it race on one asset lock: either the sublicence comes first and
     * ends with its parent, or it is refused because the parent is no longer an ACTIVE licence. Never does a
     * sublicence outlive its parent.
     */
    @Test
    void terminatingAParentWhileASublicenceIsGrantedLeavesNoSublicenceOutlivingIt() throws Exception {
        for (int round = 0; round < 6; round++) {
            String head = kit.granted(
                    owner, patent, sublicensable(grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN")));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Api.Response> termination = pool.submit(() -> {
                    start.await();
                    return kit.terminate(owner.token(), head, "Ended by agreement", TODAY.plusDays(30));
                });
                Future<Api.Response> sublicence = pool.submit(() -> {
                    start.await();
                    return kit.grant(
                            licensee,
                            patent,
                            under(head, grant("NON_EXCLUSIVE_LICENCE", distributor.id(), "G06N", "440300")));
                });
                start.countDown();
                assertThat(termination.get().status())
                        .as(termination.get().text())
                        .isEqualTo(200);
                Api.Response granted = sublicence.get();
                if (granted.status() == 201) {
                    Api.Response sub = api.get("/api/v1/grants/" + granted.text("id"), owner.token());
                    assertThat(sub.text("status")).isEqualTo("TERMINATED");
                    assertThat(sub.text("terminatedFrom"))
                            .isEqualTo(TODAY.plusDays(30).toString());
                } else {
                    assertThat(granted.status()).as(granted.text()).isEqualTo(409);
                    assertThat(reasons(granted)).containsExactly("NOT_SUBLICENSABLE");
                }
            } finally {
                pool.shutdown();
            }
            assertThat(jdbc.sql("select count(*) from rights_grant where parent_grant_id = ? and effective_end > ?")
                            .params(head, java.sql.Date.valueOf(TODAY.plusDays(30)))
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private long terminations(String grantId) {
        return jdbc.sql("select count(*) from audit_event where type = 'GrantTerminated' and subject = ?")
                .param("grant:" + grantId)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> sublicensable(Map<String, Object> body) {
        return with(body, "sublicensable", true);
    }

    private static Map<String, Object> under(String parent, Map<String, Object> body) {
        return with(body, "parentGrantId", parent);
    }
}
