package org.techmarket.web.find;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The search's snippets are escaped text with matched words in {@code <mark>}. A page writes one unescaped only when
 * that is all the markup it holds; anything else is escaped whole, so no text from an item can become markup.
 */
public final class Snippets {

    private static final Pattern MARK = Pattern.compile("</?mark>");

    private Snippets() {}

    /** The snippet, safe to write unescaped. */
    static String safe(String snippet) {
        if (snippet == null) {
            return "";
        }
        String bare = MARK.matcher(snippet).replaceAll("");
        if (bare.indexOf('<') >= 0 || bare.indexOf('>') >= 0) {
            return HtmlUtils.htmlEscape(snippet);
        }
        return snippet;
    }
}
