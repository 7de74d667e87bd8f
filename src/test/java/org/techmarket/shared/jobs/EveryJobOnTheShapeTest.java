package org.techmarket.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every scheduled job runs on the one shape: its class hands its work to {@link BackgroundJobs} rather than loop on
 * its own, and no two jobs share a schedule property (one job reading another's interval is a copy-paste slip).
 */
class EveryJobOnTheShapeTest {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^:}]+)");

    private static final List<JavaClass> SCHEDULED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.techmarket").stream()
                    .filter(type ->
                            type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Scheduled.class)))
                    .toList();

    @Test
    void everyClassWithAScheduledMethodRunsItThroughBackgroundJobs() {
        assertThat(SCHEDULED).as("the market's scheduled jobs").hasSizeGreaterThanOrEqualTo(10);
        assertThat(SCHEDULED)
                .allSatisfy(type -> assertThat(type.getAllFields())
                        .as("%s uses BackgroundJobs", type.getName())
                        .anyMatch(field -> field.getRawType().isEquivalentTo(BackgroundJobs.class)));
    }

    @Test
    void noTwoJobsReadTheSameScheduleProperty() throws ClassNotFoundException {
        Map<String, String> owner = new HashMap<>();
        for (JavaClass type : SCHEDULED) {
            for (Method method : Class.forName(type.getName()).getDeclaredMethods()) {
                Scheduled schedule = method.getAnnotation(Scheduled.class);
                if (schedule == null) {
                    continue;
                }
                for (String value : List.of(
                        schedule.fixedDelayString(),
                        schedule.fixedRateString(),
                        schedule.initialDelayString(),
                        schedule.cron())) {
                    Matcher property = PROPERTY.matcher(value);
                    while (property.find()) {
                        String job = type.getName() + "." + method.getName();
                        String earlier = owner.putIfAbsent(property.group(1), job);
                        assertThat(earlier == null || earlier.equals(job))
                                .as("%s is read by %s and by %s", property.group(1), earlier, job)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(owner)
                .containsKeys("techmarket.deal.funding-default-interval", "techmarket.deal.acceptance-check-interval");
    }
}
