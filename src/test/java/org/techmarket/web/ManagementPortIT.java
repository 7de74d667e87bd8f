package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import org.techmarket.support.Api;
import org.techmarket.support.IntegrationTest;

/**
 * With {@code management.server.port} set, the operations endpoints leave the market's port for their own, and the
 * same rules hold there: health is public, metrics need an operator's or a regulator's token.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void metricsMoveToTheManagementPortAndStillNeedAnOperator() {
        Api management = new Api("http://localhost:" + managementPort);
        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/prometheus", ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health", null).header("Content-Security-Policy"))
                .isNotNull();

        assertThat(api.get("/actuator/prometheus", ADMIN_TOKEN).status()).isEqualTo(404);
    }
}
