package org.techmarket.rights;

import java.util.Optional;

/**
 * One reason a grant cannot be made: a clash with an existing grant (named by id and type) or a problem with
 * the asset or the request (both empty). {@code reason} is a stable code such as {@code EXCLUSIVE_OVERLAP}.
 */
public record RightsConflict(Optional<String> grantId, Optional<GrantKind> type, String reason, String message) {}
