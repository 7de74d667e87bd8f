package org.techmarket.outbound;

import java.util.List;

/**
 * The public events one transaction committed, in the order it recorded them, each rendered as the message that goes
 * out. Published once per transaction, so that one delivery sends them in their order, and stored with the
 * transaction in the event publication registry, so that a delivery that fails is made again; {@code batchId} names
 * it while it is on its way.
 */
public record PublicEventsCommitted(String batchId, List<OutboundMessage> messages) {

    public PublicEventsCommitted {
        messages = List.copyOf(messages);
    }

    /** One message: its topic, the key that keeps its order among its subject's messages, and its JSON text. */
    public record OutboundMessage(String topic, String key, String json) {}
}
