package org.techmarket.search.meaning;

import java.time.Duration;

/**
 * What a search takes from configuration: how long a query waits for its vector before words alone answer it, and the
 * mode used when a request names none.
 */
public record MeaningSettings(Duration queryVectorWait, SearchMode defaultMode) {}
