package org.techmarket.rights.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.techmarket.asset.AssetSummary;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.RightsCheck;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.RegisteredGrant;

/** The rights registry as other modules call it, over the same use cases the HTTP API uses. */
@Service
class Registry implements RightsRegistry {

    private final Granting granting;
    private final GrantReading reading;
    private final Termination termination;

    Registry(Granting granting, GrantReading reading, Termination termination) {
        this.granting = granting;
        this.reading = reading;
        this.termination = termination;
    }

    @Override
    public void endGrant(String actor, String grantId, String reason, java.time.LocalDate effectiveOn) {
        termination.endForDeal(actor, grantId, reason, effectiveOn);
    }

    @Override
    public RightsCheck check(String assetId, Set<String> grantorIds, GrantTerms terms) {
        return Conflicts.toCheck(granting.check(assetId, grantorIds, terms));
    }

    @Override
    public RightsCheck checkOffer(String assetId, Set<String> grantorIds, GrantKind kind, GrantScope scope) {
        return Conflicts.toCheck(granting.checkOffer(assetId, grantorIds, kind, scope));
    }

    @Override
    public Map<GrantKind, RightsCheck> checkOffers(AssetSummary asset, List<GrantKind> kinds, GrantScope scope) {
        Map<GrantKind, RightsCheck> checks = new LinkedHashMap<>();
        granting.checkOffers(asset, kinds, scope)
                .forEach((kind, result) -> checks.put(kind, Conflicts.toCheck(result)));
        return checks;
    }

    @Override
    public GrantSummary record(String causeId, String assetId, Set<String> grantorIds, GrantTerms terms) {
        return summary(granting.recordForCause(causeId, assetId, grantorIds, terms));
    }

    @Override
    public GrantSummary recordByOwners(
            String causeId, String assetId, GrantKind kind, Function<AssetSummary, GrantTerms> terms) {
        return summary(granting.recordByOwners(causeId, assetId, kind, terms));
    }

    @Override
    public GrantSummary registerPledge(
            String causeId, String assetId, String pledgeeId, LocalDate until, Instant collateralAsOf) {
        return summary(granting.pledge(causeId, assetId, pledgeeId, until, collateralAsOf));
    }

    @Override
    public void releasePledge(String actor, String grantId, String reason) {
        termination.releasePledge(actor, grantId, reason);
    }

    @Override
    public Optional<GrantSummary> find(String grantId) {
        return reading.find(grantId).map(Registry::summary);
    }

    @Override
    public Set<String> owners(String assetId) {
        return reading.owners(assetId);
    }

    static GrantSummary summary(RegisteredGrant entry) {
        Grant g = entry.grant();
        return new GrantSummary(
                g.id(),
                entry.assetId(),
                GrantKind.valueOf(g.type().name()),
                g.grantors(),
                g.grantee(),
                g.scope(),
                g.sublicensable(),
                g.pledgeeConsent(),
                g.status().name(),
                g.terminatedFrom(),
                entry.terminationReason(),
                g.parentGrantId(),
                entry.openLicenceId(),
                entry.amountDue(),
                entry.causeId(),
                entry.createdAt(),
                entry.version());
    }
}
