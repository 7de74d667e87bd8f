package org.techmarket.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.techmarket.audit.AuditLog;
import org.techmarket.outbound.application.OutboundSender;
import org.techmarket.outbound.application.PublishingAuditLog;
import org.techmarket.support.IntegrationTest;

/** Without {@code techmarket.kafka.bootstrap-servers}, nothing about Kafka starts and the log gathers nothing. */
class WithoutKafkaIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog audit;

    @Test
    void noProducerNoSenderNoExternalizerAndThePlainAuditLog() {
        assertThat(context.getBeansOfType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeansOfType(OutboundSender.class)).isEmpty();
        assertThat(context.getBeansOfType(DelegatingEventExternalizer.class)).isEmpty();
        assertThat(audit).isNotInstanceOf(PublishingAuditLog.class);
    }
}
