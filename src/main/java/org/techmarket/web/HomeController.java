package org.techmarket.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techmarket.shared.Actor;
import org.techmarket.web.find.FrontRows;
import org.techmarket.web.find.MarketFront;

/** The market's front page: what is on sale now, the newest technology, what is wanted, and the market's figures. */
@Controller
class HomeController {

    private final MarketFront front;
    private final FrontRows rows;

    HomeController(MarketFront front, FrontRows rows) {
        this.front = front;
        this.rows = rows;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("front", rows.of(front.read(actor)));
        model.addAttribute("industries", rows.industries());
        return "home";
    }
}
