package org.techmarket.deal.application;

import org.techmarket.audit.AuditEventType;

/** What signer-held keys record in the market's log. */
enum SigningKeyEvents implements AuditEventType {
    SignerKeyRegistered,
    SignerKeyRevoked,
    ServerHeldKeysChosen
}
