package org.techmarket.rights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.rights.AssetRights;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Actor;

/** The asset's rights for its page, over the use cases the HTTP API uses. */
@Service
class AssetRightsReading implements AssetRights {

    private final GrantReading reading;
    private final OpenLicenceTaking taking;
    private final OpenLicences openLicences;
    private final RightsBook book;
    private final Clock clock;

    AssetRightsReading(
            GrantReading reading, OpenLicenceTaking taking, OpenLicences openLicences, RightsBook book, Clock clock) {
        this.reading = reading;
        this.taking = taking;
        this.openLicences = openLicences;
        this.book = book;
        this.clock = clock;
    }

    @Override
    public List<GrantSummary> grants(Actor reader, String assetId, int limit) {
        if (reader == null || (reader.organizationId().isEmpty() && !reader.seesWholeMarket())) {
            return List.of();
        }
        return reading.list(reader, assetId, null, limit).items().stream()
                .map(Registry::summary)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OpenOffer> openLicence(AssetSummary asset) {
        Set<String> owners = book.owners(asset);
        LocalDate today = LocalDate.now(clock);
        return openLicences
                .standing(asset.id())
                .filter(standing -> owners.contains(standing.declaredBy()))
                .map(declaration -> offer(declaration, asset, today));
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
