package org.techmarket.rights.application;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.persistence.OpenLicences;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Page;

/**
 * The public catalogue of standing open licences, oldest declaration first, optionally for one future
 * industry (as the asset was tagged when declared). Each entry comes with the asset as the registry knows
 * it now.
 */
@Service
public class Catalogue {

    private final OpenLicences openLicences;
    private final Assets assets;

    Catalogue(OpenLicences openLicences, Assets assets) {
        this.openLicences = openLicences;
        this.assets = assets;
    }

    /** One catalogue entry: the declaration and, when the registry still has it, its asset. */
    public record Entry(OpenLicenceDeclaration declaration, Optional<AssetSummary> asset) {}

    @Transactional(readOnly = true)
    public Page<Entry> list(Optional<String> industry, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Page<OpenLicenceDeclaration> page = Page.of(
                openLicences.catalogue(industry, Cursor.decode(cursor), size + 1), size, OpenLicenceDeclaration::id);
        Map<String, AssetSummary> found = assets.findAll(
                page.items().stream().map(OpenLicenceDeclaration::assetId).toList());
        return page.map(d -> new Entry(d, Optional.ofNullable(found.get(d.assetId()))));
    }
}
