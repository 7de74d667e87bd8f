package org.techmarket.statistics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Jurisdictions;
import org.techmarket.shared.Rejection;
import org.techmarket.statistics.application.OpenData;
import org.techmarket.statistics.domain.Dimension;
import org.techmarket.statistics.domain.Report;
import org.techmarket.statistics.domain.Table;

/**
 * The market's open statistics, public: deals, flows between provinces, the listing funnel, prices and open-licence
 * uptake, as JSON or, with {@code Accept: text/csv}, as CSV with a header. Cells counting fewer than three are
 * withheld and counted in {@code suppressedCells} (the {@code Suppressed-Cells} header in CSV).
 */
@RestController
@RequestMapping("/api/v1/statistics")
public class StatisticsController {

    static final String TEXT_CSV = "text/csv";

    private static final Map<String, Report> REPORTS = Map.of(
            "deals", Report.DEALS,
            "flows", Report.FLOWS,
            "funnel", Report.FUNNEL,
            "prices", Report.PRICES,
            "open-licences", Report.OPEN_LICENCES);

    private final OpenData openData;
    private final Jurisdictions jurisdictions;

    public StatisticsController(OpenData openData, Jurisdictions jurisdictions) {
        this.openData = openData;
        this.jurisdictions = jurisdictions;
    }

    /**
     * A report as JSON, or as CSV when the caller accepts {@code text/csv}. A regulator limited to some provinces
     * reads only theirs: its provinces when it names none, 403 PROVINCE_OUTSIDE_JURISDICTION for another.
     */
    @GetMapping("/{report}")
    public ResponseEntity<?> report(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String report,
            @RequestParam Optional<String> groupBy,
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam(defaultValue = "") List<String> industry,
            @RequestParam(defaultValue = "") List<String> province,
            @RequestHeader(value = HttpHeaders.ACCEPT, defaultValue = "") String accept) {
        Table table = openData.answer(
                reportNamed(report), groupBy, from, to, industry, jurisdictions.restrict(actor, province));
        if (accept.contains(TEXT_CSV)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                    .header("Suppressed-Cells", Integer.toString(table.suppressedCells()))
                    .body(csv(table));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupBy", table.groupBy().stream().map(Dimension::apiName).toList());
        body.put("from", from.orElse(null));
        body.put("to", to.orElse(null));
        body.put("currency", "CNY");
        body.put("rows", StatisticsRows.of(table));
        body.put("suppressedCells", table.suppressedCells());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String csv(Table table) {
        StringBuilder csv = new StringBuilder(String.join(",", StatisticsRows.columns(table))).append("\r\n");
        for (Map<String, Object> row : StatisticsRows.of(table)) {
            csv.append(row.values().stream()
                            .map(v -> v == null ? "" : v.toString())
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Report reportNamed(String name) {
        Report report = REPORTS.get(name);
        if (report == null) {
            throw Rejection.notFound("Statistics report", name);
        }
        return report;
    }
}
