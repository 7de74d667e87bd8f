package org.techmarket.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole market on a random port, on the test JVM's embedded PostgreSQL,
 * driven over real HTTP. Tests share one database, so each makes its own organizations and names, and after each
 * test the market's invariants are checked over all of it ({@link MarketInvariants}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "tm_test-operator-token-0123456789";
    public static final String MARKET_ADMIN_TOKEN = "tm_test-market-admin-token-0123456789";

    @LocalServerPort
    int port;

    protected Api api;
    protected Fixtures fixtures;

    @Autowired
    private JdbcClient invariantsJdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("techmarket_it"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("techmarket.admin-token", () -> ADMIN_TOKEN);
        registry.add("techmarket.market-admin-token", () -> MARKET_ADMIN_TOKEN);
        registry.add("techmarket.demo.enabled", () -> "false");
        // Each test market (each Spring context) keeps its own search index, as each node does.
        String searchDir = "target/search-it/" + java.util.UUID.randomUUID();
        registry.add("techmarket.search.dir", () -> searchDir);
        registry.add("techmarket.security.bcrypt-strength", () -> "4");
        // Log-in back-off long enough that a test sees it before it has run out, however slow the machine.
        registry.add("techmarket.security.login.first-back-off", () -> "PT1M");
        // Tests run grant expiry themselves (GrantExpiry.expireDue), so that what they see does not hang on timing.
        registry.add("techmarket.rights.grant-expiry-interval", () -> "PT1H");
        // Likewise offer expiry (OfferExpiry.expireDue): an offer past its deadline reads EXPIRED at once, and a test
        // that answers it sees OFFER_EXPIRED, not a status the job stored a moment before.
        registry.add("techmarket.deal.offer-expiry-interval", () -> "PT1H");
        // Likewise loan servicing (LoanServicing.serviceDue): a test sees interest and collections when it asks for
        // them.
        registry.add("techmarket.financing.servicing-interval", () -> "PT1H");
        // Likewise lenders' offer expiry (LoanOfferExpiry.expireDue).
        registry.add("techmarket.financing.offer-expiry-interval", () -> "PT1H");
        // The observatory decomposes its tables when first asked, not in the background of every test's start.
        registry.add("techmarket.observatory.warm-up", () -> "false");
        // Webhook receivers in tests listen on this machine; retries come quickly and give up after three attempts.
        registry.add("techmarket.notification.webhooks.allow-private-addresses", () -> "true");
        registry.add("techmarket.notification.webhooks.delivery-interval", () -> "PT0.2S");
        registry.add("techmarket.notification.webhooks.first-retry-after", () -> "PT0.2S");
        registry.add("techmarket.notification.webhooks.max-retry-after", () -> "PT0.4S");
        registry.add("techmarket.notification.webhooks.max-attempts", () -> "3");
        // At the JVM's end the markets stop at once, without waiting for open event streams to finish.
        registry.add("server.shutdown", () -> "immediate");
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "PT5S");
    }

    @BeforeEach
    void connect() {
        // Every test logs in from 127.0.0.1 and many try wrong passwords on purpose: each starts with the address's
        // failures forgotten, so that one test's failures never throttle another's log-ins.
        invariantsJdbc
                .sql("delete from login_throttle where key like 'address:%'")
                .update();
        api = new Api("http://localhost:" + port);
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void marketInvariantsHold() {
        MarketInvariants.check(api, invariantsJdbc);
    }
}
