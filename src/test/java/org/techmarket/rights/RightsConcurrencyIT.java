package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.grant;
import static org.techmarket.rights.RightsKit.lumpSumLicence;
import static org.techmarket.rights.RightsKit.reasons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Many requests on one asset at the same moment: the check and the insert are one step per asset. */
class RightsConcurrencyIT extends IntegrationTest {

    private static final int RACERS = 12;

    @Autowired
    JdbcClient jdbc;

    private RightsKit kit;
    private Fixtures.Org owner;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        patent = kit.patent(owner);
    }

    @Test
    void ofTwelveConflictingExclusiveLicencesFiredAtOnceExactlyOneIsGranted() throws Exception {
        List<Fixtures.Org> bidders =
                List.of(kit.verified("ENTERPRISE"), kit.verified("ENTERPRISE"), kit.verified("ENTERPRISE"));
        List<Callable<Api.Response>> requests = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String grantee = bidders.get(i % bidders.size()).id();
            // Different but overlapping scopes: every pair shares G06N 3/08 in Shenzhen.
            String territory = List.of("440300", "440000", "CN", "WORLD").get(i % 4);
            requests.add(() -> kit.grant(owner, patent, grant("EXCLUSIVE_LICENCE", grantee, "G06N 3/08", territory)));
        }

        List<Api.Response> responses = race(requests);

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        responses.stream().filter(r -> r.status() == 409).forEach(refused -> {
            assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT");
            assertThat(reasons(refused)).containsExactly("EXCLUSIVE_OVERLAP");
        });
        assertThat(jdbc.sql("select count(*) from rights_grant where asset_id = ?")
                        .param(patent)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentOpenLicenceTakersAreAllServedWhileAConcurrentExclusiveLicenceIsRefused() throws Exception {
        assertThat(kit.declare(owner, patent, lumpSumLicence("800.00", 12)).status())
                .isEqualTo(201);
        List<Fixtures.Org> takers = new ArrayList<>();
        for (int i = 0; i < RACERS - 1; i++) {
            takers.add(kit.verified("ENTERPRISE"));
        }
        Fixtures.Org hopeful = kit.verified("ENTERPRISE");
        List<Callable<Api.Response>> requests = new ArrayList<>();
        takers.forEach(taker -> requests.add(() -> kit.take(taker, patent)));
        requests.add(() -> kit.grant(owner, patent, grant("EXCLUSIVE_LICENCE", hopeful.id(), "G06N", "CN")));

        List<Api.Response> responses = race(requests);

        assertThat(responses.subList(0, RACERS - 1)).allSatisfy(taken -> {
            assertThat(taken.status()).as(taken.text()).isEqualTo(201);
            assertThat(taken.text("type")).isEqualTo("OPEN_LICENCE");
        });
        Api.Response exclusive = responses.get(RACERS - 1);
        assertThat(exclusive.status()).isEqualTo(409);
        assertThat(reasons(exclusive)).contains("OPEN_LICENCE_DECLARED");
        assertThat(jdbc.sql("select count(*) from rights_grant where asset_id = ? and type = 'OPEN_LICENCE'")
                        .param(patent)
                        .query(Long.class)
                        .single())
                .isEqualTo(RACERS - 1);
    }

    /** Starts every request at the same moment from its own thread and returns the responses in order. */
    private static List<Api.Response> race(List<Callable<Api.Response>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Callable<Api.Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
