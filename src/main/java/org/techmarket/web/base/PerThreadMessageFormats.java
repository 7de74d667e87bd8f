package org.techmarket.web.base;

import java.text.MessageFormat;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The market's message bundles, each message with arguments formatted by a {@link MessageFormat} of the calling
 * thread's own. Spring's message source keeps one format per message and language and formats under its lock, so
 * every page thread that showed the same message with arguments at the same moment (an error's title, a count, a
 * date) waited for the others: on the pages' benchmark, dozens of waits of 10 ms and more a minute. A thread's copy is
 * made from the shared format the first time it asks, so it follows the same pattern and language.
 *
 * <p>A message without arguments that was found is remembered by language and code (ADR 0103): looking it up walked
 * the twelve bundles in turn on every use, a few dozen times on every page. Only messages found in a language the
 * market speaks are kept, so the map holds at most the bundles' own keys, whatever codes pages ask for; while the
 * bundles are reloaded on a schedule ({@code spring.messages.cache-duration}), nothing is kept.
 */
final class PerThreadMessageFormats extends ResourceBundleMessageSource {

    /** Each thread's copies, by the shared format they were made from (a format's equality is its pattern's). */
    private final ThreadLocal<Map<MessageFormat, MessageFormat>> copies = ThreadLocal.withInitial(IdentityHashMap::new);

    /** The messages without arguments found so far, by language and code. */
    private final Map<Locale, Map<String, String>> found = new ConcurrentHashMap<>();

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        MessageFormat shared = super.resolveCode(code, locale);
        return shared == null ? null : copies.get().computeIfAbsent(shared, format -> (MessageFormat) format.clone());
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        if (getCacheMillis() >= 0 || !MarketLocales.SUPPORTED.contains(locale)) {
            return super.resolveCodeWithoutArguments(code, locale);
        }
        Map<String, String> language = found.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        String message = language.get(code);
        if (message == null) {
            message = super.resolveCodeWithoutArguments(code, locale);
            if (message != null) {
                language.put(code, message);
            }
        }
        return message;
    }

    /** How many messages without arguments are kept for {@code locale}. */
    int kept(Locale locale) {
        return found.getOrDefault(locale, Map.of()).size();
    }
}
