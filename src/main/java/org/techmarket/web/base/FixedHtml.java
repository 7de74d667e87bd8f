package org.techmarket.web.base;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pieces of pages that depend on nothing but the page's language (a form's fixed fields with their options, a table's
 * head, the future industries' links), rendered from their template once per language the market speaks and then
 * printed as they are: a visit no longer walks their elements, looks up their messages and escapes their words
 * (ADR 0080). They are the same on every node and never change while the market runs, since templates and message
 * bundles are part of the build. A piece that shows a user, an organization, a time or a CSRF token does not belong
 * here; the page keeps a form's own tag, which adds the token.
 */
@Component
public class FixedHtml {

    private final ITemplateEngine templates;
    private final Map<String, Map<String, String>> rendered = new ConcurrentHashMap<>();

    FixedHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The named fragments of {@code template} as HTML in the page's language, each rendered with {@code variables}
     * (which must themselves depend only on the language). A language the market does not speak is rendered afresh.
     */
    public Map<String, String> of(String template, List<String> fragments, Supplier<Map<String, Object>> variables) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!MarketLocales.SUPPORTED.contains(locale)) {
            return render(template, fragments, variables.get(), locale);
        }
        return rendered.computeIfAbsent(
                template + fragments + locale.getLanguage(),
                key -> render(template, fragments, variables.get(), locale));
    }

    private Map<String, String> render(
            String template, List<String> fragments, Map<String, Object> variables, Locale locale) {
        Context context = new Context(locale, variables);
        Map<String, String> html = new LinkedHashMap<>();
        for (String fragment : fragments) {
            html.put(fragment, templates.process(template, Set.of(fragment), context));
        }
        return Map.copyOf(html);
    }
}
