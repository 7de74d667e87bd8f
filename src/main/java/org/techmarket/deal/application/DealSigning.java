package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.ContractHash;
import org.techmarket.deal.domain.ContractSignature;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.OrganizationKey;
import org.techmarket.deal.domain.Signatures;
import org.techmarket.deal.persistence.DealRow;
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

    DealSigning(Deals deals, DealAccess access, DealSignatures signatures, SigningKeys keys, Signatures signer,
            DealJournal journal, DealSettings settings, IdGenerator ids, Clock clock) {
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
        DealRow deal = access.lockedForParty(actor, dealId, MarketAction.SIGN_DEAL);
        String organization = actor.requireOrganization();
        if (deal.status() != DealStatus.SIGNING) {
            throw Rejection.conflict(DealCodes.DEAL_NOT_SIGNING, "Deal " + dealId + " is " + deal.status()
                    + "; only a deal in SIGNING can be signed");
        }
        if (signatures.of(dealId).stream().anyMatch(s -> s.organizationId().equals(organization))) {
            throw Rejection.conflict(DealCodes.ALREADY_SIGNED, "Your organization has already signed this contract");
        }
        Instant now = clock.instant();
        ContractSignature signed = signer.sign(keyOf(organization, now), new ContractHash(deal.contractHash()));
        SignatureRow row = new SignatureRow(ids.newId(), dealId, organization, actor.userId(), deal.contractHash(),
                signed.publicKey(), signed.signature(), now);
        signatures.add(row);
        journal.record(actor.auditName(), "ContractSigned", deal, now, Map.of("signatureId", row.id(),
                "organizationId", organization, "contractHash", deal.contractHash()));
        if (signatures.of(dealId).size() == 2) {
            DealRow done = deal.withStatus(deal.status().transitionTo(DealStatus.SIGNED, deal.contractType()), now);
            deals.updateStatus(done);
            Instant deadline = now.plus(settings.fundingPeriod());
            deals.setFundingDeadline(dealId, deadline);
            journal.record(actor.auditName(), "DealSigned", done, now, Map.of("fundingDeadline", deadline.toString()));
        }
        return row;
    }

    @Transactional(readOnly = true)
    public Verification verify(String dealId, String signatureId) {
        SignatureRow row = signatures.find(dealId, signatureId).orElseThrow(() -> new Rejection(
                Rejection.Kind.NOT_FOUND, DealCodes.SIGNATURE_NOT_FOUND, "Signature " + signatureId + " does not exist"));
        String contractHash = deals.find(dealId).map(DealRow::contractHash).orElseThrow();
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
