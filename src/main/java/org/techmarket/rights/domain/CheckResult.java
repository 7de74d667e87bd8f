package org.techmarket.rights.domain;

import java.util.List;

/** The answer to "may this be granted?": grantable exactly when there is no conflict, with every conflict listed. */
public record CheckResult(boolean grantable, List<Conflict> conflicts) {

    public CheckResult {
        conflicts = List.copyOf(conflicts);
        if (grantable != conflicts.isEmpty()) {
            throw new IllegalArgumentException("grantable must be true exactly when there are no conflicts");
        }
    }

    /** The result for a list of conflicts found; grantable when it is empty. */
    public static CheckResult of(List<Conflict> conflicts) {
        return new CheckResult(conflicts.isEmpty(), conflicts);
    }
}
