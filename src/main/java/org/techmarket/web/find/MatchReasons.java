package org.techmarket.web.find;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchResult.Reason;

/**
 * A search hit's reason in the page's language, as {@code ${@matchReasons.say(reason)}}: the reason's kind picks the
 * message ({@code find.why.<KIND>}), its parts fill it, and an industry is named by its label. The API's answer keeps
 * its own wording. Each kind's message is split into a {@link Phrase} once per language and kept: the bundles do not
 * change while the market runs.
 */
@Component("matchReasons")
public class MatchReasons {

    /** How many parts a reason fills in: its value and, for a translation, what it became. */
    private static final int PARTS = 2;

    private final MessageSource messages;
    private final Map<Locale, Map<Reason.Kind, Optional<Phrase>>> phrases = new ConcurrentHashMap<>();

    MatchReasons(MessageSource messages) {
        this.messages = messages;
    }

    public String say(Reason reason) {
        Locale locale = LocaleContextHolder.getLocale();
        String value = reason.kind() == Reason.Kind.INDUSTRY
                ? messages.getMessage("enum.FutureIndustry." + reason.value(), null, reason.value(), locale)
                : reason.value();
        return phrases.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason.kind(), kind -> phrase(kind, locale))
                .map(phrase -> phrase.fill(value, reason.to()))
                .orElse(reason.written());
    }

    /** The kind's message in the language; none when the bundles have no words for it. */
    private Optional<Phrase> phrase(Reason.Kind kind, Locale locale) {
        return Optional.ofNullable(messages.getMessage("find.why." + kind, null, null, locale))
                .map(pattern -> Phrase.of(pattern, locale, PARTS));
    }
}
