package org.techmarket.deal.domain;

/**
 * Who holds the private key behind a contract signature: the signer alone (a key its user registered, the signature
 * made on the signer's machine), or the market, which keeps a sealed key for an organization that chose it.
 */
public enum KeyKind {
    SIGNER_HELD,
    SERVER_HELD
}
