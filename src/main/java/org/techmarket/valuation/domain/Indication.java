package org.techmarket.valuation.domain;

import java.util.Optional;

/** What one approach concluded: a value in fen, or none, with the reason either way. */
public record Indication(Approach approach, Optional<Long> valueFen, String reason) {}
