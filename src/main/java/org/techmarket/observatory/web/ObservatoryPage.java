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
import org.techmarket.observatory.domain.CountryGvc;

/**
 * The observatory's page: each country's position against its participation in global value chains, drawn from
 * the JSON endpoint by a script, and the same figures as a table that reads without it.
 */
@Controller
class ObservatoryPage {

    /** One country's line in the page's table. */
    record Line(
            String country,
            double grossExports,
            double ivShare,
            double fvShare,
            double participation,
            double position) {

        static Line of(CountryGvc gvc) {
            return new Line(
                    gvc.country(),
                    gvc.whole().grossExports(),
                    gvc.whole().ivShare(),
                    gvc.whole().fvShare(),
                    gvc.whole().participation(),
                    gvc.whole().position());
        }
    }

    private final ObservatoryFigures figures;

    ObservatoryPage(ObservatoryFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/observatory")
    String observatory(@RequestParam Optional<Integer> year, Model model) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        List<Line> lines = table.gvc().stream()
                .map(Line::of)
                .sorted(Comparator.comparingDouble(Line::position).reversed())
                .toList();
        model.addAttribute("year", table.year());
        model.addAttribute("years", figures.years());
        model.addAttribute("unit", YearFigures.UNIT);
        model.addAttribute("lines", lines);
        return "observatory";
    }
}
