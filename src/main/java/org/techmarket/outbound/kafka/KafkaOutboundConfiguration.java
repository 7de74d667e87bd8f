package org.techmarket.outbound.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.techmarket.audit.AuditLog;
import org.techmarket.outbound.PublicEventsCommitted;
import org.techmarket.outbound.application.OutboundSender;
import org.techmarket.outbound.application.PublishingAuditLog;
import org.techmarket.shared.IdGenerator;

/**
 * Sends the market's public events to Kafka, only when {@code techmarket.kafka.bootstrap-servers} is set: without it
 * none of these beans exists, no producer is made and the audit log gathers nothing. Each transaction's public events
 * are one {@link PublicEventsCommitted}, stored in the event publication registry with the transaction and handed
 * to the {@link OutboundSender} as it commits; the sender gives the messages, in commit order, to one idempotent
 * producer, which keeps the order of a key's messages through its retries. Spring Modulith's event externalization
 * delivers the publication, complete once the broker has acknowledged every message of the batch; a delivery that
 * fails stays incomplete in the registry and is made again (at least once).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${techmarket.kafka.bootstrap-servers:}'.isBlank()")
class KafkaOutboundConfiguration {

    /** Where the market's messages go: one routing target for the whole batch, whose messages name their topics. */
    static final String TARGET = "techmarket-public-events";

    @Bean
    KafkaTemplate<String, String> outboundKafkaTemplate(
            @Value("${techmarket.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${techmarket.kafka.client-id:techmarket}") String clientId,
            @Value("${techmarket.kafka.delivery-timeout:PT2M}") Duration deliveryTimeout,
            @Value("${techmarket.kafka.max-block:PT10S}") Duration maxBlock) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // Every in-sync replica has it before it counts as sent; retried sends are neither doubled nor reordered.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryTimeout.toMillis()));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** Sends each message to its topic under its key; closed with the context, after the last hand-over. */
    @Bean
    OutboundSender outboundSender(KafkaTemplate<String, String> outboundKafkaTemplate) {
        return new OutboundSender(
                message -> outboundKafkaTemplate.send(message.topic(), message.key(), message.json()));
    }

    /** The market's audit log, gathering the public events of each transaction as it records them. */
    @Bean
    @Primary
    AuditLog publishingAuditLog(
            @Qualifier("jdbcAuditLog") AuditLog jdbcAuditLog,
            ApplicationEventPublisher events,
            OutboundSender outboundSender,
            IdGenerator ids,
            Clock clock,
            @Value("${techmarket.kafka.topic-prefix:techmarket.}") String topicPrefix) {
        return new PublishingAuditLog(jdbcAuditLog, events, outboundSender, ids, clock, topicPrefix);
    }

    /** Externalizes exactly the batches of public events; the other module events stay inside the market. */
    @Bean
    EventExternalizationConfiguration publicEventsExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(PublicEventsCommitted.class)
                .routeAll(event -> RoutingTarget.forTarget(TARGET).withoutKey())
                .build();
    }

    /** Delivers a publication: done when the broker has acknowledged every message of its batch. */
    @Bean
    DelegatingEventExternalizer publicEventsExternalizer(
            EventExternalizationConfiguration publicEventsExternalization, OutboundSender outboundSender) {
        return new DelegatingEventExternalizer(
                publicEventsExternalization, (target, event) -> outboundSender.deliver((PublicEventsCommitted) event));
    }
}
