package org.techmarket.web.work;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.deal.OfferThreads;
import org.techmarket.deal.application.Negotiating;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;

/**
 * What waits for the organization in its negotiations, answered from the workspace: accept, counter or decline the
 * other side's open offer, or withdraw its own. Each form calls the service {@code /api/v1/offers/{id}/...} calls.
 */
@Controller
@RequestMapping(WorkspacePage.PATH + "/offers/{id}")
class WorkspaceOffers {

    private static final long MAX_HOURS = 24 * 30;

    private final Negotiating negotiating;
    private final OfferThreads threads;
    private final Refusals refusals;
    private final DateRules dates;

    WorkspaceOffers(Negotiating negotiating, OfferThreads threads, Refusals refusals, DateRules dates) {
        this.negotiating = negotiating;
        this.threads = threads;
        this.refusals = refusals;
        this.dates = dates;
    }

    /** The answers that need nothing but the offer's id, by name. */
    private Map<String, Refusals.Step> steps() {
        return Map.of(
                "acceptance", new Refusals.Step("offerAccepted", negotiating::accept),
                "rejection", new Refusals.Step("offerDeclined", negotiating::decline),
                "withdrawal", new Refusals.Step("offerWithdrawn", negotiating::withdraw));
    }

    @PostMapping("/{step}")
    String step(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @PathVariable String step,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.step(WorkspacePage.OFFERS, steps(), step, actor, id, flash, locale);
    }

    /** A counter with the price and, as the API takes them, how it is paid and its scope ({@link CounterForm}). */
    @PostMapping("/counter")
    String counter(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            CounterForm form,
            @RequestParam(defaultValue = "24") long hours,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(WorkspacePage.OFFERS, "offerCountered", flash, locale, () -> {
            String currency = negotiating.get(actor, id).terms().price().currency();
            return threads.counter(
                    actor,
                    id,
                    scope -> form.terms(currency, dates, scope),
                    Duration.ofHours(Math.max(1, Math.min(hours, MAX_HOURS))));
        });
    }
}
