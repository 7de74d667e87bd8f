package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * The ahead-of-time start is taken only when asked for, when the build wrote its bean definitions, and when none of the
 * settings its conditions were decided on is set; otherwise the context is built at start.
 */
class AheadOfTimeStartTest {

    /** Stands for an application whose build wrote an initializer, {@code Generated__ApplicationContextInitializer}. */
    static class Generated {}

    /** Stands for the generated initializer of {@link Generated}. */
    static class Generated__ApplicationContextInitializer {}

    /** An application the build did not process. */
    static class NotGenerated {}

    @AfterEach
    void clear() {
        System.clearProperty(AheadOfTimeStart.SPRING_AOT_ENABLED);
    }

    @Test
    void theDefaultSettingsAskedForStartFromTheBuildsDefinitions() {
        prepare(Generated.class, new MockEnvironment().withProperty(AheadOfTimeStart.REQUESTED, "true"));

        assertThat(System.getProperty(AheadOfTimeStart.SPRING_AOT_ENABLED)).isEqualTo("true");
    }

    @Test
    void notAskedForTheContextIsBuiltAtStart() {
        prepare(Generated.class, new MockEnvironment());
        prepare(Generated.class, new MockEnvironment().withProperty(AheadOfTimeStart.REQUESTED, "false"));

        assertThat(System.getProperty(AheadOfTimeStart.SPRING_AOT_ENABLED)).isNull();
    }

    @Test
    void aBuildWithoutTheDefinitionsBuildsTheContextAtStart() {
        prepare(NotGenerated.class, new MockEnvironment().withProperty(AheadOfTimeStart.REQUESTED, "true"));

        assertThat(System.getProperty(AheadOfTimeStart.SPRING_AOT_ENABLED)).isNull();
        assertThat(AheadOfTimeStart.refusal(new MockEnvironment(), false))
                .contains("this build has no ahead-of-time bean definitions");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "spring.datasource.url",
                "techmarket.kafka.bootstrap-servers",
                "techmarket.read-replica.url",
                "management.server.port"
            })
    void aSettingTheBuildDecidedOnBuildsTheContextAtStart(String setting) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(AheadOfTimeStart.REQUESTED, "true")
                .withProperty(setting, "x");

        prepare(Generated.class, environment);

        assertThat(System.getProperty(AheadOfTimeStart.SPRING_AOT_ENABLED)).isNull();
        assertThat(AheadOfTimeStart.refusal(environment, true)).contains(setting + " is set");
    }

    @Test
    void anEmptySettingIsTheDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(AheadOfTimeStart.REQUESTED, "true")
                .withProperty("spring.datasource.url", "")
                .withProperty("management.server.port", " ");

        assertThat(AheadOfTimeStart.refusal(environment, true)).isEmpty();
    }

    @Test
    void anActiveProfileBuildsTheContextAtStart() {
        MockEnvironment environment = new MockEnvironment().withProperty(AheadOfTimeStart.REQUESTED, "true");
        environment.setActiveProfiles("replica");

        prepare(Generated.class, environment);

        assertThat(System.getProperty(AheadOfTimeStart.SPRING_AOT_ENABLED)).isNull();
        assertThat(AheadOfTimeStart.refusal(environment, true)).contains("profile replica is active");
    }

    @Test
    void anExplicitSpringSwitchIsLeftAsItIs() {
        System.setProperty(AheadOfTimeStart.SPRING_AOT_ENABLED, "false");

        prepare(Generated.class, new MockEnvironment().withProperty(AheadOfTimeStart.REQUESTED, "true"));

        assertThat(System.getProperty(AheadOfTimeStart.SPRING_AOT_ENABLED)).isEqualTo("false");
    }

    private static void prepare(Class<?> application, MockEnvironment environment) {
        SpringApplication server = new SpringApplication(application);
        AheadOfTimeStart.of(application)
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        new DefaultBootstrapContext(), server, new String[0], environment));
    }
}
