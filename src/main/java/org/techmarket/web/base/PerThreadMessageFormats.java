package org.techmarket.web.base;

import java.text.MessageFormat;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The market's message bundles, each message with arguments formatted by a {@link MessageFormat} of the calling
 * thread's own. Spring's message source keeps one format per message and language and formats under its lock, so
 * every page thread that showed the same message with arguments at the same moment (an error's title, a count, a
 * date) waited for the others: on the pages' benchmark, dozens of waits of 10 ms and more a minute. A thread's copy is
 * made from the shared format the first time it asks, so it follows the same pattern and language.
 */
final class PerThreadMessageFormats extends ResourceBundleMessageSource {

    /** Each thread's copies, by the shared format they were made from (a format's equality is its pattern's). */
    private final ThreadLocal<Map<MessageFormat, MessageFormat>> copies = ThreadLocal.withInitial(IdentityHashMap::new);

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        MessageFormat shared = super.resolveCode(code, locale);
        return shared == null ? null : copies.get().computeIfAbsent(shared, format -> (MessageFormat) format.clone());
    }
}
