package org.techmarket.web.work;

import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.shared.Actor;

/**
 * A desk whose one-line actions (those that need nothing but the item's id) share one path,
 * {@code <desk>/{section}/{id}/{step}}, looked up by {@code section/step} in the desk's table of steps.
 */
abstract class StepDesk {

    private final Refusals refusals;

    StepDesk(Refusals refusals) {
        this.refusals = refusals;
    }

    /** The desk's page, where each step comes back to. */
    abstract String page();

    /** The desk's one-line actions by {@code section/step}. */
    abstract Map<String, Refusals.Step> steps();

    @PostMapping("/{section}/{id}/{step}")
    String step(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String section,
            @PathVariable String id,
            @PathVariable String step,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.step(page(), steps(), section + "/" + step, actor, id, flash, locale);
    }
}
