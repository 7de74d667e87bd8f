package org.techmarket.deal.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.deal.application.RoyaltyReporting;
import org.techmarket.deal.application.RoyaltyReporting.RoyaltyStatement;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.RoyaltyPeriod;
import org.techmarket.deal.persistence.RoyaltyReports.Report;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Idempotency;
import org.techmarket.shared.Idempotency.IdempotentRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** The licensee's revenue reports on a running-royalty deal (with an {@code Idempotency-Key}), and reading them. */
@RestController
class RoyaltyReportController {

    private static final String DEALS = "/api/v1/deals";

    private final RoyaltyReporting reporting;
    private final Idempotency idempotency;

    RoyaltyReportController(RoyaltyReporting reporting, Idempotency idempotency) {
        this.reporting = reporting;
        this.idempotency = idempotency;
    }

    record ReportRequest(Integer period, Money revenue) {}

    record PeriodView(int period, LocalDate start, LocalDate end) {
        static PeriodView of(RoyaltyPeriod p) {
            return new PeriodView(p.number(), p.firstDay(), p.lastDay());
        }
    }

    record ReportView(
            int period,
            LocalDate start,
            LocalDate end,
            Money revenue,
            Money royalty,
            String transferId,
            String reportedBy,
            Instant reportedAt) {
        static ReportView of(Report r) {
            return new ReportView(
                    r.period().number(),
                    r.period().firstDay(),
                    r.period().lastDay(),
                    r.revenue(),
                    r.royalty(),
                    r.transferId().orElse(null),
                    r.reportedBy(),
                    r.reportedAt());
        }
    }

    record StatementView(
            String dealId,
            String rate,
            Money minimumPerPeriod,
            String reportingPeriod,
            int reportWithinDays,
            List<ReportView> reports,
            List<PeriodView> missing) {
        static StatementView of(String dealId, RoyaltyStatement s) {
            var t = s.terms();
            return new StatementView(
                    dealId,
                    java.math.BigDecimal.valueOf(t.rateBasisPoints(), 2).toPlainString(),
                    t.minimumPerPeriod(),
                    t.period().name(),
                    t.reportWithinDays(),
                    s.reports().stream().map(ReportView::of).toList(),
                    s.missing().stream().map(PeriodView::of).toList());
        }
    }

    @PostMapping(DEALS + "/{id}/royalty-reports")
    ResponseEntity<String> report(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @RequestBody(required = false) ReportRequest request) {
        if (request == null || request.period() == null) {
            throw Rejection.invalid(
                    DealCodes.FIELD_REQUIRED, "period", "a JSON object with period and revenue is required");
        }
        String path = DEALS + "/" + id + "/royalty-reports";
        return idempotency.execute(IdempotentRequest.post(actor, key, path, request), () -> {
            ReportView view = ReportView.of(reporting.report(actor, id, request.period(), request.revenue()));
            return ResponseEntity.created(URI.create(path + "/" + view.period()))
                    .body(view);
        });
    }

    @GetMapping(DEALS + "/{id}/royalty-reports")
    StatementView statement(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return StatementView.of(id, reporting.statement(actor, id));
    }
}
