package org.techmarket.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;
import org.techmarket.shared.ReadReplica;

/**
 * The read replica when {@code techmarket.read-replica.url} is set: a small read-only pool of its own, kept apart from
 * the primary's {@code DataSource} so nothing else ever writes to or reads from it by accident. Without it every read
 * goes to the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

    private static final String URL = "techmarket.read-replica.url";

    @Bean
    ReadReplica readReplica(JdbcClient primary, Environment environment, Clock clock, MeterRegistry meters) {
        String url = environment.getProperty(URL, "");
        if (!StringUtils.hasText(url)) {
            return () -> primary;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(environment.getProperty("techmarket.read-replica.username", "postgres"));
        config.setPassword(environment.getProperty("techmarket.read-replica.password", ""));
        config.setMaximumPoolSize(environment.getProperty("techmarket.read-replica.pool-size", Integer.class, 4));
        config.setReadOnly(true);
        config.setPoolName("techmarket-replica");
        // The node starts, and reads go to the primary, while the replica is still unreachable.
        config.setInitializationFailTimeout(-1);
        return new ReplicaRouting(
                primary,
                new HikariDataSource(config),
                environment.getProperty("techmarket.read-replica.max-lag", Duration.class, Duration.ofSeconds(5)),
                environment.getProperty(
                        "techmarket.read-replica.check-interval", Duration.class, Duration.ofSeconds(1)),
                clock,
                meters);
    }

    /** Matches when {@code techmarket.read-replica.url} is set. */
    static class ReplicaConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(URL));
        }
    }
}
