package org.techmarket.asset.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.domain.Asset;
import org.techmarket.asset.persistence.RegisteredAssets;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.shared.SharedCodes;

/**
 * A co-owner named at registration confirms its share, or declines it, through its organization's admin. The last
 * confirmation makes the registration CONFIRMED; a declination makes it void (DECLINED), freeing its patent number
 * for a registration with the right owners. Each step runs under the asset's row lock and is audited.
 */
@Service
public class CoOwnership {

    private final RegisteredAssets assets;
    private final AuditLog audit;
    private final Clock clock;
    private final Participants participants;

    CoOwnership(RegisteredAssets assets, Participants participants, AuditLog audit, Clock clock) {
        this.assets = assets;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Asset confirm(Actor actor, String assetId) {
        String organization = requireAdmin(actor);
        Asset current = assets.lock(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        Asset confirmed = current.confirmedBy(organization, clock.instant());
        store(actor, confirmed, current.version(), AssetEvents.CoOwnershipConfirmed, organization);
        return confirmed;
    }

    @Transactional
    public Asset decline(Actor actor, String assetId) {
        String organization = requireAdmin(actor);
        Asset current = assets.lock(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        Asset declined = current.declinedBy(organization, clock.instant());
        store(actor, declined, current.version(), AssetEvents.CoOwnershipDeclined, organization);
        return declined;
    }

    private void store(Actor actor, Asset changed, long expectedVersion, AssetEvents event, String organization) {
        // The row lock is held, so the version cannot have moved; the check keeps the store honest all the same.
        if (!assets.storeRegistration(changed, expectedVersion)) {
            throw Rejection.conflict(SharedCodes.CONCURRENT_UPDATE, "The asset changed meanwhile; retry");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", organization);
        payload.put("registration", changed.registration().name());
        payload.put("pendingOwners", changed.pendingOwners());
        payload.put("version", changed.version());
        audit.record(actor.auditName(), event, "asset:" + changed.id(), payload);
    }

    private String requireAdmin(Actor actor) {
        String organization = actor.requireOrganization();
        if (actor.role() != Role.ORG_ADMIN) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    SharedCodes.FORBIDDEN,
                    "Only an admin of the named organization confirms or declines its share");
        }
        participants.permitted(actor, MarketAction.ANSWER_CO_OWNERSHIP);
        return organization;
    }
}
