package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.ContractHash;
import org.techmarket.deal.domain.ContractRegistration;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.RegistrationNumber;
import org.techmarket.deal.domain.Venue;
import org.techmarket.deal.persistence.Registrations;
import org.techmarket.deal.persistence.Registrations.RegistrationRow;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.participant.VenueSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Registers a signed technology contract with its venue: a number of the venue's region and the year, the
 * contract hash, parties, type, amount and whether the income qualifies as technology transfer income. A deal is
 * registered once; its parties, operators and regulators read the record.
 */
@Service
public class DealRegistration {

    /** A registration and the deal it certifies. */
    public record Registered(RegistrationRow registration, Deal deal) {}

    private final DealAccess access;
    private final Registrations registrations;
    private final Participants participants;
    private final DealJournal journal;
    private final Clock clock;
    private final DealContracts contracts;

    DealRegistration(
            DealAccess access,
            Registrations registrations,
            Participants participants,
            DealJournal journal,
            Clock clock,
            DealContracts contracts) {
        this.access = access;
        this.registrations = registrations;
        this.participants = participants;
        this.journal = journal;
        this.clock = clock;
        this.contracts = contracts;
    }

    @Transactional
    public Registered register(Actor actor, String dealId) {
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.REGISTER_CONTRACT);
        if (registrations.ofDeal(dealId).isPresent()) {
            throw Rejection.conflict(DealCodes.ALREADY_REGISTERED, "Deal " + dealId + " is already registered");
        }
        deal.requireRegistrable();
        VenueSummary summary =
                participants.venue(deal.venueId()).orElseThrow(() -> Rejection.notFound("Venue", deal.venueId()));
        Venue venue = new Venue(summary.id(), summary.name(), summary.name(), summary.region());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        RegistrationNumber number = new RegistrationNumber(
                today.getYear(), venue.regionCode(), registrations.nextSerial(venue.id(), today.getYear()));
        // Whether one party wholly owns the other is not yet known to the participant registry's API.
        ContractRegistration registration = ContractRegistration.register(
                number, venue, contracts.of(deal), new ContractHash(deal.contractHash()), deal.status(), false, today);
        Deal.Moved registered = deal.register(number.text(), registration.qualification(), now);
        registrations.add(dealId, registration, now);
        journal.record(actor.auditName(), registered);
        return new Registered(registrations.find(number.text()).orElseThrow(), deal);
    }

    @Transactional(readOnly = true)
    public Registered find(Actor actor, String number) {
        RegistrationRow row =
                registrations.find(RegistrationNumber.parse(number).text()).orElseThrow(() -> notFound(number));
        try {
            return new Registered(row, access.readable(actor, row.dealId()));
        } catch (Rejection hidden) {
            throw notFound(number);
        }
    }

    private static Rejection notFound(String number) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND,
                DealCodes.REGISTRATION_NOT_FOUND,
                "Registration " + number + " does not exist");
    }
}
