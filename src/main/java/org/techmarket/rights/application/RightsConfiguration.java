package org.techmarket.rights.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.reference.Regions;
import org.techmarket.rights.domain.RegionDirectory;

/** Backs the rights algebra's region directory with the market's GB/T 2260 reference data. */
@Configuration(proxyBeanMethods = false)
class RightsConfiguration {

    @Bean
    RegionDirectory regionDirectory(Regions regions) {
        return code -> regions.find(code).isPresent();
    }
}
