package org.techmarket.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index knows of one item. Texts may be Chinese, English or both; absent fields are {@code null} (or empty
 * lists). {@code price} is in minor units of {@code currency}.
 *
 * @param visibility {@code PUBLIC} (anyone finds it) or {@code VERIFIED_ONLY} (verified organizations only)
 */
public record SearchDocument(
        String type,
        String id,
        String title,
        String text,
        String patentNumber,
        List<String> industries,
        String province,
        String kind,
        String mechanism,
        List<String> ipc,
        Long price,
        String currency,
        String status,
        String visibility,
        String organizationId,
        Instant published) {

    /** Anyone finds the item, without a token. */
    public static final String PUBLIC = "PUBLIC";

    /** Only users of verified organizations (and operators and regulators) find the item. */
    public static final String VERIFIED_ONLY = "VERIFIED_ONLY";

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        visibility = visibility == null ? PUBLIC : visibility;
        industries = industries == null ? List.of() : List.copyOf(industries);
        ipc = ipc == null ? List.of() : List.copyOf(ipc);
    }
}
