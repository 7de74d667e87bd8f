package org.techmarket.web;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techmarket.shared.Actor;
import org.techmarket.web.base.FixedHtml;
import org.techmarket.web.find.FrontRows;
import org.techmarket.web.find.MarketFront;

/** The market's front page: what is on sale now, the newest technology, what is wanted, and the market's figures. */
@Controller
class HomeController {

    /** The template of the page's pieces that depend only on the language, and their names (ADR 0080). */
    private static final String FIXED = "find/home-fixed";

    private static final List<String> FIXED_PARTS = List.of("intro", "onSaleHead", "wantedLinks", "industries");

    private final MarketFront front;
    private final FrontRows rows;
    private final FixedHtml fixed;

    HomeController(MarketFront front, FrontRows rows, FixedHtml fixed) {
        this.front = front;
        this.rows = rows;
        this.fixed = fixed;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("front", rows.of(front.read(actor)));
        model.addAttribute("fixed", fixed.of(FIXED, FIXED_PARTS, () -> Map.of("industries", rows.industries())));
        return "home";
    }
}
