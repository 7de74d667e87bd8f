package org.techmarket.web.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.deal.OfferThreads;
import org.techmarket.listing.Sale;
import org.techmarket.listing.Sales;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.web.base.Fmt;

/**
 * The sale page {@code /listings/{id}}: the listing, its rules and the live state of its sale for every mechanism,
 * with the forms that bid, set a proxy maximum, take a Dutch price, buy at a posted price or make an offer. The forms
 * post to the same application services as the API; a refusal re-renders the page with its reason in the page's
 * language and the refusal's status, and an accepted step redirects back to the page.
 */
@Controller
class SalePage {

    static final String PAGE = "/listings/{id}";

    private final Sales sales;
    private final OfferThreads offers;
    private final Fmt fmt;
    private final Clock clock;

    SalePage(Sales sales, OfferThreads offers, Fmt fmt, Clock clock) {
        this.sales = sales;
        this.offers = offers;
        this.fmt = fmt;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    ModelAndView show(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return page(actor, id, Optional.empty(), HttpStatus.OK);
    }

    @PostMapping(PAGE + "/bids")
    ModelAndView bid(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String maximum,
            RedirectAttributes done) {
        return step(actor, id, "bid", done, () -> {
            Sale sale = sales.sale(Optional.of(actor), id);
            String currency = sale.rules().startPrice().currency();
            Optional<Money> max = blank(maximum) ? Optional.empty() : Optional.of(Money.parse(maximum, currency));
            String asked = blank(amount) && max.isPresent()
                    ? sale.minimumBid().map(Money::decimal).orElse(null)
                    : amount;
            sales.bid(actor, id, Money.parse(asked, currency), max);
        });
    }

    @PostMapping(PAGE + "/acceptance")
    ModelAndView accept(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes done) {
        return step(actor, id, "accepted", done, () -> sales.accept(actor, id));
    }

    @PostMapping(PAGE + "/purchase")
    ModelAndView buy(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes done) {
        return step(actor, id, "bought", done, () -> sales.buy(actor, id));
    }

    @PostMapping(PAGE + "/offers")
    ModelAndView offer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String price,
            @RequestParam(defaultValue = "24") long hours,
            RedirectAttributes done) {
        return step(actor, id, "offered", done, () -> {
            Sale sale = sales.sale(Optional.of(actor), id);
            Money offered = Money.parse(price, sale.rules().startPrice().currency());
            Instant asked = clock.instant().plus(Duration.ofHours(Math.max(1, Math.min(hours, 24 * 30))));
            // open for the hours asked, but never past the listing's end, when the offer would lapse anyway
            Instant deadline = asked.isAfter(sale.endsAt()) ? sale.endsAt() : asked;
            offers.offer(actor, id, offered, deadline);
        });
    }

    private ModelAndView step(Actor actor, String id, String what, RedirectAttributes done, Runnable action) {
        if (actor == null) {
            return new ModelAndView("redirect:/login");
        }
        try {
            action.run();
        } catch (Rejection refused) {
            return page(
                    actor,
                    id,
                    Optional.of(refused),
                    HttpStatus.valueOf(refused.kind().httpStatus()));
        }
        done.addFlashAttribute("done", what);
        return new ModelAndView("redirect:/listings/" + id);
    }

    private ModelAndView page(Actor actor, String id, Optional<Rejection> refused, HttpStatus status) {
        Optional<Actor> viewer = Optional.ofNullable(actor);
        Sale sale = sales.sale(viewer, id);
        ModelAndView page = new ModelAndView("listing/sale", status);
        page.addObject("sale", sale);
        page.addObject("thread", thread(viewer, sale));
        page.addObject("zone", fmt.zone());
        refused.ifPresent(r -> {
            page.addObject("refusal", r.code());
            page.addObject("refusalDetail", r.getMessage());
        });
        return page;
    }

    private List<OfferThreads.Step> thread(Optional<Actor> viewer, Sale sale) {
        if (!"NEGOTIATION".equals(sale.mechanism()) || viewer.isEmpty()) {
            return List.of();
        }
        return offers.thread(viewer.get(), sale.id());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
