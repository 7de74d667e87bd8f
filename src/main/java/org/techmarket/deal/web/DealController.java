package org.techmarket.deal.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
import org.techmarket.deal.application.DealEnding;
import org.techmarket.deal.application.DealOpening;
import org.techmarket.deal.application.DealReading;
import org.techmarket.deal.application.DealSettlement;
import org.techmarket.deal.application.DealSigning;
import org.techmarket.deal.application.DirectContracts;
import org.techmarket.deal.application.InstalmentPayments;
import org.techmarket.deal.application.RoyaltyReporting;
import org.techmarket.deal.domain.ContractType;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.domain.RoyaltyPeriod;
import org.techmarket.deal.web.DealJson.DealView;
import org.techmarket.deal.web.DealJson.DeliveryRequest;
import org.techmarket.deal.web.DealJson.SignatureView;
import org.techmarket.deal.web.DealJson.SummaryView;
import org.techmarket.deal.web.DealJson.VerificationView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.Idempotency;
import org.techmarket.shared.Idempotency.IdempotentRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Deals over HTTP: propose a development, consulting or service contract, list and read deals, read and sign the contract, verify a signature, fund escrow and pay later
 * instalments (each with an {@code Idempotency-Key}), record delivery and accept it, and offer a defaulted deal to the auction's
 * runner-up, cancel a deal before it is funded and terminate a completed licence.
 */
@RestController
class DealController {

    private static final String DEALS = "/api/v1/deals";

    private final DealReading reading;
    private final DealSigning signing;
    private final DealSettlement settlement;
    private final Idempotency idempotency;
    private final RoyaltyReporting royalties;
    private final DealOpening opening;
    private final DealEnding ending;
    private final InstalmentPayments instalments;
    private final DirectContracts direct;
    private final Clock clock;
    private final DateRules dates;

    DealController(
            DealReading reading,
            DealSigning signing,
            DealSettlement settlement,
            Idempotency idempotency,
            RoyaltyReporting royalties,
            DealOpening opening,
            DealEnding ending,
            InstalmentPayments instalments,
            DirectContracts direct,
            Clock clock,
            DateRules dates) {
        this.direct = direct;
        this.clock = clock;
        this.dates = dates;
        this.instalments = instalments;
        this.ending = ending;
        this.opening = opening;
        this.royalties = royalties;
        this.reading = reading;
        this.signing = signing;
        this.settlement = settlement;
        this.idempotency = idempotency;
    }

