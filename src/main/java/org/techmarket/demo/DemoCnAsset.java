package org.techmarket.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An invented Chinese-language technology asset that the market seeds on first start.
 *
 * <p>{@code kind}, {@code ownerKey} and {@code industries} hold names from the asset and participant
 * vocabularies (e.g. "INVENTION_PATENT", "university", "QUANTUM_INFORMATION"), kept as names so that demo
 * data depends on no module. Only patents carry a number and an expiry date; only a granted asset carries
 * a grant date. For assets that are not patents, {@code filedOn} is the day the asset was registered or
 * recorded and {@code grantedOn} the day its registration certificate was issued (the same day when
 * nothing is examined, as for know-how, compute or services).
 */
public record DemoCnAsset(
        String kind,
        String ownerKey,
        String title,
        String abstractText,
        Optional<String> patentNumber,
        List<String> ipc,
        List<String> industries,
        LegalStatus legalStatus,
        LocalDate filedOn,
        Optional<LocalDate> grantedOn,
        Optional<LocalDate> expiresOn,
        int technologyReadinessLevel) {

    /** Whether the right exists yet or is still being examined. */
    public enum LegalStatus {
        GRANTED,
        PENDING
    }

    private static final Set<String> PATENT_KINDS = Set.of("INVENTION_PATENT", "UTILITY_MODEL");

    public DemoCnAsset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ownerKey, "ownerKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(abstractText, "abstractText");
        ipc = List.copyOf(ipc);
        industries = List.copyOf(industries);
        Objects.requireNonNull(legalStatus, "legalStatus");
        Objects.requireNonNull(filedOn, "filedOn");
        boolean patent = PATENT_KINDS.contains(kind);
        if (patentNumber.isPresent() != patent || expiresOn.isPresent() != patent) {
            throw new IllegalArgumentException("patent number and expiry belong to patents only: " + title);
        }
        if (grantedOn.isPresent() != (legalStatus == LegalStatus.GRANTED)) {
            throw new IllegalArgumentException("a grant date belongs to granted assets only: " + title);
        }
        if (technologyReadinessLevel < 1 || technologyReadinessLevel > 9) {
            throw new IllegalArgumentException("technology readiness runs from 1 to 9: " + title);
        }
    }

    /** Whether this asset is a Chinese invention patent or utility model. */
    public boolean isPatent() {
        return PATENT_KINDS.contains(kind);
    }
}
