package org.techmarket.web.work;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Role;
import org.techmarket.web.base.Fmt;

/**
 * The fixed choices of the workspace's forms (asset kinds, legal statuses, future industries, sale mechanisms, user
 * roles) as values and words of the page's language, written once per language: they are the same on every visit.
 */
@Component
public class FormChoices {

    /** One option: the value the form sends and the words it shows. */
    public record Choice(String value, String label) {}

    /** Every list of options the workspace's forms offer. */
    public record Lists(
            List<Choice> kinds,
            List<Choice> legalStatuses,
            List<Choice> industries,
            List<Choice> mechanisms,
            List<Choice> roles) {}

    private static final List<String> LANGUAGES = List.of("zh", "en");

    private final Fmt fmt;
    private final Map<String, Lists> byLanguage = new ConcurrentHashMap<>();

    FormChoices(Fmt fmt) {
        this.fmt = fmt;
    }

    /** The lists in the page's language; a language the market does not speak is written afresh each time. */
    Lists forPage() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return LANGUAGES.contains(language) ? byLanguage.computeIfAbsent(language, l -> written()) : written();
    }

    private Lists written() {
        return new Lists(
                of(AssetKind.values()),
                of(LegalStatus.values()),
                of(FutureIndustry.values()),
                of(MechanismType.values()),
                of(Role.MEMBER, Role.ORG_ADMIN));
    }

    private List<Choice> of(Enum<?>... constants) {
        return Arrays.stream(constants)
                .map(c -> new Choice(c.name(), fmt.label(c)))
                .toList();
    }
}
