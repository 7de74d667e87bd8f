package org.techmarket.web.deal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.techmarket.deal.application.DealReading.DealDetails;
import org.techmarket.deal.application.RoyaltyReporting.RoyaltyStatement;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.domain.RoyaltyPeriod;
import org.techmarket.deal.persistence.Registrations.RegistrationRow;
import org.techmarket.shared.Actor;

/**
 * What the deal room shows a party and which steps it offers: only those the party may take in the deal's status
 * (the services refuse the rest all the same). A lender enforcing its pledge on the sale of a defaulted loan's
 * collateral ({@code enforcing}, ADR 0062) is offered the seller's signature and delivery, which the API lets it make.
 */
public record DealRoom(
        DealDetails details,
        boolean seller,
        boolean buyer,
        boolean enforcing,
        boolean signedByUs,
        Optional<RegistrationRow> registration,
        List<RoyaltyPeriod> missingRoyaltyPeriods) {

    private static final Set<DealStatus> DISPUTABLE = EnumSet.of(DealStatus.FUNDED, DealStatus.DELIVERED);
    private static final Set<DealStatus> PAYING = EnumSet.of(DealStatus.FUNDED, DealStatus.DELIVERED);
    private static final Set<DealStatus> REGISTRABLE =
            EnumSet.of(DealStatus.SIGNED, DealStatus.FUNDED, DealStatus.DELIVERED, DealStatus.COMPLETED);

    static DealRoom of(
            DealDetails details,
            Actor actor,
            boolean enforcing,
            Optional<RegistrationRow> registration,
            Optional<RoyaltyStatement> royalties) {
        Deal deal = details.deal();
        boolean party = actor.organizationId().map(deal::isParty).orElse(false);
        String seller = deal.seller().organizationId();
        return new DealRoom(
                details,
                party && actor.belongsTo(seller),
                party && actor.belongsTo(deal.buyer().organizationId()),
                enforcing,
                details.signatures().stream()
                        .anyMatch(s -> actor.belongsTo(s.organizationId())
                                || (enforcing && s.organizationId().equals(seller))),
                registration,
                royalties.map(RoyaltyStatement::missing).orElse(List.of()));
    }

    public Deal deal() {
        return details.deal();
    }

    public boolean party() {
        return seller || buyer;
    }

    /** Whether the visitor may take any step here: a party, or a lender enforcing its pledge for the seller. */
    public boolean acts() {
        return party() || enforcing;
    }

    public boolean maySign() {
        return acts() && !signedByUs && deal().status() == DealStatus.SIGNING;
    }

    public boolean mayFund() {
        return buyer && deal().status() == DealStatus.SIGNED;
    }

    /** The next unpaid instalment after the first (which funding pays), when the buyer may pay it now. */
    public Optional<InstalmentPlan.Entry> payableInstalment() {
        if (!buyer || !PAYING.contains(deal().status())) {
            return Optional.empty();
        }
        return details.instalments()
                .flatMap(plan -> plan.entries().stream()
                        .filter(e -> e.number() > 1 && !e.paid())
                        .findFirst());
    }

    public boolean mayDeliver() {
        return (seller || enforcing) && deal().status() == DealStatus.FUNDED;
    }

    public boolean mayAccept() {
        return buyer && deal().status() == DealStatus.DELIVERED;
    }

    public boolean mayDispute() {
        return party() && DISPUTABLE.contains(deal().status());
    }

    public boolean mayRegister() {
        return party() && registration.isEmpty() && REGISTRABLE.contains(deal().status());
    }

    public boolean mayReportRoyalty() {
        return buyer && deal().status() == DealStatus.COMPLETED && !missingRoyaltyPeriods.isEmpty();
    }
}
