package org.techmarket.web.base;

import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>A thread's copy formats its plain arguments ({@code {0}}, without a type) as {@link MessageFormat} does, a number
 * with the language's number format and a date with its short date and time, but with formats it made once: the JDK's
 * makes a new number format for every number it writes, which was 2 % of the workspace's time for its one count.
 */
final class PerThreadMessageFormats extends ResourceBundleMessageSource {

    /** Each thread's copies, by the shared format they were made from (a format's equality is its pattern's). */
    private final ThreadLocal<Map<MessageFormat, MessageFormat>> copies = ThreadLocal.withInitial(IdentityHashMap::new);

    /** The messages without arguments found so far, by language and code. */
    private final Map<Locale, Map<String, String>> found = new ConcurrentHashMap<>();

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        MessageFormat shared = super.resolveCode(code, locale);
        return shared == null ? null : copies.get().computeIfAbsent(shared, PerThreadMessageFormats::copy);
    }

    /** A copy of {@code shared} for one thread, its plain arguments written by formats made once. */
    static MessageFormat copy(MessageFormat shared) {
        MessageFormat copy = (MessageFormat) shared.clone();
        Format[] formats = copy.getFormats();
        PlainArgument plain = new PlainArgument(copy.getLocale());
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                copy.setFormat(i, plain);
            }
        }
        return copy;
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

    /**
     * An argument without a type, written as {@link MessageFormat} writes it (which never hands it {@code null}): a
     * number by the language's number format, a date by its short date and time, anything else as its text. Used by
     * one thread's copy only, as its formats are.
     */
    private static final class PlainArgument extends Format {

        private final Locale locale;
        private NumberFormat numbers;
        private DateFormat dates;

        PlainArgument(Locale locale) {
            this.locale = locale;
        }

        @Override
        public StringBuffer format(Object argument, StringBuffer to, FieldPosition position) {
            if (argument instanceof Number number) {
                return numbers().format(number, to, position);
            }
            if (argument instanceof Date date) {
                return dates().format(date, to, position);
            }
            return to.append(argument);
        }

        /**
         * Reads back what {@link #format} writes as a date and time or a number; text that is neither
         * leaves {@code position} where it was, with its error index set, as a {@link Format} that cannot read it
         * does. (The JDK reads a plain argument back as text up to the pattern's next literal, which a format of
         * one argument cannot see; nothing in the market parses its messages.)
         */
        @Override
        public Object parseObject(String source, ParsePosition position) {
            int start = position.getIndex();
            // a date first: a number would read a date's first digits and stop there
            Object date = dates().parseObject(source, position);
            if (date != null) {
                return date;
            }
            position.setIndex(start);
            position.setErrorIndex(-1);
            return numbers().parseObject(source, position);
        }

        private NumberFormat numbers() {
            if (numbers == null) {
                numbers = NumberFormat.getInstance(locale);
            }
            return numbers;
        }

        private DateFormat dates() {
            if (dates == null) {
                dates = DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale);
            }
            return dates;
        }

        /** Two copies of one message in one language are equal, as the shared formats they were made from are. */
        @Override
        public boolean equals(Object other) {
            return other instanceof PlainArgument plain && Objects.equals(locale, plain.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(locale);
        }
    }
}
