package org.techmarket.shared;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Starts the server from the bean definitions the build wrote ahead of time ({@code spring-boot:process-aot}) when it
 * is asked to ({@code techmarket.aot=true}, which {@code ./techmarket} sets) and the settings are those the build saw.
 * The build fixed which beans exist from the default settings: the embedded database, no Kafka, no read replica, no
 * separate management port, no profile. A start with any of those set would silently lose beans it needs, so it builds
 * its context at run time as before, and says why.
 */
public final class AheadOfTimeStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The property that asks for the ahead-of-time start. */
    public static final String REQUESTED = "techmarket.aot";

    // Spring's switch for using the generated initializer; read from the system properties when the context is made.
    static final String SPRING_AOT_ENABLED = "spring.aot.enabled";

    // Settings on which the build's conditions decided; set at run time, they would choose other beans.
    static final List<String> FIXED_AT_BUILD = List.of(
            "spring.datasource.url",
            "techmarket.kafka.bootstrap-servers",
            "techmarket.read-replica.url",
            "management.server.port");

    private static final Logger log = LoggerFactory.getLogger(AheadOfTimeStart.class);

    private final String generatedInitializer;

    AheadOfTimeStart(Class<?> application) {
        this.generatedInitializer = application.getName() + "__ApplicationContextInitializer";
    }

    /** The ahead-of-time start for {@code application}, whose generated initializer the build names after it. */
    public static AheadOfTimeStart of(Class<?> application) {
        return new AheadOfTimeStart(application);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.getProperty(REQUESTED, Boolean.class, false)
                || System.getProperty(SPRING_AOT_ENABLED) != null) {
            return;
        }
        boolean generated = ClassUtils.isPresent(
                generatedInitializer, event.getSpringApplication().getClassLoader());
        Optional<String> refusal = refusal(environment, generated);
        if (refusal.isPresent()) {
            log.info("Building the application context at start, not from the build's: {}", refusal.get());
            return;
        }
        System.setProperty(SPRING_AOT_ENABLED, "true");
    }

    /** Why the build's bean definitions would not fit these settings, if they would not. */
    static Optional<String> refusal(ConfigurableEnvironment environment, boolean generated) {
        if (!generated) {
            return Optional.of("this build has no ahead-of-time bean definitions");
        }
        for (String setting : FIXED_AT_BUILD) {
            if (StringUtils.hasText(environment.getProperty(setting))) {
                return Optional.of(setting + " is set");
            }
        }
        if (environment.getActiveProfiles().length > 0) {
            return Optional.of("profile " + String.join(", ", environment.getActiveProfiles()) + " is active");
        }
        return Optional.empty();
    }
}
