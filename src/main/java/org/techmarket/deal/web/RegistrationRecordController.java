package org.techmarket.deal.web;

import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.deal.application.DealRegistration;
import org.techmarket.deal.domain.TransferIncomeQualification;
import org.techmarket.deal.web.DealJson.PartyView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/** Technology contract registration over HTTP: register a signed deal, read a registration by its number. */
@RestController
class RegistrationRecordController {

    private final DealRegistration registration;

    RegistrationRecordController(DealRegistration registration) {
        this.registration = registration;
    }

    /** A registration record; its parties are shown as in a deal's JSON, a natural person's number masked. */
    record RegistrationView(
            String number,
            String dealId,
            String venueId,
            String contractHash,
            PartyView seller,
            PartyView buyer,
            String contractType,
            String transferSubject,
            String licenceKind,
            Money transactionAmount,
            String qualification,
            String qualificationReason,
            boolean qualifiesAsTechnologyTransferIncome,
            LocalDate registeredOn) {
        static RegistrationView of(DealRegistration.Registered r) {
            var row = r.registration();
            var deal = r.deal();
            return new RegistrationView(
                    row.number(),
                    row.dealId(),
                    row.venueId(),
                    row.contractHash(),
                    PartyView.of(deal.seller()),
                    PartyView.of(deal.buyer()),
                    row.contractType(),
                    deal.transferSubject().map(Enum::name).orElse(null),
                    deal.licenceKind().map(Enum::name).orElse(null),
                    Money.of(row.amountMinor(), row.currency()),
                    row.qualification(),
                    TransferIncomeQualification.valueOf(row.qualification()).reason(),
                    row.qualifies(),
                    row.registeredOn());
        }
    }

    @PostMapping("/api/v1/deals/{id}/registration")
    ResponseEntity<RegistrationView> register(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        RegistrationView view = RegistrationView.of(registration.register(actor, id));
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + view.number()))
                .body(view);
    }

    @GetMapping("/api/v1/registrations/{number}")
    RegistrationView find(@AuthenticationPrincipal Actor actor, @PathVariable String number) {
        return RegistrationView.of(registration.find(actor, number));
    }
}
