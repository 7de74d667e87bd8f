package org.techmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationType;
import org.techmarket.support.Fixtures;

/** With no external database configured, the market starts its own PostgreSQL and keeps data across restarts. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TechmarketApplication.class)
                .run(
                        "--server.port=0",
                        "--techmarket.data-dir=" + dataDir,
                        "--techmarket.demo.enabled=false",
                        "--techmarket.security.bcrypt-strength=4",
                        "--spring.datasource.url=");
    }

    @Test
    void dataSurvivesARestart() {
        String organizationId;
        try (ConfigurableApplicationContext first = start()) {
            organizationId = first.getBean(Onboarding.class)
                    .register(
                            new Onboarding.NewOrganization(
                                    "Restart Test Co",
                                    OrganizationType.ENTERPRISE,
                                    Fixtures.uniqueCreditCode(),
                                    "440300"),
                            new Onboarding.NewUser("restart-admin", "restart password", "Restart"))
                    .organizationId();
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")))
                .isTrue();
        try (ConfigurableApplicationContext second = start()) {
            String name = second.getBean(JdbcClient.class)
                    .sql("select name from organization where id = ?")
                    .param(organizationId)
                    .query(String.class)
                    .single();
            assertThat(name).isEqualTo("Restart Test Co");
        }
    }
}
