package org.techmarket.web.find;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchResult.Reason;

/**
 * A search hit's reason in the page's language, as {@code ${@matchReasons.say(reason)}}: the reason's kind picks the
 * message ({@code find.why.<KIND>}), its parts fill it, and an industry is named by its label. The API's answer keeps
 * its own wording.
 */
@Component("matchReasons")
public class MatchReasons {

    private final MessageSource messages;

    MatchReasons(MessageSource messages) {
        this.messages = messages;
    }

    public String say(Reason reason) {
        String value = reason.kind() == Reason.Kind.INDUSTRY
                ? messages.getMessage(
                        "enum.FutureIndustry." + reason.value(), null, reason.value(), LocaleContextHolder.getLocale())
                : reason.value();
        return messages.getMessage(
                "find.why." + reason.kind(),
                new Object[] {value, reason.to()},
                reason.written(),
                LocaleContextHolder.getLocale());
    }
}
