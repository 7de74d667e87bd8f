package org.techmarket.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.domain.DealEvent;
import org.techmarket.listing.domain.ListingEvent;
import org.techmarket.outbound.domain.PublicEvent;
import org.techmarket.rights.GrantExpired;
import org.techmarket.rights.GrantRecorded;
import org.techmarket.rights.GrantTerminated;
import org.techmarket.rights.OpenLicenceTaken;

/**
 * Each public event is named as the log stores its type: the simple name of the record its module logs it under. A
 * record renamed in its module, or a public event misspelt here, would silently send nothing.
 */
class PublicEventTypesTest {

    @Test
    void everyPublicEventIsTheNameOfARecordThatTheMarketLogs() {
        List<String> logged = Stream.of(
                        Arrays.stream(ListingEvent.class.getPermittedSubclasses())
                                .flatMap(PublicEventTypesTest::leaves),
                        Arrays.stream(DealEvent.class.getPermittedSubclasses()),
                        Stream.of(
                                GrantRecorded.class, OpenLicenceTaken.class, GrantTerminated.class, GrantExpired.class))
                .flatMap(s -> s)
                .map(type -> AuditLog.typeOf(type.asSubclass(Record.class)))
                .toList();

        assertThat(logged)
                .containsAll(Arrays.stream(PublicEvent.values()).map(Enum::name).toList());
    }

    @Test
    void everyTopicIsNamedOnceAndCarriesTheSchemaVersion() {
        List<String> topics =
                Arrays.stream(PublicEvent.values()).map(PublicEvent::topicName).toList();

        assertThat(topics).doesNotHaveDuplicates().allMatch(topic -> topic.endsWith(".v" + PublicEvent.SCHEMA_VERSION));
    }

    @Test
    void everyTopicHasItsSchemaInTheDocsAndEverySchemaItsTopic() throws IOException {
        List<String> documented;
        try (Stream<Path> files = Files.list(Path.of("docs/events"))) {
            documented = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("techmarket."))
                    .map(name -> name.substring("techmarket.".length(), name.length() - ".schema.json".length()))
                    .toList();
        }

        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PublicEvent.values())
                        .map(PublicEvent::topicName)
                        .toList());
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        return type.isSealed()
                ? Arrays.stream(type.getPermittedSubclasses()).flatMap(PublicEventTypesTest::leaves)
                : Stream.of(type);
    }
}
