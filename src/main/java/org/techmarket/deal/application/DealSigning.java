package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.ContractHash;
import org.techmarket.deal.domain.ContractSignature;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.OrganizationKey;
import org.techmarket.deal.domain.Signatures;
import org.techmarket.deal.persistence.DealSignatures;
import org.techmarket.deal.persistence.DealSignatures.SignatureRow;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.deal.persistence.SigningKeys;
import org.techmarket.participant.MarketAction;
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
            DealSettings settings,
            IdGenerator ids,
            Clock clock) {
        this.deals = deals;
        this.access = access;
        this.signatures = signatures;
        this.keys = keys;
        this.signer = signer;
        this.journal = journal;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public SignatureRow sign(Actor actor, String dealId) {
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.SIGN_DEAL);
        String organization = actor.requireOrganization();
        Set<String> signedBy = new HashSet<>();
        signatures.of(dealId).forEach(s -> signedBy.add(s.organizationId()));
        Instant now = clock.instant();
        String signatureId = ids.newId();
        Deal.Moved signature = deal.addSignature(signedBy, organization, signatureId, now);
        ContractSignature signed = signer.sign(keyOf(organization, now), new ContractHash(deal.contractHash()));
        SignatureRow row = new SignatureRow(
                signatureId,
                dealId,
                organization,
                actor.userId(),
                deal.contractHash(),
                signed.publicKey(),
                signed.signature(),
                now);
        signatures.add(row);
        journal.record(actor.auditName(), signature);
        signedBy.add(organization);
        deal.sign(signedBy, now, settings.fundingPeriod()).ifPresent(both -> {
            deals.store(both.deal());
            journal.record(actor.auditName(), both);
        });
        return row;
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
