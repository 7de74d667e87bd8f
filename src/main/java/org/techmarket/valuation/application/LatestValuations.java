package org.techmarket.valuation.application;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.valuation.AssetValuations;
import org.techmarket.valuation.persistence.Valuations;

/** The latest valuation of an asset, for the modules that cite one. */
@Service
class LatestValuations implements AssetValuations {

    private final Valuations valuations;

    LatestValuations(Valuations valuations) {
        this.valuations = valuations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Latest> latest(String assetId) {
        return valuations.latestOf(assetId);
    }
}
