package org.techmarket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.techmarket.shared.ServerStart;
import org.techmarket.verify.Commands;

/** The techmarket server: one process serving the market's API and pages. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class TechmarketApplication {

    public static void main(String[] args) {
        if (Commands.handles(args)) {
            // The verifier and the witness run from the same jar without the market: no Spring, no database.
            System.exit(Commands.run(args, System.out, System.err));
        }
        ServerStart.prepare(new SpringApplication(TechmarketApplication.class)).run(args);
    }
}
