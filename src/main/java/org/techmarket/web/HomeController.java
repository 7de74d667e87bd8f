package org.techmarket.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techmarket.asset.Assets;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.reference.FutureIndustry;

/** The market's front page: what is on sale now, the newest assets, and how to start using the API. */
@Controller
class HomeController {

    private final Assets assets;
    private final ListingCatalog listings;

    HomeController(Assets assets, ListingCatalog listings) {
        this.assets = assets;
        this.listings = listings;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("assetCount", assets.count());
        model.addAttribute("newest", assets.newest(20));
        model.addAttribute("onSale", listings.onSale(20));
        model.addAttribute("industries", FutureIndustry.values());
        return "home";
    }
}
