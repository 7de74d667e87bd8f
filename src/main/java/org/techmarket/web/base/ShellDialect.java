package org.techmarket.web.base;

import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The layout's elements for the frame of a page, {@code <tm:csrf-meta/>}, {@code <tm:scripts/>},
 * {@code <tm:header/>} and {@code <tm:footer/>}, each replaced by {@link PageShell}'s (or {@link WebJarScripts}')
 * text in one step: the frame no longer walks its elements,
 * evaluates a dozen expressions and looks up a dozen messages on every page (ADR 0084).
 */
@Component
class ShellDialect extends AbstractProcessorDialect {

    private static final String PREFIX = "tm";

    private final PageShell shell;
    private final WebJarScripts scripts;

    ShellDialect(PageShell shell, WebJarScripts scripts) {
        super("techmarket page frame", PREFIX, 1000);
        this.shell = shell;
        this.scripts = scripts;
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(
                new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix),
                new Replaced(dialectPrefix, "csrf-meta", (context, token) -> shell.csrfMeta(token)),
                new Replaced(dialectPrefix, "scripts", (context, token) -> scripts.html()),
                new Replaced(dialectPrefix, "header", (context, token) -> shell.header(context.getLocale(), token)),
                new Replaced(dialectPrefix, "footer", (context, token) -> shell.footer(context.getLocale())));
    }

    /** An element replaced by text already escaped, given the page's context and the request's CSRF token. */
    private static final class Replaced extends AbstractElementTagProcessor {

        private final BiFunction<ITemplateContext, CsrfToken, String> html;

        Replaced(String prefix, String element, BiFunction<ITemplateContext, CsrfToken, String> html) {
            super(TemplateMode.HTML, prefix, element, true, null, false, 1000);
            this.html = html;
        }

        @Override
        protected void doProcess(
                ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structure) {
            CsrfToken token = context.getVariable(PageShell.CSRF_ATTRIBUTE) instanceof CsrfToken csrf ? csrf : null;
            structure.replaceWith(html.apply(context, token), false);
        }
    }
}
