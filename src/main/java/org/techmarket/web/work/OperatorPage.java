package org.techmarket.web.work;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.deal.application.DealDisputes;
import org.techmarket.deal.domain.DisputeOutcome;
import org.techmarket.ledger.application.CashService;
import org.techmarket.ledger.domain.CashOutStatus;
import org.techmarket.listing.application.ListingLifecycle;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.operations.application.StuckWork;
import org.techmarket.participant.application.OrganizationService;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.web.base.PageReads;

/**
 * A venue operator's desk: organizations waiting to be verified (verify, or refuse with a reason), listings
 * submitted for approval with the rights check they passed (approve, or reject with a reason), cash-outs to pay,
 * disputes to decide, and background work that failed too often (release it for another attempt). Only operators
 * come in, as on the API.
 */
@Controller
@RequestMapping(OperatorPage.PATH)
class OperatorPage extends StepDesk {

    static final String PATH = "/operator";

    private final OrganizationService organizations;
    private final ListingReading listings;
    private final ListingLifecycle lifecycle;
    private final CashService cash;
    private final DealDisputes disputes;
    private final StuckWork stuck;
    private final Refusals refusals;
    private final PageReads reads;

    OperatorPage(
            OrganizationService organizations,
            ListingReading listings,
            ListingLifecycle lifecycle,
            CashService cash,
            DealDisputes disputes,
            StuckWork stuck,
            Refusals refusals,
            PageReads reads) {
        super(refusals);
        this.organizations = organizations;
        this.listings = listings;
        this.lifecycle = lifecycle;
        this.cash = cash;
        this.disputes = disputes;
        this.stuck = stuck;
        this.refusals = refusals;
        this.reads = reads;
    }

    private static final int PENDING_SHOWN = 50;

    @GetMapping
    String desk(@AuthenticationPrincipal Actor actor, Model model) {
        actor.requireOperator();
        // the desk's reads go in two round trips and no transaction to commit (ADR 0117, ADR 0119)
        show(actor, model);
        return "work/operator";
    }

    /**
     * The desk's lists in one round trip: the newest pending organizations with their verified namesakes, the
     * listings submitted, the cash-outs to pay, the disputes to decide and the stuck work; then, in a second, the
     * names of the organizations the listings and cash-outs are of.
     */
    private void show(Actor actor, Model model) {
        ReadsTogether.Batch batch = reads.batch();
        // newest first: a desk shows what has just arrived; the API's list pages through the whole queue
        var pending = organizations.newestPending(actor, PENDING_SHOWN, batch);
        var submitted = listings.catalogue(
                actor, Optional.of(ListingStatus.SUBMITTED), Optional.empty(), Optional.empty(), null, null, batch);
        var cashOuts = cash.cashOuts(actor, Optional.of(CashOutStatus.PENDING), null, null, batch);
        var undecided = disputes.undecided(actor, null, batch);
        var stuckWork = stuck.list(actor, batch);
        batch.send();
        Set<String> named = new HashSet<>();
        submitted.get().items().forEach(s -> named.add(s.listing().sellerId()));
        cashOuts.get().items().forEach(c -> named.add(c.organizationId()));
        model.addAttribute("pending", pending.get().organizations());
        model.addAttribute("namesakes", pending.get().namesakes());
        model.addAttribute("submitted", submitted.get().items());
        model.addAttribute("cashOuts", cashOuts.get().items());
        model.addAttribute("names", reads.organizations(named));
        model.addAttribute("disputes", undecided.get());
        model.addAttribute("outcomes", DisputeOutcome.values());
        model.addAttribute("stuck", stuckWork.get());
    }

    /** The desk's actions that need only the item's id, by {@code section/step}. */
    @Override
    Map<String, Refusals.Step> steps() {
        return Map.of(
                "organizations/verification",
                new Refusals.Step("organizationVerified", organizations::verify),
                "listings/approval",
                new Refusals.Step("listingApproved", lifecycle::approve));
    }

    @Override
    String page() {
        return PATH;
    }

    @PostMapping("/organizations/{id}/refusal")
    String refuse(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                PATH,
                "organizationRefused",
                flash,
                locale,
                () -> organizations.suspend(actor, id, FormValues.text(reason)));
    }

    @PostMapping("/listings/{id}/rejection")
    String reject(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                PATH, "listingRejected", flash, locale, () -> lifecycle.reject(actor, id, FormValues.text(reason)));
    }

    @PostMapping("/cash-outs/{id}/confirmation")
    String confirmCashOut(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String bankReference,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                PATH,
                "cashOutConfirmed",
                flash,
                locale,
                () -> cash.confirmCashOut(actor, id, Optional.ofNullable(FormValues.text(bankReference))));
    }

    @PostMapping("/disputes/{id}/resolution")
    String decide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String sellerAmount,
            @RequestParam(required = false) String decision,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                PATH,
                "disputeDecided",
                flash,
                locale,
                () -> disputes.resolve(
                        actor,
                        id,
                        FormValues.choice(DisputeOutcome.class, outcome, "outcome"),
                        FormValues.money(sellerAmount, "sellerAmount"),
                        decision));
    }

    @PostMapping("/stuck/{job}/{itemId}/retry")
    String retry(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String job,
            @PathVariable String itemId,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(PATH, "stuckReleased", flash, locale, () -> stuck.retry(actor, job, itemId));
    }
}
