package org.techmarket.participant.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.techmarket.participant.MandateCodes;
import org.techmarket.shared.Rejection;

/**
 * What a mandate covers: all the client's business, or the named assets, or the named needs. A mandate for needs
 * covers no asset and one for assets no need.
 */
public record MandateScope(Kind kind, Set<String> ids) {

    static final int MAX_IDS = 200;

    /** How the scope is given. */
    public enum Kind {
        ALL,
        ASSETS,
        NEEDS
    }

    public MandateScope {
        if (kind == null) {
            throw Rejection.invalid(MandateCodes.INVALID_MANDATE_SCOPE, "scope", "give assetIds, needIds or ALL");
        }
        ids = Set.copyOf(new TreeSet<>(ids == null ? Set.of() : ids));
        if ((kind == Kind.ALL) != ids.isEmpty() || ids.size() > MAX_IDS) {
            throw Rejection.invalid(
                    MandateCodes.INVALID_MANDATE_SCOPE,
                    "scope",
                    "ALL names no ids; assetIds or needIds name 1 to " + MAX_IDS);
        }
    }

    public static MandateScope all() {
        return new MandateScope(Kind.ALL, Set.of());
    }

    /** Whether the scope covers every one of these assets. */
    public boolean coversAssets(Collection<String> assetIds) {
        return kind == Kind.ALL || (kind == Kind.ASSETS && ids.containsAll(assetIds));
    }

    /** Whether the scope covers this need. */
    public boolean coversNeed(String needId) {
        return kind == Kind.ALL || (kind == Kind.NEEDS && ids.contains(needId));
    }

    /** Whether the scope covers needs not yet drafted: only a mandate for all the client's business does. */
    public boolean coversNewNeeds() {
        return kind == Kind.ALL;
    }

    /** The ids in a stable order, as stored. */
    public List<String> sortedIds() {
        return List.copyOf(new TreeSet<>(ids));
    }
}
