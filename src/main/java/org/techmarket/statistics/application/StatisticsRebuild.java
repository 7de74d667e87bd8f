package org.techmarket.statistics.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.statistics.persistence.Cubes;

/**
 * Fills the read models from the raw tables when a node is ready and they are still empty: the first start after
 * the statistics were added, or after they were emptied to be rebuilt. Nodes starting together rebuild once.
 */
@Component
class StatisticsRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRebuild.class);

    private final Cubes cubes;

    StatisticsRebuild(Cubes cubes) {
        this.cubes = cubes;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void rebuildIfEmpty() {
        if (cubes.rebuildIfEmpty()) {
            LOG.info("Statistics rebuilt from the market's tables");
        }
    }
}
