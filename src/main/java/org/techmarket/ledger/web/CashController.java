package org.techmarket.ledger.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.ledger.application.CashService;
import org.techmarket.ledger.application.LedgerReports;
import org.techmarket.ledger.domain.CashIn;
import org.techmarket.ledger.domain.CashOut;
import org.techmarket.ledger.domain.CashOutStatus;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Idempotency;
import org.techmarket.shared.Idempotency.IdempotentRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.PagedItems;

/**
 * Cash in, cash out and the whole-ledger check over HTTP. The POSTs move money and honour {@code Idempotency-Key}:
 * a retried request gets the first answer again and moves nothing more.
 */
@RestController
class CashController {

    private static final String CASH_INS = "/api/v1/ledger/cash-ins";
    private static final String CASH_OUTS = "/api/v1/ledger/cash-outs";

    private final CashService cash;
    private final LedgerReports reports;
    private final Idempotency idempotency;

    CashController(CashService cash, LedgerReports reports, Idempotency idempotency) {
        this.cash = cash;
        this.reports = reports;
        this.idempotency = idempotency;
    }

    record CashInRequest(String organizationId, Money amount, String bankReference) {}

    record CashInView(
            String id,
            String organizationId,
            Money amount,
            String bankReference,
            String transferId,
            Instant recordedAt) {
        static CashInView of(CashIn c) {
            return new CashInView(
                    c.id(), c.organizationId(), c.amount(), c.bankReference(), c.transferId(), c.recordedAt());
        }
    }

    record CashOutRequest(Money amount, String bankAccount) {}

    record ConfirmationRequest(String bankReference) {}

    record CashOutView(
            String id,
            String organizationId,
            Money amount,
            CashOutStatus status,
            String holdId,
            Instant requestedAt,
            Instant decidedAt,
            String bankReference,
            String bankAccount) {
        static CashOutView of(CashOut c) {
            return new CashOutView(
                    c.id(),
                    c.organizationId(),
                    c.amount(),
                    c.status(),
                    c.holdId(),
                    c.requestedAt(),
                    c.decidedAt().orElse(null),
                    c.bankReference().orElse(null),
                    c.maskedBankAccount().orElse(null));
        }
    }

    /** 201 for a new receipt; 200 with the earlier record when its bank reference was recorded before. */
    @PostMapping(CASH_INS)
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CashInView.class)))
    ResponseEntity<String> recordCashIn(
            @AuthenticationPrincipal Actor actor,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @RequestBody CashInRequest request) {
        return idempotency.execute(IdempotentRequest.post(actor, key, CASH_INS, request), () -> {
            CashService.Recorded recorded =
                    cash.recordCashIn(actor, request.organizationId(), request.amount(), request.bankReference());
            return ResponseEntity.status(recorded.isNew() ? 201 : 200).body(CashInView.of(recorded.cashIn()));
        });
    }

    @PostMapping(CASH_OUTS)
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CashOutView.class)))
    ResponseEntity<String> requestCashOut(
            @AuthenticationPrincipal Actor actor,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @RequestBody CashOutRequest request) {
        return idempotency.execute(IdempotentRequest.post(actor, key, CASH_OUTS, request), () -> {
            CashOut cashOut = cash.requestCashOut(actor, request.amount(), request.bankAccount());
            return ResponseEntity.created(URI.create(CASH_OUTS + "/" + cashOut.id()))
                    .body(CashOutView.of(cashOut));
        });
    }

    @PostMapping(CASH_OUTS + "/{id}/confirmation")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CashOutView.class)))
    ResponseEntity<String> confirmCashOut(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @RequestBody(required = false) ConfirmationRequest request) {
        Optional<String> reference = Optional.ofNullable(request).map(ConfirmationRequest::bankReference);
        return idempotency.execute(
                IdempotentRequest.post(actor, key, CASH_OUTS + "/" + id + "/confirmation", request),
                () -> ResponseEntity.ok(CashOutView.of(cash.confirmCashOut(actor, id, reference))));
    }

    @PostMapping(CASH_OUTS + "/{id}/cancellation")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CashOutView.class)))
    ResponseEntity<String> cancelCashOut(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute(
                IdempotentRequest.post(actor, key, CASH_OUTS + "/" + id + "/cancellation", null),
                () -> ResponseEntity.ok(CashOutView.of(cash.cancelCashOut(actor, id))));
    }

    @GetMapping(CASH_OUTS + "/{id}")
    CashOutView cashOut(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return CashOutView.of(cash.cashOut(actor, id));
    }

    @GetMapping(CASH_OUTS)
    PagedItems<CashOutView> cashOuts(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<CashOutStatus> status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = cash.cashOuts(actor, status, cursor, limit).map(CashOutView::of);
        return PagedItems.of(page);
    }

    @GetMapping("/api/v1/ledger/balance-check")
    LedgerReports.BalanceCheck balanceCheck(@AuthenticationPrincipal Actor actor) {
        return reports.check(actor);
    }
}
