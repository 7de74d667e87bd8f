package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.rights.GrantKind;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.MarketLocales;
import org.techmarket.web.base.Provinces;

/**
 * The asset page's scope picker's options as HTML: the kinds of grant and the 34 provinces, named in the page's
 * language and escaped as the template escapes them ({@link Html}). Their words depend only on the language (messages
 * and reference data are part of the build), so each option is written once per language the market speaks; a visit
 * only marks the option the reader chose as selected (ADR 0085).
 */
@Component
class PickerOptions {

    /** The options of the kind's and of the territory's select, the reader's choices selected. */
    record Options(String kinds, String provinces) {}

    /** An option as written unselected and selected. */
    private record Option(String value, String plain, String selected) {}

    /** The options of one language: the kinds, then the provinces. */
    private record Written(List<Option> kinds, List<Option> provinces) {}

    /** The languages the market speaks, whose options are kept; any other is written afresh on each visit. */
    private static final List<Locale> SPOKEN = List.of(MarketLocales.CHINESE, MarketLocales.ENGLISH);

    private final Fmt fmt;
    private final Provinces provinces;
    private final Map<String, Written> byLanguage = new ConcurrentHashMap<>();

    PickerOptions(Fmt fmt, Provinces provinces) {
        this.fmt = fmt;
        this.provinces = provinces;
    }

    /** The options with {@code kind} and {@code territory}, as the reader sent them, selected. */
    Options of(String kind, String territory) {
        Locale locale = LocaleContextHolder.getLocale();
        Written written = SPOKEN.contains(locale)
                ? byLanguage.computeIfAbsent(locale.getLanguage(), language -> write())
                : write();
        return new Options(
                join(written.kinds(), kind, "\n          "), join(written.provinces(), territory, "\n        "));
    }

    private Written write() {
        List<Option> kinds = ScopeQuestion.KINDS.stream()
                .map((GrantKind k) -> option(k.name(), fmt.label(k)))
                .toList();
        List<Option> choices =
                provinces.all().stream().map(p -> option(p.code(), p.name())).toList();
        return new Written(kinds, choices);
    }

    private static Option option(String value, String words) {
        String head = new Html(64).raw("<option value=\"").text(value).toString();
        String tail = new Html(64).raw(">").text(words).raw("</option>").toString();
        return new Option(value, head + "\"" + tail, head + "\" selected=\"selected\"" + tail);
    }

    private static String join(List<Option> options, String chosen, String indent) {
        StringBuilder html = new StringBuilder(options.size() * 48);
        for (Option option : options) {
            html.append(indent).append(option.value().equals(chosen) ? option.selected() : option.plain());
        }
        return html.toString();
    }
}
