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
import org.techmarket.shared.Money;

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

    WorkspaceOffers(Negotiating negotiating, OfferThreads threads, Refusals refusals) {
        this.negotiating = negotiating;
        this.threads = threads;
        this.refusals = refusals;
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

    @PostMapping("/counter")
    String counter(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String price,
            @RequestParam(defaultValue = "24") long hours,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                WorkspacePage.OFFERS,
                "offerCountered",
                flash,
                locale,
                () -> threads.counter(
                        actor,
                        id,
                        Money.parse(
                                price,
                                negotiating.get(actor, id).terms().price().currency()),
                        Duration.ofHours(Math.max(1, Math.min(hours, MAX_HOURS)))));
    }
}
