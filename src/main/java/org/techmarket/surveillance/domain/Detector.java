package org.techmarket.surveillance.domain;

import java.util.List;

/** One documented rule over the market's facts: what it finds, each with a score and its evidence. */
public interface Detector {

    List<Finding> detect(MarketFacts facts);
}
