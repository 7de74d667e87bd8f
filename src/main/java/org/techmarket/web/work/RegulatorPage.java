package org.techmarket.web.work;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.audit.TransparencyLog;
import org.techmarket.audit.persistence.AuditVerifier;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Jurisdictions;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.statistics.MarketFigures;
import org.techmarket.statistics.application.OpenData;
import org.techmarket.statistics.domain.Report;
import org.techmarket.statistics.domain.Table;

/**
 * The regulator's desk: verify the market's whole audit hash chain from the page and read the log's latest signed
 * checkpoint, and the completed deals by future industry and by province, as tables and as charts drawn from the
 * tables' own figures. Operators and regulators come in, as on the API.
 */
@Controller
@RequestMapping(RegulatorPage.PATH)
class RegulatorPage {

    static final String PATH = "/regulator";

    /** One province's completed deals, as the open data publishes them (small cells withheld). */
    record ProvinceDeals(String code, String name, long deals, long valueMinor) {}

    private final MarketFigures figures;
    private final OpenData openData;
    private final Regions regions;
    private final TransparencyLog log;
    private final AuditVerifier verifier;

    private final Jurisdictions jurisdictions;
    private final ReadsTogether reads;

    RegulatorPage(
            MarketFigures figures,
            OpenData openData,
            Regions regions,
            TransparencyLog log,
            AuditVerifier verifier,
            Jurisdictions jurisdictions,
            ReadsTogether reads) {
        this.reads = reads;
        this.jurisdictions = jurisdictions;
        this.figures = figures;
        this.openData = openData;
        this.regions = regions;
        this.log = log;
        this.verifier = verifier;
    }

    @GetMapping
    String desk(@AuthenticationPrincipal Actor actor, Model model) {
        actor.requireMarketReader();
        // a regulator limited to some provinces sees their figures only
        List<String> jurisdiction = jurisdictions.restrict(actor, List.of());
        // the two tables and the log's checkpoint in one round trip
        ReadsTogether.Batch batch = reads.batch();
        var industries = figures.completedDealsByIndustry(jurisdiction, batch);
        var provinces = openData.answer(
                Report.DEALS,
                Optional.of("province"),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                jurisdiction,
                batch);
        var checkpoint = log.latestCheckpoint(batch);
        batch.send();
        model.addAttribute("industries", industries.get());
        model.addAttribute("provinces", provinces(provinces.get()));
        model.addAttribute("checkpoint", checkpoint.get());
        return "work/regulator";
    }

    /** Seals what is committed and re-computes the whole chain; the result comes back on the page. */
    @PostMapping("/verification")
    String verify(@AuthenticationPrincipal Actor actor, RedirectAttributes flash) {
        actor.requireMarketReader();
        flash.addFlashAttribute("verification", verifier.sealAndVerify());
        return "redirect:" + PATH;
    }

    private List<ProvinceDeals> provinces(Table table) {
        return table.rows().stream()
                .map(cell -> {
                    String code = cell.keys().get(0);
                    String name = regions.find(code).map(Region::name).orElse(code);
                    return new ProvinceDeals(code, name, cell.sum(0), cell.sum(1));
                })
                .toList();
    }
}
