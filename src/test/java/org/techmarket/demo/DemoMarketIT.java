package org.techmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("techmarket_demo"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("techmarket.demo.enabled", () -> "true");
        registry.add("techmarket.security.bcrypt-strength", () -> "4");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditVerifier verifier;

    @Test
    void theDemoMarketHoldsTheRealPatentsAndChineseAssets() {
        Api api = new Api("http://localhost:" + port);
        long assets = jdbc.sql("select count(*) from asset").query(Long.class).single();
        assertThat(assets).isEqualTo(DemoPatents.load().size() + DemoCnAssets.load().size());
        assertThat(jdbc.sql("select count(*) from organization where status = 'VERIFIED'").query(Long.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from asset where language = 'zh'").query(Long.class).single())
                .isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("select count(distinct i) from asset, unnest(industries) i").query(Long.class).single())
                .isGreaterThanOrEqualTo(10);
        assertThat(api.get("/api/v1/assets?industry=QUANTUM_INFORMATION", null).json().path("items").size())
                .isPositive();
        assertThat(verifier.sealAndVerify().valid()).isTrue();
        assertThat(api.get("/", null).status()).isEqualTo(200);
    }
}
