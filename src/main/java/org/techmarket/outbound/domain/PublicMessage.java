package org.techmarket.outbound.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One public event as it goes out: the topic, the key and the envelope of schema version 1 ({@code docs/events/}):
 * {@code schema} (the topic's name), {@code eventId} (the same on every delivery, for consumers to drop a repeat),
 * {@code type}, {@code occurredAt}, {@code subject} ({@code {type, id}}), {@code key} and {@code data}, the event's
 * public fields.
 */
public record PublicMessage(String topic, String key, Map<String, Object> envelope) {

    /**
     * The message for a log entry of {@code event}'s type about {@code logSubject} ({@code listing:ID}), or empty when
     * the entry does not name what the event is keyed by.
     */
    public static Optional<PublicMessage> of(
            PublicEvent event,
            String topicPrefix,
            String eventId,
            Instant occurredAt,
            String logSubject,
            Map<String, ?> payload) {
        PublicEvent.Subject subject = event.subject();
        Optional<String> subjectId = subject.idIn(logSubject);
        if (subjectId.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> key = subject.keyedByAsset() ? text(payload.get("assetId")) : subjectId;
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String topic = topicPrefix + event.topicName();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("schema", topic);
        envelope.put("schemaVersion", PublicEvent.SCHEMA_VERSION);
        envelope.put("eventId", eventId);
        envelope.put("type", event.name());
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("subject", Map.of("type", subject.prefix(), "id", subjectId.get()));
        envelope.put("key", key.get());
        envelope.put("data", data(event, payload));
        return Optional.of(new PublicMessage(topic, key.get(), envelope));
    }

    private static Map<String, Object> data(PublicEvent event, Map<String, ?> payload) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (PublicEvent.Field field : event.fields()) {
            Object value = payload.get(field.name());
            if (value == null) {
                continue;
            }
            if (field.money()) {
                money(value).ifPresent(amount -> data.put(field.name(), amount));
            } else {
                data.put(field.name(), value);
            }
        }
        return data;
    }

    /** An amount as the log writes it ({@code "1250000.00 CNY"}) as the API writes it: {@code {amount, currency}}. */
    static Optional<Map<String, String>> money(Object logged) {
        String[] parts = String.valueOf(logged).strip().split(" ");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of("amount", parts[0], "currency", parts[1]));
    }

    private static Optional<String> text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
