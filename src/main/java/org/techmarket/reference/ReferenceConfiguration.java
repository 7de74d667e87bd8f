package org.techmarket.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers the reference data to the application as beans; each is read from the classpath once. */
@Configuration(proxyBeanMethods = false)
public class ReferenceConfiguration {

    @Bean
    Regions regions() {
        return Regions.load();
    }

    @Bean
    TechnologyFields technologyFields() {
        return TechnologyFields.load();
    }

    @Bean
    IndustryMapping industryMapping() {
        return IndustryMapping.standard();
    }
}
