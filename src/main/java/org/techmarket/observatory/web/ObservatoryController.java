package org.techmarket.observatory.web;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.observatory.application.MarketTie;
import org.techmarket.observatory.application.ObservatoryFigures;
import org.techmarket.observatory.application.YearFigures;
import org.techmarket.observatory.domain.GvcIndices;
import org.techmarket.observatory.domain.KwwTerms;
import org.techmarket.observatory.domain.WiodIndustry;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Jurisdictions;
import org.techmarket.shared.Money;

/**
 * The observatory's open data: value-chain participation and position, the KWW decomposition of gross exports, and
 * the market's deals beside the value chain. Public, computed once per year, amounts in the table's unit.
 */
@RestController
@RequestMapping("/api/v1/observatory")
class ObservatoryController {

    record GvcAnswer(int year, String unit, List<GvcView> countries) {}

    record IndustryGvcAnswer(int year, String unit, List<GvcView> rows) {}

    record KwwAnswer(int year, String unit, List<KwwTerms> countries) {}

    record WiodShareView(
            String code, String name, String isic, double grossExports, double participation, double position) {}

    record MarketIndustryView(
            String industry,
            String zhName,
            String enName,
            long deals,
            List<Money> dealValues,
            List<WiodShareView> wiodIndustries,
            Double grossExports,
            Double participation,
            Double position) {}

    record MarketAnswer(int year, String country, String unit, List<MarketIndustryView> industries) {}

    private final ObservatoryFigures figures;
    private final MarketTie market;

    private final Jurisdictions jurisdictions;

    ObservatoryController(ObservatoryFigures figures, MarketTie market, Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
        this.figures = figures;
        this.market = market;
    }

    @GetMapping("/gvc")
    GvcAnswer gvc(@RequestParam Optional<Integer> year, @RequestParam(defaultValue = "") List<String> country) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        List<GvcView> rows = table.requireCountries(country).stream()
                .map(c -> GvcView.of(c, table.gvcOf(c).whole()))
                .toList();
        return new GvcAnswer(table.year(), YearFigures.UNIT, rows);
    }

    @GetMapping("/gvc/industries")
    IndustryGvcAnswer gvcByIndustry(
            @RequestParam Optional<Integer> year,
            @RequestParam(defaultValue = "") List<String> country,
            @RequestParam(defaultValue = "") List<String> industry) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        List<String> countries = table.requireCountries(country);
        List<WiodIndustry> industries = table.requireIndustries(industry);
        List<GvcView> rows = countries.stream()
                .flatMap(c -> table.gvcOf(c).industries().stream()
                        .flatMap(row -> industries.stream()
                                .filter(wiod -> wiod.code().equals(row.industry()))
                                .map(wiod -> GvcView.of(c, wiod, row.indices()))))
                .toList();
        return new IndustryGvcAnswer(table.year(), YearFigures.UNIT, rows);
    }

    @GetMapping("/kww")
    KwwAnswer kww(@RequestParam Optional<Integer> year, @RequestParam(defaultValue = "") List<String> country) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        List<String> countries = table.requireCountries(country);
        List<KwwTerms> rows = table.kww().stream()
                .filter(t -> countries.contains(t.country()))
                .toList();
        return new KwwAnswer(table.year(), YearFigures.UNIT, rows);
    }

    @GetMapping("/market")
    MarketAnswer market(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<Integer> year,
            @RequestParam Optional<String> country,
            @RequestParam Optional<FutureIndustry> industry) {
        YearFigures table = figures.of(year.orElseGet(figures::latestYear));
        String home =
                table.requireCountries(List.of(country.orElse(MarketTie.HOME))).get(0);
        MarketTie.Tie tie = market.of(table, home, industry, jurisdictions.restrict(actor, List.of()));
        List<MarketIndustryView> rows =
                tie.industries().stream().map(ObservatoryController::marketView).toList();
        return new MarketAnswer(tie.year(), tie.country(), YearFigures.UNIT, rows);
    }

    private static MarketIndustryView marketView(MarketTie.Row row) {
        List<WiodShareView> shares = row.wiodIndustries().stream()
                .map(share -> new WiodShareView(
                        share.industry().code(),
                        share.industry().name(),
                        share.industry().isic(),
                        share.indices().grossExports(),
                        share.indices().participation(),
                        share.indices().position()))
                .toList();
        return new MarketIndustryView(
                row.industry().name(),
                row.industry().zhName(),
                row.industry().enName(),
                row.deals(),
                row.dealValues(),
                shares,
                row.combined().map(GvcIndices::grossExports).orElse(null),
                row.combined().map(GvcIndices::participation).orElse(null),
                row.combined().map(GvcIndices::position).orElse(null));
    }
}
