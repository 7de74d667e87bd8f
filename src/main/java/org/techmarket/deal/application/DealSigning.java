package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.ContractHash;
import org.techmarket.deal.domain.ContractSignature;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.KeyKind;
import org.techmarket.deal.domain.OrganizationKey;
import org.techmarket.deal.domain.Signatures;
import org.techmarket.deal.domain.SignerKey;
import org.techmarket.deal.persistence.DealSignatures;
import org.techmarket.deal.persistence.DealSignatures.SignatureRow;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.deal.persistence.SigningKeys;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;

/**
 * A party signs the contract hash with its organization's key, made on the first signature; when both parties have
 * signed, the deal is SIGNED and the buyer's funding deadline starts. Anyone logged in may verify a signature.
 */
@Service
public class DealSigning {

    /** The outcome of checking a stored signature against the deal's contract hash. */
    public record Verification(SignatureRow signature, String fingerprint, boolean valid) {}

    private final Deals deals;
    private final DealAccess access;
    private final DealSignatures signatures;
    private final SigningKeys keys;
    private final Signatures signer;
    private final DealJournal journal;
    private final SignerKeyRegistry registry;
    private final DealSettings settings;
    private final IdGenerator ids;
    private final Clock clock;

    DealSigning(
            Deals deals,
            DealAccess access,
            DealSignatures signatures,
            SigningKeys keys,
            Signatures signer,
            DealJournal journal,
            SignerKeyRegistry registry,
            DealSettings settings,
            IdGenerator ids,
            Clock clock) {
        this.deals = deals;
        this.access = access;
        this.signatures = signatures;
        this.keys = keys;
        this.signer = signer;
        this.journal = journal;
        this.registry = registry;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * A detached signature made with a key the signer holds: the registered key's id, the Ed25519 signature (base64)
     * over {@code techmarket-contract-v1:<contract hash>}, and optionally the hash the signer read, which must be the
     * deal's.
     */
    public record Detached(String keyId, String signature, Optional<String> contractHash) {}

    /**
     * Signs with the key the market holds for the organization, when the organization lets it; a lender enforcing
     * its pledge signs for the seller with its own organization's key.
     */
    @Transactional
    public SignatureRow sign(Actor actor, String dealId) {
        DealAccess.Acting acting = access.lockedForPartyOrPledgee(actor, dealId, MarketAction.SIGN_DEAL);
        Deal deal = acting.deal();
        String organization = actor.requireOrganization();
        if (!registry.serverHeldAllowed(organization)) {
            throw Rejection.conflict(
                    DealCodes.SERVER_HELD_KEY_NOT_CHOSEN,
                    "Your organization signs with keys its users hold: send keyId and signature");
        }
        Set<String> signedBy = signedBy(dealId);
        Instant now = clock.instant();
        String signatureId = ids.newId();
        Deal.Moved signature = deal.addSignature(signedBy, acting.party(), signatureId, KeyKind.SERVER_HELD, now);
        ContractSignature signed = signer.sign(keyOf(organization, now), new ContractHash(deal.contractHash()));
        return record(actor, acting, signedBy, signatureId, signature, signed, Optional.empty(), now);
    }

    /**
     * Records a signature the signer made with a registered key of its organization, once it verifies against the
     * contract's hash; a lender enforcing its pledge signs for the seller with a key of its own.
     */
    @Transactional
    public SignatureRow sign(Actor actor, String dealId, Detached detached) {
        DealAccess.Acting acting = access.lockedForPartyOrPledgee(actor, dealId, MarketAction.SIGN_DEAL);
        Deal deal = acting.deal();
        ContractHash hash = new ContractHash(deal.contractHash());
        detached.contractHash().filter(stated -> !stated.equals(hash.hex())).ifPresent(stated -> {
            throw Rejection.conflict(
                    DealCodes.CONTRACT_HASH_MISMATCH,
                    "The contract's hash is " + hash + ", not " + stated + ": read the contract again");
        });
        SignerKey key = registry.locked(actor, detached.keyId());
        Set<String> signedBy = signedBy(dealId);
        Instant now = clock.instant();
        String signatureId = ids.newId();
        Deal.Moved signature = deal.addSignature(signedBy, acting.party(), signatureId, KeyKind.SIGNER_HELD, now);
        ContractSignature signed = key.accept(hash, detached.signature());
        return record(actor, acting, signedBy, signatureId, signature, signed, Optional.of(key.id()), now);
    }

    private SignatureRow record(
            Actor actor,
            DealAccess.Acting acting,
            Set<String> signedBy,
            String signatureId,
            Deal.Moved signature,
            ContractSignature signed,
            Optional<String> signerKeyId,
            Instant now) {
        Deal deal = acting.deal();
        String organization = acting.party();
        SignatureRow row = new SignatureRow(
                signatureId,
                deal.id(),
                organization,
                actor.userId(),
                deal.contractHash(),
                signed.publicKey(),
                signed.signature(),
                now,
                signerKeyId.isPresent() ? KeyKind.SIGNER_HELD : KeyKind.SERVER_HELD,
                signerKeyId,
                acting.pledgee().map(OrganizationSummary::id),
                acting.pledgee().map(OrganizationSummary::name));
        signatures.add(row);
        journal.record(acting.auditName(), signature);
        signedBy.add(organization);
        deal.sign(signedBy, now, settings.fundingPeriod()).ifPresent(both -> {
            deals.store(both.deal());
            journal.record(acting.auditName(), both);
        });
        return row;
    }

    private Set<String> signedBy(String dealId) {
        Set<String> signedBy = new HashSet<>();
        signatures.of(dealId).forEach(s -> signedBy.add(s.organizationId()));
        return signedBy;
    }

    @Transactional(readOnly = true)
    public Verification verify(String dealId, String signatureId) {
        SignatureRow row = signatures
                .find(dealId, signatureId)
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        DealCodes.SIGNATURE_NOT_FOUND,
                        "Signature " + signatureId + " does not exist"));
        String contractHash = deals.find(dealId).map(Deal::contractHash).orElseThrow();
        boolean valid = row.contractHash().equals(contractHash)
                && Signatures.verify(row.publicKey(), new ContractHash(contractHash), row.signature());
        return new Verification(row, new OrganizationKey(row.publicKey(), "-").fingerprint(), valid);
    }

    private OrganizationKey keyOf(String organization, Instant now) {
        return keys.find(organization).orElseGet(() -> {
            keys.addIfAbsent(organization, signer.generateKey(), now);
            return keys.find(organization).orElseThrow();
        });
    }
}
