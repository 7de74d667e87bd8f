package org.techmarket.web.listing;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.listing.Sale;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders the sale page's live panel (the fragment {@code live} of {@code listing/sale}) outside a request, for the
 * live stream: in the viewer's language and time zone, taken when the stream opened.
 */
@Component
class SalePanels {

    static final String TEMPLATE = "listing/sale";
    static final String FRAGMENT = "live";

    private final ITemplateEngine templates;
    private final ApplicationContext context;

    SalePanels(ITemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    /** The panel's HTML on one line, as one SSE {@code data:} field carries it. */
    String render(Sale sale, Locale locale, ZoneId zone) {
        Context variables = new Context(locale);
        variables.setVariable("sale", sale);
        variables.setVariable("zone", zone);
        variables.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            return templates
                    .process(TEMPLATE, Set.of(FRAGMENT), variables)
                    .replaceAll("\\s*[\\r\\n]+\\s*", " ")
                    .trim();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    /** Whether the sale has ended for good, so that its stream can end. */
    static boolean isFinal(Sale sale) {
        return switch (sale.status()) {
            case "AWARDED", "UNSOLD", "WITHDRAWN", "CANCELLED", "REJECTED" -> true;
            default -> false;
        };
    }
}