    @GetMapping(DEALS)
    PagedItems<SummaryView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<String> role,
            @RequestParam Optional<DealStatus> status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = reading.list(actor, role, status, cursor, limit).map(SummaryView::of);
        return PagedItems.of(page);
    }

    /** A development, consulting or service contract proposed by the party doing the work to its client. */
    record ProposalRequest(
            String type,
            String clientId,
            Money price,
            OfferJson.PaymentTerms paymentTerms,
            String deliveryObligations,
            Integer acceptancePeriodDays,
            LocalDate workEndsOn) {

        DirectContracts.Proposal proposal(DateRules dates) {
            if (type == null) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "type", "DEVELOPMENT, CONSULTING or SERVICE");
            }
            ContractType contractType = Arrays.stream(ContractType.values())
                    .filter(t -> t.name().equals(type))
                    .findFirst()
                    .orElseThrow(() -> Rejection.invalid(
                            DealCodes.INVALID_CONTRACT_TYPE, "type", "DEVELOPMENT, CONSULTING or SERVICE"));
            if (clientId == null || clientId.isBlank()) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "clientId", "the client's organization id");
            }
            if (price == null) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "price", "a price {amount, currency} is required");
            }
            Money positive = price.requirePositive("price");
            PaymentSchedule payment = OfferJson.PaymentTerms.scheduleOrDefault(paymentTerms, positive, dates);
            if (workEndsOn != null) {
                dates.requireWithinHorizon(workEndsOn, "workEndsOn");
            }
            return new DirectContracts.Proposal(
                    contractType,
                    clientId,
                    positive,
                    payment,
                    deliveryObligations,
                    Optional.ofNullable(acceptancePeriodDays),
                    Optional.ofNullable(workEndsOn));
        }
    }

    @PostMapping(DEALS)
    ResponseEntity<DealView> propose(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) ProposalRequest request) {
        if (request == null) {
            throw Rejection.invalid(
                    SharedCodes.MALFORMED_JSON,
                    "body",
                    "a JSON object with type, clientId, price and" + " deliveryObligations is required");
        }
        String id = direct.propose(actor, request.proposal(dates));
        return ResponseEntity.created(URI.create(DEALS + "/" + id)).body(DealView.of(reading.get(actor, id)));
    }

    @GetMapping(DEALS + "/{id}")
    DealView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        DealReading.DealDetails details = reading.get(actor, id);
        return DealView.of(
                details,
                royalties
                        .statement(details)
                        .map(s ->
                                s.missing().stream().map(RoyaltyPeriod::number).toList())
                        .orElse(List.of()));
    }

    record EscrowLine(
            long sequence,
            String transferId,
            Instant postedAt,
            Money amount,
            Money balance,
            String reason,
            String cause,
            String counterAccount) {}

    record EscrowView(String dealId, String account, Money balance, List<EscrowLine> items, Long nextAfter) {}

    @GetMapping(DEALS + "/{id}/escrow")
    EscrowView escrow(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        DealReading.EscrowStatement statement = reading.escrow(actor, id, after, limit);
        return new EscrowView(
                id,
                statement.account(),
                statement.balance(),
                statement.entries().stream()
                        .map(e -> new EscrowLine(
                                e.sequence(),
                                e.transferId(),
                                e.postedAt(),
                                e.amount(),
                                e.balanceAfter(),
                                e.reason(),
                                e.cause(),
                                e.counterAccount().key()))
                        .toList(),
                statement.nextAfter().orElse(null));
    }

    @GetMapping(DEALS + "/{id}/contract")
    DealReading.ContractText contract(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String lang) {
        return reading.contract(actor, id, lang);
    }

    /** Empty: the market signs with the key it holds for the organization; else a detached signature by the signer. */
    record SignRequest(String keyId, String signature, String contractHash) {

        Optional<DealSigning.Detached> detached() {
            if (keyId == null && signature == null) {
                return Optional.empty();
            }
            if (keyId == null || keyId.isBlank()) {
                throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "keyId", "the id of the registered signing key");
            }
            if (signature == null || signature.isBlank()) {
                throw Rejection.invalid(
                        DealCodes.FIELD_REQUIRED, "signature", "the Ed25519 signature (base64) over the contract");
            }
            return Optional.of(new DealSigning.Detached(keyId, signature, Optional.ofNullable(contractHash)));
        }
    }

    @PostMapping(DEALS + "/{id}/signatures")
    ResponseEntity<SignatureView> sign(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) SignRequest request) {
        Optional<DealSigning.Detached> detached = request == null ? Optional.empty() : request.detached();
        SignatureView view = SignatureView.of(
                detached.map(d -> signing.sign(actor, id, d)).orElseGet(() -> signing.sign(actor, id)));
        return ResponseEntity.created(URI.create(DEALS + "/" + id + "/signatures/" + view.id()))
                .body(view);
    }

    @GetMapping(DEALS + "/{id}/signatures/{signatureId}/verification")
    VerificationView verify(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String signatureId) {
        return VerificationView.of(signing.verify(id, signatureId));
    }

    @PostMapping(DEALS + "/{id}/funding")
    ResponseEntity<String> fund(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute(IdempotentRequest.post(actor, key, DEALS + "/" + id + "/funding", null), () -> {
            return ResponseEntity.ok(DealView.of(reading.afterStep(settlement.fund(actor, id))));
        });
    }

    @PostMapping(DEALS + "/{id}/instalments/{number}/payment")
    ResponseEntity<String> payInstalment(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @PathVariable int number,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        String path = DEALS + "/" + id + "/instalments/" + number + "/payment";
        return idempotency.execute(IdempotentRequest.post(actor, key, path, null), () -> {
            instalments.pay(actor, id, number);
            return ResponseEntity.ok(DealView.of(reading.get(actor, id)));
        });
    }

    @PostMapping(DEALS + "/{id}/delivery")
    DealView deliver(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) DeliveryRequest request) {
        if (request == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object with documents is required");
        }
        return DealView.of(reading.afterStep(settlement.deliver(actor, id, request.documents())));
    }

    @PostMapping(DEALS + "/{id}/runner-up-offer")
    ResponseEntity<DealView> offerToRunnerUp(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        String opened = opening.offerToRunnerUp(actor, id);
        return ResponseEntity.created(URI.create(DEALS + "/" + opened)).body(DealView.of(reading.get(actor, opened)));
    }

    @PostMapping(DEALS + "/{id}/acceptance")
    DealView accept(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return DealView.of(reading.afterStep(settlement.accept(actor, id)));
    }

    /** A cancellation's reason; {@code mutual: true} proposes it to the other party instead of cancelling alone. */
    record CancellationRequest(String reason, Boolean mutual) {}

    record TerminationRequest(String reason, LocalDate effectiveOn) {}

    @PostMapping(DEALS + "/{id}/cancellation")
    DealView cancel(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) CancellationRequest request) {
        if (request == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object with a reason is required");
        }
        ending.cancel(actor, id, request.reason(), Boolean.TRUE.equals(request.mutual()));
        return DealView.of(reading.get(actor, id));
    }

    @PostMapping(DEALS + "/{id}/cancellation/agreement")
    DealView agreeToCancel(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        ending.agreeToCancel(actor, id);
        return DealView.of(reading.get(actor, id));
    }

    @PostMapping(DEALS + "/{id}/termination")
    DealView terminate(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) TerminationRequest request) {
        if (request == null) {
            throw Rejection.invalid(
                    SharedCodes.MALFORMED_JSON, "body", "a JSON object with reason and effectiveOn is required");
        }
        ending.terminate(actor, id, request.reason(), request.effectiveOn());
        return DealView.of(reading.get(actor, id));
    }
}
