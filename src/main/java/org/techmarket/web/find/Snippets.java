package org.techmarket.web.find;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import org.techmarket.search.SearchResult;

/**
 * The search's snippets are escaped text with matched words in {@code <mark>}. A page writes one unescaped only when
 * that is all the markup it holds; anything else is escaped whole, so no text from an item can become markup.
 */
public final class Snippets {

    private static final Pattern MARK = Pattern.compile("</?mark>");

    private Snippets() {}

    /** Each hit's snippet, safe to write unescaped, by {@code type:id}. */
    public static Map<String, String> of(SearchResult result) {
        Map<String, String> snippets = new HashMap<>();
        result.items().forEach(hit -> snippets.put(hit.type() + ":" + hit.id(), safe(hit.snippet())));
        return snippets;
    }

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
