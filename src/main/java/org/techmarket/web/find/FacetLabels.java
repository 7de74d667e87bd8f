package org.techmarket.web.find;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.web.base.Provinces;

/**
 * A facet value in the page's language. The index's facets mix vocabularies (an asset's kind, a listing's offer or an
 * organization's type are all a {@code kind}), so each facet's value is looked up among the enum labels it may come
 * from, then as a province's name in the page's language, then shown as it is.
 */
@Component("facetLabels")
public class FacetLabels {

    private static final Map<String, List<String>> ENUMS = Map.of(
            "industry", List.of("FutureIndustry"),
            "kind", List.of("AssetKind", "GrantKind", "OrganizationType", "NeedKind"),
            "mechanism", List.of("MechanismType"),
            "status", List.of("LegalStatus", "ListingStatus", "OrganizationStatus", "NeedStatus"));

    private final MessageSource messages;
    private final Provinces provinces;

    FacetLabels(MessageSource messages, Provinces provinces) {
        this.messages = messages;
        this.provinces = provinces;
    }

    public String label(String facet, String value) {
        if ("types".equals(facet)) {
            return messages.getMessage("find.type." + value, null, value, LocaleContextHolder.getLocale());
        }
        if ("province".equals(facet)) {
            return provinces.name(value);
        }
        for (String simpleName : ENUMS.getOrDefault(facet, List.of())) {
            String label = messages.getMessage(
                    "enum." + simpleName + "." + value, null, null, LocaleContextHolder.getLocale());
            if (label != null) {
                return label;
            }
        }
        return value;
    }
}
