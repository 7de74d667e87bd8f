package org.techmarket.observatory.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.observatory.application.ObservatoryFigures;
import org.techmarket.observatory.application.YearFigures;

/**
 * The observatory's page: each country's position against its participation in global value chains, drawn from
 * the JSON endpoint by a script, and the same figures as a table that reads without it.
 */
@Controller
class ObservatoryPage {

    private final ObservatoryFigures figures;

    ObservatoryPage(ObservatoryFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/observatory")
    String observatory(@RequestParam Optional<Integer> year, Model model) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        List<GvcView> lines = table.gvc().stream()
                .map(gvc -> GvcView.of(gvc.country(), gvc.whole()))
                .sorted(Comparator.comparingDouble(GvcView::position).reversed())
                .toList();
        model.addAttribute("year", table.year());
        model.addAttribute("years", figures.years());
        model.addAttribute("unit", YearFigures.UNIT);
        model.addAttribute("lines", lines);
        return "observatory";
    }
}
