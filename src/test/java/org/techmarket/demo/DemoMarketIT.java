package org.techmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techmarket.audit.persistence.AuditVerifier;
import org.techmarket.support.Api;
import org.techmarket.support.TestDatabase;

/** The demo market on a database of its own: loaded once, complete, and with an intact audit chain. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoMarketIT {

    private static final String OPERATOR_TOKEN = "demo-market-operator-token";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("techmarket_demo"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("techmarket.demo.enabled", () -> "true");
        // Its own search index: another test market in this JVM holds the lock of any shared one.
        String searchDir = "target/search-it/demo-" + java.util.UUID.randomUUID();
        registry.add("techmarket.search.dir", () -> searchDir);
        registry.add("techmarket.security.bcrypt-strength", () -> "4");
        registry.add("techmarket.admin-token", () -> OPERATOR_TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    DemoHealthIndicator progress;

    @Test
    void theDemoMarketHoldsTheRealPatentsAndChineseAssets() {
        Api api = new Api("http://localhost:" + port);
        // The market is ready with the demo's participants and assets; they trade afterwards, health says how far.
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(progress.awaitEnd(Duration.ofMinutes(3))).isEqualTo(DemoHealthIndicator.Trading.DONE);
        assertThat(progress.health().getStatus()).isEqualTo(Status.UP);
        assertThat(progress.health().getDetails()).containsEntry("trading", "done");
        assertThat(api.get("/actuator/health", OPERATOR_TOKEN)
                        .json()
                        .path("components")
                        .path("demo")
                        .path("details")
                        .path("trading")
                        .asString())
                .isEqualTo("done");
        assertThat(api.get("/actuator/health", null).json().has("components"))
                .as("a stranger sees the status alone")
                .isFalse();
        long assets = jdbc.sql("select count(*) from asset").query(Long.class).single();
        assertThat(assets)
                .isEqualTo(DemoPatents.load().size() + DemoCnAssets.load().size());
        assertThat(jdbc.sql("select count(*) from organization where status = 'VERIFIED'")
                        .query(Long.class)
                        .single())
                .as("five participants and the broker acting for the university")
                .isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from asset where language = 'zh'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("select count(distinct i) from asset, unnest(industries) i")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(10);
        assertThat(api.get("/api/v1/assets?industry=QUANTUM_INFORMATION", null)
                        .json()
                        .path("items")
                        .size())
                .isPositive();
        assertThat(jdbc.sql("select status from listing order by created_at")
                        .query(String.class)
                        .list())
                .containsExactly("OPEN", "OPEN", "AWARDED");
        // The auction's opening bid and the fixed-price purchase.
        assertThat(jdbc.sql("select count(*) from listing_bid")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select status from offer").query(String.class).list())
                .containsExactly("OPEN");
        assertThat(jdbc.sql("select mechanism || ' ' || contract_type || ' ' || status from deal order by created_at")
                        .query(String.class)
                        .list())
                .containsExactly("FIXED_PRICE LICENSING COMPLETED", "DIRECT DEVELOPMENT SIGNING");
        assertThat(jdbc.sql("select count(*) from contract_registration")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from deal_instalment")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from rights_grant where type = 'NON_EXCLUSIVE_LICENCE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The licensed patent valued, its own completed licence the market comparable.
        assertThat(jdbc.sql(
                                "select count(*) from valuation where report -> 'market' -> 'comparables' -> 0 ->> 'sameAsset'"
                                        + " = 'true'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Needs in Chinese and English, and a challenge with two proposals the panel scored, its reward held.
        assertThat(jdbc.sql("select kind || ' ' || status || ' ' || visibility from need order by id")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "NEED PUBLISHED PUBLIC",
                        "NEED PUBLISHED VERIFIED_ONLY",
                        "NEED PUBLISHED PUBLIC",
                        "CHALLENGE PUBLISHED PUBLIC");
        assertThat(jdbc.sql("select count(distinct proposal_id) from proposal_score")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from challenge where hold_id is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/needs", null).json().path("items").size()).isEqualTo(3);
        assertThat(verifier.sealAndVerify().valid()).isTrue();
        assertThat(api.get("/", null).status()).isEqualTo(200);
    }
}
