package org.techmarket.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techmarket.asset.Assets;
import org.techmarket.reference.FutureIndustry;

/** The market's front page: what is here, the newest assets, and how to start using the API. */
@Controller
class HomeController {

    private final Assets assets;

    HomeController(Assets assets) {
        this.assets = assets;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("assetCount", assets.count());
        model.addAttribute("newest", assets.newest(20));
        model.addAttribute("industries", FutureIndustry.values());
        return "home";
    }
}
