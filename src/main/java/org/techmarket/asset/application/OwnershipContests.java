package org.techmarket.asset.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetCodes;
import org.techmarket.asset.AssetOwnershipCorrected;
import org.techmarket.asset.domain.Asset;
import org.techmarket.asset.domain.OwnerShare;
import org.techmarket.asset.domain.OwnershipDispute;
import org.techmarket.asset.domain.OwnershipDisputeStatus;
import org.techmarket.asset.domain.RegistrationStatus;
import org.techmarket.asset.persistence.OwnershipDisputes;
import org.techmarket.asset.persistence.RegisteredAssets;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Contests of an asset's registration. A verified organization that does not own the asset files a dispute with a
 * statement and evidence; while it is OPEN the asset cannot be listed, licensed or assigned. An operator decides it
 * once: UPHELD makes the claimant the sole owner of record (published as {@link AssetOwnershipCorrected}, on which
 * the former owners' listings end as after an assignment), DISMISSED changes nothing. Filing and upholding lock the
 * asset's row; every step is audited.
 */
@Service
public class OwnershipContests {

    private final RegisteredAssets assets;
    private final OwnershipDisputes disputes;
    private final Participants participants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;

    OwnershipContests(
            RegisteredAssets assets,
            OwnershipDisputes disputes,
            Participants participants,
            AuditLog audit,
            ApplicationEventPublisher events,
            IdGenerator ids,
            Clock clock) {
        this.assets = assets;
        this.disputes = disputes;
        this.participants = participants;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public OwnershipDispute file(Actor actor, String assetId, String statement, List<String> evidence) {
        OrganizationSummary claimant = participants.permitted(actor, MarketAction.CONTEST_OWNERSHIP);
        Asset asset = assets.lock(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        if (asset.ownedBy(claimant.id())) {
            throw Rejection.conflict(
                    AssetCodes.CLAIMANT_IS_OWNER,
                    "Your organization is named an owner of asset " + assetId
                            + "; a named co-owner declines its share instead");
        }
        if (asset.registration() == RegistrationStatus.DECLINED) {
            throw asset.refusalToTrade().orElseThrow();
        }
        if (disputes.openBy(assetId, claimant.id())) {
            throw Rejection.conflict(
                    AssetCodes.DISPUTE_ALREADY_OPEN,
                    "Your organization's dispute of asset " + assetId + " is still open");
        }
        List<String> respondents =
                asset.owners().stream().map(OwnerShare::organizationId).toList();
        OwnershipDispute dispute =
                OwnershipDispute.open(ids.newId(), assetId, claimant.id(), respondents, statement, evidence, now());
        disputes.add(dispute);
        audit.record(actor.auditName(), AssetEvents.OwnershipDisputeFiled, "asset:" + assetId, payload(dispute));
        return dispute;
    }

    /** The dispute, for its claimant, the owners it contested, operators and regulators; anyone else gets 404. */
    @Transactional(readOnly = true)
    public OwnershipDispute get(Actor actor, String disputeId) {
        return disputes.find(disputeId)
                .filter(d -> actor.seesWholeMarket()
                        || actor.organizationId().map(d::isParty).orElse(false))
                .orElseThrow(() -> Rejection.notFound("Ownership dispute", disputeId));
    }

    @Transactional
    public OwnershipDispute decide(Actor actor, String disputeId, OwnershipDisputeStatus outcome, String reason) {
        actor.requireOperator();
        OwnershipDispute open =
                disputes.lock(disputeId).orElseThrow(() -> Rejection.notFound("Ownership dispute", disputeId));
        Instant at = now();
        OwnershipDispute decided = open.decide(outcome, reason, actor.auditName(), at);
        if (decided.status() == OwnershipDisputeStatus.UPHELD) {
            correctOwner(actor, decided, at);
        }
        disputes.decide(decided);
        audit.record(
                actor.auditName(), AssetEvents.OwnershipDisputeDecided, "asset:" + decided.assetId(), payload(decided));
        return decided;
    }

    private void correctOwner(Actor actor, OwnershipDispute dispute, Instant at) {
        Asset current = assets.lock(dispute.assetId()).orElseThrow();
        Asset corrected = current.correctedTo(dispute.claimantId(), at);
        if (!assets.replaceOwners(corrected, current.version())) {
            throw Rejection.conflict(SharedCodes.CONCURRENT_UPDATE, "The asset changed meanwhile; retry");
        }
        Set<String> former = new TreeSet<>(
                current.owners().stream().map(OwnerShare::organizationId).toList());
        former.remove(dispute.claimantId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("disputeId", dispute.id());
        payload.put("formerOwners", List.copyOf(former));
        payload.put("owner", dispute.claimantId());
        payload.put("version", corrected.version());
        audit.record(actor.auditName(), AssetOwnershipCorrected.class, "asset:" + dispute.assetId(), payload);
        events.publishEvent(new AssetOwnershipCorrected(
                dispute.assetId(), dispute.id(), List.copyOf(former), dispute.claimantId(), at));
    }

    private Instant now() {
        return clock.instant();
    }

    private static Map<String, Object> payload(OwnershipDispute d) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("disputeId", d.id());
        payload.put("claimantId", d.claimantId());
        payload.put("respondents", d.respondents());
        payload.put("evidence", d.evidence());
        payload.put("status", d.status().name());
        d.reason().ifPresent(reason -> payload.put("reason", reason));
        return payload;
    }
}
