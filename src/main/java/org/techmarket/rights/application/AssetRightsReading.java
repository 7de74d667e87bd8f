package org.techmarket.rights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.techmarket.asset.AssetSummary;
import org.techmarket.rights.AssetRights;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.RightsCheck;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;

/**
 * The asset's rights for its page, over the use cases the HTTP API uses, read in the page's two batches: its standing
 * declaration beside the asset, then the grants the reader may see and those a check of each kind weighs.
 */
@Service
class AssetRightsReading implements AssetRights {

    private final GrantReading reading;
    private final OpenLicenceTaking taking;
    private final Granting granting;
    private final OpenLicences openLicences;
    private final RightsBook book;
    private final Clock clock;

    AssetRightsReading(
            GrantReading reading,
            OpenLicenceTaking taking,
            Granting granting,
            OpenLicences openLicences,
            RightsBook book,
            Clock clock) {
        this.reading = reading;
        this.taking = taking;
        this.granting = granting;
        this.openLicences = openLicences;
        this.book = book;
        this.clock = clock;
    }

    @Override
    public GlanceReads glance(String assetId, ReadsTogether.Batch batch) {
        ReadsTogether.Later<Optional<OpenLicenceDeclaration>> standing = openLicences.standing(assetId, batch);
        return (reader, asset, limit, kinds, over, second) -> {
            Optional<OpenLicenceDeclaration> declared = standing.get();
            LocalDate today = LocalDate.now(clock);
            Set<String> owners = book.owners(asset);
            Optional<OpenOffer> offer = declared.filter(declaration -> owners.contains(declaration.declaredBy()))
                    .map(declaration -> offer(declaration, asset, today));
            ReadsTogether.Later<List<GrantSummary>> grants = mayReadGrants(reader)
                    ? reading.first(reader, asset, limit, second)
                            .map(page ->
                                    page.items().stream().map(Registry::summary).toList())
                    : ReadsTogether.Later.of(List.of());
            ReadsTogether.Later<Map<GrantKind, CheckResult>> checks = over.map(
                            scope -> granting.checkOffers(asset, declared, kinds, scope, second))
                    .orElseGet(() -> ReadsTogether.Later.of(Map.of()));
            return grants.map(seen -> new Glance(seen, offer, rightsChecks(checks.get())));
        };
    }

    /** Whether the reader may see any of an asset's grants: nobody signed in, or of no organization, sees none. */
    private static boolean mayReadGrants(Actor reader) {
        return reader != null && (reader.organizationId().isPresent() || reader.seesWholeMarket());
    }

    private static Map<GrantKind, RightsCheck> rightsChecks(Map<GrantKind, CheckResult> results) {
        Map<GrantKind, RightsCheck> checks = new LinkedHashMap<>();
        results.forEach((kind, result) -> checks.put(kind, Conflicts.toCheck(result)));
        return checks;
    }

    @Override
    public GrantSummary takeOpenLicence(Actor taker, String assetId) {
        return Registry.summary(taking.take(taker, assetId));
    }

    private static OpenOffer offer(OpenLicenceDeclaration declaration, AssetSummary asset, LocalDate today) {
        Royalty royalty = declaration.terms().royalty();
        Optional<Royalty.LumpSum> lump = royalty instanceof Royalty.LumpSum l ? Optional.of(l) : Optional.empty();
        Optional<Royalty.PercentOfRevenue> share =
                royalty instanceof Royalty.PercentOfRevenue p ? Optional.of(p) : Optional.empty();
        return new OpenOffer(
                declaration.id(),
                lump.map(Royalty.LumpSum::amount),
                share.map(Royalty.PercentOfRevenue::percent),
                share.map(Royalty.PercentOfRevenue::minimumPerYear),
                declaration.terms().scopeFrom(today, AssetFacts.protectionEnds(asset)),
                declaration.declaredAt());
    }
}
