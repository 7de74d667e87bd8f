package org.techmarket.observatory.domain;

import java.util.List;

/** A country's GVC indices as a whole and for each of its industries, in the table's industry order. */
public record CountryGvc(String country, GvcIndices whole, List<IndustryGvc> industries) {

    public CountryGvc {
        industries = List.copyOf(industries);
    }

    /** One industry's indices within its country. */
    public record IndustryGvc(String industry, GvcIndices indices) {}
}
