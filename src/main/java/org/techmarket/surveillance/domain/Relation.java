package org.techmarket.surveillance.domain;

/**
 * One reason two organizations are related, with what shows it (an asset id, a masked address, …). Unordered: the
 * constructor puts the smaller id first, so the same relation read twice is equal.
 */
public record Relation(String first, String second, RelationKind kind, String shownBy) {

    public Relation {
        if (first.equals(second)) {
            throw new IllegalArgumentException("an organization is not related to itself");
        }
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
    }
}
