package org.techmarket.asset.application;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetCodes;
import org.techmarket.asset.AssetDescription;
import org.techmarket.asset.AssetInput;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.AssetTitle;
import org.techmarket.asset.Assets;
import org.techmarket.asset.domain.Asset;
import org.techmarket.asset.domain.AssetRules;
import org.techmarket.asset.domain.OwnerShare;
import org.techmarket.asset.domain.RegistrationStatus;
import org.techmarket.asset.persistence.OwnershipDisputes;
import org.techmarket.asset.persistence.RegisteredAssets;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Registers technology assets and keeps them up to date. An organization registers an asset it (co-)owns;
 * only owners change it, and only from the version they last saw.
 */
@Service
public class AssetService implements Assets {

    private final RegisteredAssets assets;
    private final OwnershipDisputes ownershipDisputes;
    private final Participants participants;
    private final org.techmarket.audit.AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    AssetService(
            RegisteredAssets assets,
            OwnershipDisputes ownershipDisputes,
            Participants participants,
            org.techmarket.audit.AuditLog audit,
            IdGenerator ids,
            Clock clock) {
        this.assets = assets;
        this.ownershipDisputes = ownershipDisputes;
        this.participants = participants;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Asset register(Actor actor, AssetInput input) {
        String organization = actor.requireOrganization();
        AssetRules.Valid valid = AssetRules.validate(input);
        boolean patent = valid.details().kind().isPatent()
                || valid.details().patentNumber().isPresent();
        participants
                .requireOrganization(organization, "owners")
                .status()
                .requirePermits(patent ? MarketAction.REGISTER_PATENT : MarketAction.REGISTER_ASSET);
        for (int i = 0; i < valid.owners().size(); i++) {
            participants.requireOrganization(
                    valid.owners().get(i).organizationId(), "owners[" + i + "].organizationId");
        }
        if (valid.owners().stream().noneMatch(o -> o.organizationId().equals(organization))) {
            throw Rejection.invalid(
                    AssetCodes.REGISTRANT_NOT_OWNER, "owners", "Your organization must be one of the owners");
        }
        valid.details().patentNumber().ifPresent(number -> {
            // Two registrations of one number wait for each other here, so the second is told ASSET_EXISTS.
            assets.lockPatentNumber(number);
            requireUnregistered(number, Optional.empty());
        });
        Asset asset = Asset.registered(ids.newId(), valid.details(), valid.owners(), organization, clock.instant());
        assets.add(asset);
        audit.record(actor.auditName(), AssetEvents.AssetRegistered, "asset:" + asset.id(), payload(asset));
        return asset;
    }

    /** Replaces the asset's details if {@code expectedVersion} is still current; owners change only by assignment. */
    @Transactional
    public Asset update(Actor actor, String assetId, AssetInput input, Optional<Long> expectedVersion) {
        Asset current = assets.find(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        if (!actor.organizationId().map(current::confirmedOwner).orElse(false)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    AssetCodes.NOT_OWNER,
                    "Only the asset's owners, once they confirmed their shares, may change it");
        }
        if (current.registration() == RegistrationStatus.DECLINED) {
            throw current.refusalToTrade().orElseThrow();
        }
        participants.permitted(actor, MarketAction.UPDATE_ASSET);
        long version = expectedVersion.orElse(current.version());
        if (version != current.version()) {
            throw versionMismatch(current.version());
        }
        AssetInput withOwners = input.owners() == null ? withCurrentOwners(input, current) : input;
        AssetRules.Valid valid = AssetRules.validate(withOwners);
        if (!sameOwners(valid.owners(), current.owners())) {
            throw Rejection.invalid(
                    AssetCodes.OWNERS_CHANGE_NOT_ALLOWED,
                    "owners",
                    "Ownership changes only through a recorded assignment");
        }
        Asset.AssetDetails before = current.details();
        boolean newNumber = valid.details().patentNumber().isPresent()
                && !valid.details().patentNumber().equals(before.patentNumber());
        boolean newPatentClaim =
                newNumber || valid.details().kind().isPatent() && !before.kind().isPatent();
        if (newPatentClaim) {
            // Turning an asset into a patent, or changing its number, claims a patent as registering one does.
            participants.permitted(actor, MarketAction.REGISTER_PATENT);
        }
        valid.details().patentNumber().ifPresent(number -> {
            assets.lockPatentNumber(number);
            requireUnregistered(number, Optional.of(assetId));
        });
        Asset changed = new Asset(
                assetId,
                valid.details(),
                current.owners(),
                current.registeredBy(),
                current.createdAt(),
                clock.instant(),
                current.version() + 1,
                current.confirmedOwners(),
                current.registration());
        if (!assets.update(changed, version)) {
            throw versionMismatch(assets.find(assetId).map(Asset::version).orElse(-1L));
        }
        audit.record(actor.auditName(), AssetEvents.AssetUpdated, "asset:" + assetId, payload(changed));
        return changed;
    }

    @Transactional(readOnly = true)
    public Asset get(String assetId) {
        return assets.find(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
    }

    @Transactional(readOnly = true)
    public Page<Asset> list(RegisteredAssets.Filter filter, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return Page.of(assets.page(filter, Cursor.decode(cursor), size + 1), size, Asset::id);
    }

    /** The assets the caller's organization owns or co-owns, confirmed or still awaiting its confirmation. */
    @Transactional(readOnly = true)
    public Page<Asset> ownedBy(Actor actor, String cursor, Integer limit) {
        String owner = actor.requireOrganization();
        return list(new RegisteredAssets.Filter(Optional.of(owner), Optional.empty(), Optional.empty()), cursor, limit);
    }

    /** As {@link #ownedBy(Actor, String, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Page<Asset>> ownedBy(
            Actor actor, String cursor, Integer limit, ReadsTogether.Batch batch) {
        String owner = actor.requireOrganization();
        int size = Cursor.limit(limit);
        return assets.page(
                        new RegisteredAssets.Filter(Optional.of(owner), Optional.empty(), Optional.empty()),
                        Cursor.decode(cursor),
                        size + 1,
                        batch)
                .map(rows -> Page.of(rows, size, Asset::id));
    }

    /**
     * The assets the caller's organization may offer in a new listing, by title: every one whose registration all its
     * co-owners confirmed, up to {@value RegisteredAssets#LISTABLE_AT_MOST}, read in one statement.
     */
    @Transactional(readOnly = true)
    public List<AssetTitle> listable(Actor actor) {
        return assets.listableBy(actor.requireOrganization());
    }

    /** As {@link #listable(Actor)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<AssetTitle>> listable(Actor actor, ReadsTogether.Batch batch) {
        return assets.listableBy(actor.requireOrganization(), batch);
    }

    @Override
    @Transactional(readOnly = true)
    public Newest newest(int count) {
        return assets.newest(count);
    }

    @Override
    public ReadsTogether.Later<Newest> newest(int count, ReadsTogether.Batch batch) {
        return assets.newest(count, batch);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AssetSummary> alike(String assetId, int limit) {
        return assets.alike(assetId, limit).stream().map(Asset::summary).toList();
    }

    @Override
    @Transactional
    public String registerAsset(Actor actor, AssetInput input) {
        return register(actor, input).id();
    }

    @Override
    @Transactional
    public AssetSummary recordAssignment(
            String actor, String assetId, Set<String> assignorIds, String assigneeId, String grantId) {
        Asset current = assets.lock(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        Asset assigned = current.assignedTo(assigneeId, assignorIds, clock.instant());
        if (!assets.replaceOwners(assigned, current.version())) {
            throw versionMismatch(assets.find(assetId).map(Asset::version).orElse(-1L));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("grantId", grantId);
        payload.put("assignors", assignorIds.stream().sorted().toList());
        payload.put("assignee", assigneeId);
        payload.put("owners", owners(assigned));
        payload.put("version", assigned.version());
        audit.record(actor, AssetEvents.AssetOwnershipTransferred, "asset:" + assetId, payload);
        return assigned.summary();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AssetSummary> find(String assetId) {
        return assets.find(assetId).map(Asset::summary);
    }

    @Override
    public boolean anyOwnedBy(Collection<String> assetIds, String organizationId) {
        return !assetIds.isEmpty() && assets.anyOwnedBy(assetIds, organizationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AssetDescription> describe(String assetId) {
        return assets.find(assetId).map(AssetService::description);
    }

    @Override
    public ReadsTogether.Later<Optional<AssetDescription>> describe(String assetId, ReadsTogether.Batch batch) {
        return assets.findAll(List.of(assetId), batch)
                .map(found -> found.stream().findFirst().map(AssetService::description));
    }

    private static AssetDescription description(Asset asset) {
        var details = asset.details();
        return new AssetDescription(
                asset.summary(),
                details.abstractText(),
                details.patentNumber(),
                details.filedOn(),
                details.grantedOn(),
                details.trl());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, AssetSummary> findAll(Collection<String> assetIds) {
        return summaries(assets.findAll(assetIds));
    }

    @Override
    public ReadsTogether.Later<Map<String, AssetSummary>> findAll(
            Collection<String> assetIds, ReadsTogether.Batch batch) {
        return assets.findAll(assetIds, batch).map(AssetService::summaries);
    }

    private static Map<String, AssetSummary> summaries(List<Asset> found) {
        Map<String, AssetSummary> byId = new LinkedHashMap<>();
        found.forEach(asset -> byId.put(asset.id(), asset.summary()));
        return byId;
    }

    /**
     * Refuses an asset whose registration is not confirmed by all its co-owners, was declined, or is contested by
     * an OPEN ownership dispute. The asset's row stays share-locked until the caller's transaction ends, so a dispute
     * filed meanwhile (under the row lock) comes after what the caller does.
     */
    @Override
    @Transactional
    public void requireTradeable(String assetId) {
        tradeable(assetId);
    }

    @Override
    @Transactional
    public AssetSummary tradeable(String assetId) {
        Asset asset = assets.lockShared(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        asset.refusalToTrade().ifPresent(refusal -> {
            throw refusal;
        });
        List<String> disputes = ownershipDisputes.openOn(assetId);
        if (!disputes.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    AssetCodes.OWNERSHIP_CONTESTED,
                    "The ownership of asset " + assetId + " is contested until an operator decides",
                    List.of(),
                    Map.of("disputeIds", disputes));
        }
        return asset.summary();
    }

    @Override
    public Optional<String> patentNumber(String assetId) {
        return assets.find(assetId).flatMap(asset -> asset.details().patentNumber());
    }

    private void requireUnregistered(String patentNumber, Optional<String> except) {
        if (assets.patentNumberTaken(patentNumber, except)) {
            throw Rejection.conflict(AssetCodes.ASSET_EXISTS, "Patent " + patentNumber + " is already registered");
        }
    }

    private static Rejection versionMismatch(long current) {
        return new Rejection(
                Rejection.Kind.PRECONDITION_FAILED,
                SharedCodes.VERSION_MISMATCH,
                "The asset has changed since you read it; read it again and retry",
                List.of(),
                Map.of("currentVersion", current));
    }

    private static boolean sameOwners(List<OwnerShare> a, List<OwnerShare> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    private static AssetInput withCurrentOwners(AssetInput in, Asset current) {
        List<AssetInput.OwnerInput> owners = current.owners().stream()
                .map(o -> new AssetInput.OwnerInput(o.organizationId(), o.percent()))
                .toList();
        return new AssetInput(
                in.kind(),
                in.title(),
                in.abstractText(),
                in.language(),
                in.patentNumber(),
                in.ipc(),
                in.industries(),
                owners,
                in.legalStatus(),
                in.filedOn(),
                in.grantedOn(),
                in.expiresOn(),
                in.trl());
    }

    private static Map<String, Object> payload(Asset asset) {
        Asset.AssetDetails d = asset.details();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", d.kind().name());
        payload.put("title", d.title());
        payload.put("patentNumber", d.patentNumber().orElse(""));
        payload.put("ipc", d.ipc());
        payload.put("industries", d.industries());
        payload.put("legalStatus", d.legalStatus().name());
        payload.put("owners", owners(asset));
        payload.put("registration", asset.registration().name());
        payload.put("pendingOwners", asset.pendingOwners());
        payload.put("version", asset.version());
        return payload;
    }

    private static List<Map<String, String>> owners(Asset asset) {
        return asset.owners().stream()
                .map(o -> Map.of("organizationId", o.organizationId(), "share", o.percent()))
                .toList();
    }
}
