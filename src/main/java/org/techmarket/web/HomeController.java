package org.techmarket.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Actor;
import org.techmarket.web.find.MarketFront;

/** The market's front page: what is on sale now, the newest technology, what is wanted, and the market's figures. */
@Controller
class HomeController {

    private final MarketFront front;

    HomeController(MarketFront front) {
        this.front = front;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("front", front.read(actor));
        model.addAttribute("industries", FutureIndustry.values());
        return "home";
    }
}
