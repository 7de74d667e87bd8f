package org.techmarket.search.domain;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationType;

/**
 * The facet values the market names, so that a filter on a value no item has yet is not refused: assets' kinds and
 * legal statuses, organizations' types and statuses, and listings' offer kinds, mechanisms and statuses (named here as
 * the listing module stores them, which {@code VocabularyTest} checks against its enums). Values other modules' items
 * bring (needs, challenges) are known once the index holds one.
 */
final class Vocabulary {

    static final Set<String> LISTING_OFFER_KINDS = Set.of(
            "ASSIGNMENT", "EXCLUSIVE_LICENCE", "SOLE_LICENCE", "NON_EXCLUSIVE_LICENCE", "OPEN_LICENCE", "PLEDGE");
    static final Set<String> MECHANISMS =
            Set.of("ENGLISH", "SEALED_FIRST_PRICE", "SEALED_SECOND_PRICE", "DUTCH", "FIXED_PRICE", "NEGOTIATION");
    static final Set<String> LISTING_STATUSES =
            Set.of("PUBLISHED", "OPEN", "CLOSED", "AWARDED", "UNSOLD", "WITHDRAWN", "CANCELLED");

    static final Set<String> KINDS =
            union(names(AssetKind.values()), names(OrganizationType.values()), LISTING_OFFER_KINDS);
    static final Set<String> STATUSES =
            union(names(LegalStatus.values()), names(OrganizationStatus.values()), LISTING_STATUSES);

    private Vocabulary() {}

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
