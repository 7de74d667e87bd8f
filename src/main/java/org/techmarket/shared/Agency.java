package org.techmarket.shared;

import java.util.Objects;

/**
 * A broker's user acting for a client under a confirmed mandate: the request is the client's (its rights, its
 * refusals, its deposits), and the log names both the broker and the client.
 */
public record Agency(String mandateId, String brokerId, String clientId) {

    public Agency {
        Objects.requireNonNull(mandateId, "mandateId");
        Objects.requireNonNull(brokerId, "brokerId");
        Objects.requireNonNull(clientId, "clientId");
    }
}
