package org.techmarket.statistics.application;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.statistics.domain.Counting;

/** What a sale is counted by that its assets tell: the industry and kind of its first asset. */
@Component
class Subjects {

    private final Assets assets;

    Subjects(Assets assets) {
        this.assets = assets;
    }

    /** A sale's industry and asset kind; {@code OTHER} and {@code UNKNOWN} when it has no asset the registry knows. */
    record Subject(String industry, String assetKind) {}

    Subject of(List<String> assetIds) {
        Optional<AssetSummary> first = assetIds.isEmpty() ? Optional.empty() : assets.find(assetIds.get(0));
        return first.map(a -> new Subject(
                        Counting.industryOf(a.industries()), a.kind().name()))
                .orElse(new Subject(Counting.OTHER_INDUSTRY, Counting.UNKNOWN));
    }
}
