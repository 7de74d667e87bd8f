package org.techmarket.shared;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the rules for dates to come and the id generator every module is given; clock and ids replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DateRules dateRules(Clock clock, @Value("${techmarket.api.date-horizon:P3650D}") Duration horizon) {
        return new DateRules(clock, horizon);
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator(Clock clock) {
        return new IdGenerator(clock);
    }
}
