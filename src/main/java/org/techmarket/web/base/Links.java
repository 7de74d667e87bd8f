package org.techmarket.web.base;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Addresses and labelled links that pages build in Java for their rows, so that a row prints a ready-made address
 * instead of running the template's link builder: an id as an encoded path segment, and a future industry as a link
 * to its search with its name in the page's language (worked out once per language and industry).
 */
@Component
public class Links {

    /** A link: its address and its text. */
    public record Tag(String href, String label) {}

    private final MessageSource messages;
    private final Map<Locale, Map<String, Tag>> industries = new ConcurrentHashMap<>();

    Links(MessageSource messages) {
        this.messages = messages;
    }

    /** An id (or any value) as one segment of a path, encoded. */
    public static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /** Each industry (a {@code FutureIndustry} name) as a link to the search for it, named in the page's language. */
    public List<Tag> industryTags(List<String> names) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Tag> tags = industries.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        List<Tag> found = new ArrayList<>(names.size());
        for (String name : names) {
            found.add(tags.computeIfAbsent(
                    name,
                    n -> new Tag(
                            "/search?industry=" + UriUtils.encodeQueryParam(n, StandardCharsets.UTF_8),
                            messages.getMessage("enum.FutureIndustry." + n, null, n, locale))));
        }
        return found;
    }
}
