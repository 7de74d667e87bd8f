package org.techmarket.observatory.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.observatory.application.ObservatoryFigures;
import org.techmarket.observatory.application.YearFigures;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

/**
 * The observatory's page: each country's position against its participation in global value chains, drawn from
 * the JSON endpoint by a script, and the same figures as a table that reads without it. A year's figures come from a
 * published table and never change, so its table's lines are written as text once per year and language and then
 * printed as they are: the page formats no number per request.
 */
@Controller
class ObservatoryPage {

    private record Key(int year, Locale locale) {}

    private final ObservatoryFigures figures;
    private final Map<Key, List<GvcLine>> lines = new ConcurrentHashMap<>();

    ObservatoryPage(ObservatoryFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/observatory")
    String observatory(@RequestParam Optional<Integer> year, Model model) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("year", table.year());
        model.addAttribute("years", figures.years());
        model.addAttribute("unit", YearFigures.UNIT);
        model.addAttribute("lines", lines.computeIfAbsent(new Key(table.year(), locale), key -> lines(table, locale)));
        return "observatory";
    }

    /** The table's lines, most upstream first, with the figures written as the page has always shown them. */
    static List<GvcLine> lines(YearFigures table, Locale locale) {
        return table.gvc().stream()
                .map(gvc -> GvcView.of(gvc.country(), gvc.whole()))
                .sorted(Comparator.comparingDouble(GvcView::position).reversed())
                .map(view -> new GvcLine(
                        view.country(),
                        NumberUtils.format(
                                view.grossExports(), 1, NumberPointType.COMMA, 0, NumberPointType.POINT, locale),
                        share(view.ivShare(), locale),
                        share(view.fvShare(), locale),
                        share(view.participation(), locale),
                        share(view.position(), locale)))
                .toList();
    }

    private static String share(double value, Locale locale) {
        return NumberUtils.format(value, 1, 3, locale);
    }
}
