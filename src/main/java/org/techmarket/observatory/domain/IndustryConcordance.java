package org.techmarket.observatory.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.techmarket.reference.FutureIndustry;

/**
 * Which WIOD industries each future industry belongs to: a future industry is a slice of one or more of them (AI
 * of computers and of software services), so its GVC position is read from theirs, weighted by their exports.
 * {@link FutureIndustry#OTHER} belongs to none. Every future industry has a line, and every code is a WIOD industry.
 */
public final class IndustryConcordance {

    private final Map<FutureIndustry, List<WiodIndustry>> industries;

    public IndustryConcordance(Map<FutureIndustry, List<String>> codes, List<WiodIndustry> wiod) {
        Map<String, WiodIndustry> byCode =
                wiod.stream().collect(Collectors.toMap(WiodIndustry::code, industry -> industry));
        Set<FutureIndustry> missing = java.util.EnumSet.allOf(FutureIndustry.class);
        missing.removeAll(codes.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no WIOD industries given for " + missing);
        }
        this.industries = new EnumMap<>(FutureIndustry.class);
        codes.forEach((future, theirs) -> this.industries.put(
                future,
                theirs.stream()
                        .map(code -> {
                            WiodIndustry industry = byCode.get(code);
                            if (industry == null) {
                                throw new IllegalArgumentException(future + " names " + code + ", no WIOD industry");
                            }
                            return industry;
                        })
                        .toList()));
    }

    /** The WIOD industries {@code industry} belongs to, in the order written; empty for OTHER. */
    public List<WiodIndustry> wiodIndustries(FutureIndustry industry) {
        return industries.get(industry);
    }
}
