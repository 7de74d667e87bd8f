package org.techmarket.financing.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.financing.application.FinancingDesk;
import org.techmarket.financing.application.FinancingReading;
import org.techmarket.financing.application.Lending;
import org.techmarket.financing.application.LoanSales;
import org.techmarket.financing.application.LoanServicing;
import org.techmarket.financing.domain.Collateral;
import org.techmarket.financing.domain.EnforcementClause;
import org.techmarket.financing.domain.Instalment;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Idempotency;
import org.techmarket.shared.Idempotency.IdempotentRequest;
import org.techmarket.shared.Money;

/**
 * Financing requests, lenders' offers and the loans they become, over HTTP. The POSTs that move money (acceptance,
 * which disburses; repayment; default, which first collects what is due) honour {@code Idempotency-Key}: a retry gets
 * the first answer again and moves nothing more.
 */
@RestController
class FinancingController {

    private static final String REQUESTS = "/api/v1/financing-requests";
    private static final String LOANS = "/api/v1/loans";

    private final FinancingDesk desk;
    private final Lending lending;
    private final LoanServicing servicing;
    private final FinancingReading reading;
    private final Idempotency idempotency;
    private final LoanSales sales;

    FinancingController(
            FinancingDesk desk,
            Lending lending,
            LoanServicing servicing,
            FinancingReading reading,
            Idempotency idempotency,
            LoanSales sales) {
        this.sales = sales;
        this.desk = desk;
        this.lending = lending;
        this.servicing = servicing;
        this.reading = reading;
        this.idempotency = idempotency;
    }

    record AskRequest(List<String> assetIds, Money amount, Integer termMonths, String purpose) {}

    /**
     * Rate and loan-to-value in basis points: {@code 450} is 4.50% a year, {@code 6000} lends 60% of the value; the
     * offer stands until {@code validUntil}, by default 14 days.
     */
    record OfferRequest(Integer rate, Integer loanToValue, Integer termMonths, java.time.Instant validUntil) {}

    record CollateralJson(String assetId, String valuationId, Money valuation) {
        static CollateralJson of(Collateral c) {
            return new CollateralJson(
                    c.assetId(), c.valuationId().orElse(null), c.valuation().orElse(null));
        }
    }

    record OfferJson(
            String id,
            String lenderId,
            int rate,
            int loanToValue,
            int termMonths,
            Money principal,
            String status,
            java.time.Instant createdAt,
            java.time.Instant validUntil,
            EnforcementClause enforcementAuthority) {
        static OfferJson of(LoanOffer o) {
            return new OfferJson(
                    o.id(),
                    o.lenderId(),
                    o.rateBp(),
                    o.loanToValueBp(),
                    o.termMonths(),
                    o.principal(),
                    o.status().name(),
                    o.createdAt(),
                    o.validUntil(),
                    EnforcementClause.OF_EVERY_LOAN);
        }
    }

    record RequestJson(
            String id,
            String ownerId,
            List<CollateralJson> collateral,
            Money amount,
            int termMonths,
            String purpose,
            String status,
            List<String> awaitingConsent,
            List<OfferJson> offers,
            String loanId,
            java.time.Instant createdAt) {
        static RequestJson of(FinancingReading.RequestView v) {
            var r = v.request();
            return new RequestJson(
                    r.id(),
                    r.ownerId(),
                    r.collateral().stream().map(CollateralJson::of).toList(),
                    r.amount(),
                    r.termMonths(),
                    r.purpose(),
                    r.status().name(),
                    r.awaiting().stream().sorted().toList(),
                    v.offers().stream().map(OfferJson::of).toList(),
                    v.loan().map(l -> l.loan().id()).orElse(null),
                    r.createdAt());
        }
    }

    record InstalmentJson(int seq, LocalDate dueOn, Money principal, LocalDate paidOn, Money interestPaid) {}

    record PledgeJson(String assetId, String grantId, String registrationNumber) {}

    /** The lender's sale of the pledged assets: the English auction's mechanism, as a listing's. */
    record SaleRequest(Map<String, Object> mechanism) {}

    record SaleJson(String loanId, String listingId, String loanStatus) {}

