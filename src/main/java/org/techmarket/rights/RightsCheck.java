package org.techmarket.rights;

import java.util.List;

/** The answer to "may this be granted?": grantable exactly when no conflict is listed. */
public record RightsCheck(boolean grantable, List<RightsConflict> conflicts) {

    public RightsCheck {
        conflicts = List.copyOf(conflicts);
    }
}
