package org.techmarket.rights.application;

import java.util.LinkedHashMap;
import java.util.Map;
import org.techmarket.rights.domain.OpenLicenceTerms;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.shared.Money;

/** Declared open-licence terms as plain maps, for the audit log. */
final class OpenLicenceTermsText {

    private OpenLicenceTermsText() {}

    static Map<String, Object> of(OpenLicenceTerms terms) {
        Map<String, Object> text = new LinkedHashMap<>();
        Royalty royalty = terms.royalty();
        if (royalty instanceof Royalty.LumpSum lump) {
            text.put("royalty", Map.of("type", "LUMP_SUM", "amount", money(lump.amount())));
        } else if (royalty instanceof Royalty.PercentOfRevenue share) {
            text.put(
                    "royalty",
                    Map.of(
                            "type",
                            "PERCENT_OF_REVENUE",
                            "percent",
                            share.percent(),
                            "minimumPerYear",
                            money(share.minimumPerYear())));
        }
        text.put("termMonths", terms.period().months().orElse(null));
        text.put("termDays", terms.period().days().orElse(null));
        terms.restriction()
                .ifPresent(r -> text.put(
                        "scope",
                        Map.of(
                                "fields",
                                        r.fields().stream()
                                                .map(Object::toString)
                                                .sorted()
                                                .toList(),
                                "territories",
                                        r.territories().stream()
                                                .map(Object::toString)
                                                .sorted()
                                                .toList())));
        return text;
    }

    private static Map<String, String> money(Money amount) {
        return Map.of("amount", amount.decimal(), "currency", amount.currency());
    }
}
