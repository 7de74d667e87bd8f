package org.techmarket.deal.domain;

/**
 * A stored private key cannot be opened: the configured key-encryption key is not the one it was sealed with, or
 * the stored text was altered. An operator must fix the configuration or the data; no request can.
 */
public class SealedKeyException extends RuntimeException {

    public SealedKeyException(String message) {
        super(message);
    }

    public SealedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
