package org.techmarket.deal.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.SignerKey;
import org.techmarket.deal.persistence.SignerKeys;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;

/**
 * The public keys an organization's users sign contracts with, holding the private keys themselves (Electronic
 * Signature Law art. 13). Registering the organization's first key turns off the key the market holds for it,
 * unless its admin chose to keep it; an admin may turn it on or off at any time. Another organization's key answers
 * 404.
 */
@Service
public class SignerKeyRegistry {

    /** An organization's registered keys and whether the market may still sign for it with a key it holds. */
    public record KeyRing(boolean serverHeldKeys, List<SignerKey> keys) {}

    private final SignerKeys keys;
    private final Participants participants;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    SignerKeyRegistry(SignerKeys keys, Participants participants, AuditLog audit, IdGenerator ids, Clock clock) {
        this.keys = keys;
        this.participants = participants;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public SignerKey register(Actor actor, String publicKey) {
        String organization = actor.requireOrganization();
        participants.permitted(actor, MarketAction.SIGN_DEAL);
        SignerKey key = SignerKey.register(ids.newId(), organization, actor.userId(), publicKey, clock.instant());
        if (!keys.add(key)) {
            throw Rejection.conflict(
                    DealCodes.SIGNING_KEY_ALREADY_REGISTERED,
                    "Your organization has already registered the key " + key.fingerprint());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", organization);
        payload.put("fingerprint", key.fingerprint());
        payload.put("publicKey", key.publicKey());
        audit.record(actor.auditName(), SigningKeyEvents.SignerKeyRegistered, subject(key.id()), payload);
        if (keys.chooseSignerHeldUnlessChosen(organization, key.registeredAt())) {
            recordChoice(actor, organization, false);
        }
        return key;
    }

    @Transactional(readOnly = true)
    public KeyRing ring(Actor actor) {
        String organization = actor.requireOrganization();
        return new KeyRing(serverHeldAllowed(organization), keys.of(organization));
    }

    /** Revoked by the user who registered it or by an admin of its organization; it signs nothing more. */
    @Transactional
    public SignerKey revoke(Actor actor, String keyId) {
        SignerKey key = locked(actor, keyId);
        if (!key.userId().equals(actor.userId()) && actor.role() != Role.ORG_ADMIN) {
            throw Rejection.forbidden("Only the user who registered a key or an organization admin may revoke it");
        }
        SignerKey revoked = key.revoke(clock.instant());
        keys.markRevoked(revoked);
        audit.record(
                actor.auditName(),
                SigningKeyEvents.SignerKeyRevoked,
                subject(keyId),
                Map.of("organizationId", key.organizationId(), "fingerprint", key.fingerprint()));
        return revoked;
    }

    /** An admin's choice whether the market may sign the organization's contracts with a key the market holds. */
    @Transactional
    public KeyRing chooseServerHeld(Actor actor, boolean serverHeld) {
        String organization = actor.requireOrganization();
        if (actor.role() != Role.ORG_ADMIN) {
            throw Rejection.forbidden("Only an organization admin chooses who holds its signing keys");
        }
        keys.choose(organization, serverHeld, clock.instant());
        recordChoice(actor, organization, serverHeld);
        return new KeyRing(serverHeld, keys.of(organization));
    }

    /** The actor's organization's key, locked; 404 when it is not one of the organization's keys. */
    SignerKey locked(Actor actor, String keyId) {
        String organization = actor.requireOrganization();
        return keys.lock(organization, keyId)
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        DealCodes.SIGNING_KEY_NOT_FOUND,
                        "Signing key " + keyId + " does not exist"));
    }

    /** Whether the market may sign for the organization: until it registers a key of its own or chooses otherwise. */
    boolean serverHeldAllowed(String organization) {
        return keys.serverHeldChoice(organization).orElse(true);
    }

    private void recordChoice(Actor actor, String organization, boolean serverHeld) {
        audit.record(
                actor.auditName(),
                SigningKeyEvents.ServerHeldKeysChosen,
                "organization:" + organization,
                Map.of("serverHeldKeys", serverHeld));
    }

    private static String subject(String keyId) {
        return "signing-key:" + keyId;
    }
}
