package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.web.base.Provinces;

/**
 * A facet value in the page's language. The index's facets mix vocabularies (an asset's kind, a listing's offer or an
 * organization's type are all a {@code kind}), so each facet's value is looked up among the enum labels it may come
 * from, then as a province's name in the page's language, then shown as it is. A label found among the messages is
 * kept by language, facet and value: the bundles do not change while the market runs, and a value the messages do not
 * name (which the index may hold in any number) is looked up again rather than kept.
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
    private final Map<Locale, Map<String, String>> found = new ConcurrentHashMap<>();

    FacetLabels(MessageSource messages, Provinces provinces) {
        this.messages = messages;
        this.provinces = provinces;
    }

    public String label(String facet, String value) {
        if ("province".equals(facet)) {
            return provinces.name(value);
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = found.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        String key = facet + ':' + value;
        String known = labels.get(key);
        if (known != null) {
            return known;
        }
        String label = lookUp(facet, value, locale);
        if (label != null) {
            labels.put(key, label);
            return label;
        }
        return value;
    }

    private String lookUp(String facet, String value, Locale locale) {
        if ("types".equals(facet)) {
            return messages.getMessage("find.type." + value, null, null, locale);
        }
        for (String simpleName : ENUMS.getOrDefault(facet, List.of())) {
            String label = messages.getMessage("enum." + simpleName + "." + value, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return null;
    }
}