    record LoanJson(
            String id,
            String requestId,
            String offerId,
            String ownerId,
            String lenderId,
            Money principal,
            Money outstanding,
            int rate,
            LocalDate disbursedOn,
            LocalDate maturesOn,
            LocalDate interestAccruedThrough,
            Money accruedInterest,
            Money interestPaid,
            String status,
            Money shortfall,
            List<PledgeJson> pledges,
            List<InstalmentJson> schedule,
            EnforcementClause enforcementAuthority) {
        static LoanJson of(Loans.Stored s) {
            Loan l = s.loan();
            return new LoanJson(
                    l.id(),
                    s.requestId(),
                    s.offerId(),
                    l.ownerId(),
                    l.lenderId(),
                    money(l.principal(), l),
                    money(l.outstanding(), l),
                    l.rateBp(),
                    l.disbursedOn(),
                    l.maturesOn(),
                    l.accruedThrough(),
                    money(l.accruedInterest(), l),
                    money(l.interestPaid(), l),
                    l.status().name(),
                    money(s.shortfall(), l),
                    s.pledges().stream()
                            .map(p -> new PledgeJson(p.assetId(), p.grantId(), p.registrationNumber()))
                            .toList(),
                    l.instalments().stream().map(i -> instalment(i, l)).toList(),
                    EnforcementClause.OF_EVERY_LOAN);
        }

        private static InstalmentJson instalment(Instalment i, Loan l) {
            return new InstalmentJson(
                    i.seq(),
                    i.dueOn(),
                    money(i.principal(), l),
                    i.paidOn().orElse(null),
                    i.isPaid() ? money(i.interestPaid(), l) : null);
        }

        private static Money money(long minor, Loan l) {
            return Money.of(minor, l.currency());
        }
    }

    record Items<T>(List<T> items) {}

    @PostMapping("/api/v1/financing-requests")
    ResponseEntity<RequestJson> ask(@AuthenticationPrincipal Actor actor, @RequestBody AskRequest body) {
        var request = desk.ask(actor, body.assetIds(), body.amount(), body.termMonths(), body.purpose());
        return ResponseEntity.created(URI.create("/api/v1/financing-requests/" + request.id()))
                .body(RequestJson.of(new FinancingReading.RequestView(request, List.of(), Optional.empty())));
    }

    @GetMapping("/api/v1/financing-requests")
    Items<RequestJson> requests(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer limit) {
        return new Items<>(
                reading.requests(actor, limit).stream().map(RequestJson::of).toList());
    }

    @GetMapping("/api/v1/financing-requests/{id}")
    RequestJson request(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return RequestJson.of(reading.request(actor, id));
    }

    @PostMapping("/api/v1/financing-requests/{id}/consent")
    RequestJson consent(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        desk.consent(actor, id);
        return RequestJson.of(reading.request(actor, id));
    }

    @PostMapping("/api/v1/financing-requests/{id}/offers")
    ResponseEntity<OfferJson> offer(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody OfferRequest body) {
        LoanOffer offer = desk.offer(actor, id, body.rate(), body.loanToValue(), body.termMonths(), body.validUntil());
        return ResponseEntity.created(URI.create("/api/v1/financing-requests/" + id))
                .body(OfferJson.of(offer));
    }

    @PostMapping(REQUESTS + "/{id}/offers/{offerId}/acceptance")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LoanJson.class)))
    ResponseEntity<String> accept(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @PathVariable String offerId,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        String path = REQUESTS + "/" + id + "/offers/" + offerId + "/acceptance";
        return idempotency.execute(IdempotentRequest.post(actor, key, path, null), () -> {
            Loans.Stored loan = lending.accept(actor, id, offerId);
            return ResponseEntity.created(URI.create(LOANS + "/" + loan.loan().id()))
                    .body(LoanJson.of(loan));
        });
    }

    @GetMapping("/api/v1/loans")
    Items<LoanJson> loans(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer limit) {
        return new Items<>(
                reading.loans(actor, limit).stream().map(LoanJson::of).toList());
    }

    @GetMapping("/api/v1/loans/{id}")
    LoanJson loan(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return LoanJson.of(reading.loan(actor, id));
    }

    @PostMapping(LOANS + "/{id}/repayment")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoanJson.class)))
    ResponseEntity<String> repay(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return once(actor, key, LOANS + "/" + id + "/repayment", () -> servicing.repayInFull(actor, id));
    }

    @PostMapping(LOANS + "/{id}/default")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoanJson.class)))
    ResponseEntity<String> declareDefault(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return once(actor, key, LOANS + "/" + id + "/default", () -> servicing.declareDefault(actor, id));
    }

    @PostMapping(LOANS + "/{id}/sale")
    ResponseEntity<SaleJson> sell(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SaleRequest body) {
        LoanSales.Listed listed = sales.list(actor, id, body == null ? null : body.mechanism());
        return ResponseEntity.created(URI.create("/api/v1/listings/" + listed.listingId()))
                .body(new SaleJson(
                        id, listed.listingId(), LoanJson.of(listed.loan()).status()));
    }

    /** The owner cannot revoke the lender's enforcement authority: 403 ENFORCEMENT_AUTHORITY_IRREVOCABLE. */
    @PostMapping(LOANS + "/{id}/enforcement-authority/revocation")
    void revokeEnforcementAuthority(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        sales.refuseRevocation(actor, id);
    }

    /** A step on a loan that may move money, taken once per key: 200 with the loan as the step left it. */
    private ResponseEntity<String> once(Actor actor, String key, String path, Supplier<Loans.Stored> step) {
        return idempotency.execute(
                IdempotentRequest.post(actor, key, path, null), () -> ResponseEntity.ok(LoanJson.of(step.get())));
    }
}
