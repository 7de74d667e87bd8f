package org.techmarket.deal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.DevelopmentCommissions;
import org.techmarket.deal.domain.ContractType;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealEvent.ContractProposed;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Development, consulting and service contracts, which buy work rather than rights in an asset, so no listing sells
 * them: the party that does the work (the seller: developer, consultant or service provider) proposes the contract
 * to its client (the buyer), and the deal opens in SIGNING at the venue of the proposer. Both signing is the
 * client's agreement; either party may cancel until the deal is funded. From then on it is settled like any deal,
 * and its completion records no grant.
 */
@Service
public class DirectContracts implements DevelopmentCommissions {

    /** The mechanism a directly concluded contract shows, where a sale shows its listing's. */
    public static final String DIRECT = "DIRECT";

    /**
     * A proposed contract: its type, the client, the price and how it is paid, the work to deliver, the days the
     * client has to accept a delivery (the venue's default when absent) and the last day of the work, if agreed.
     */
    public record Proposal(
            ContractType type,
            String clientId,
            Money price,
            PaymentSchedule payment,
            String deliveryObligations,
            Optional<Integer> acceptancePeriodDays,
            Optional<LocalDate> workEndsOn) {}

    private final DealOpening opening;
    private final Deals deals;
    private final Participants participants;
    private final DealJournal journal;
    private final DealSettings settings;
    private final IdGenerator ids;
    private final Ledger ledger;
    private final Clock clock;

    DirectContracts(
            DealOpening opening,
            Deals deals,
            Participants participants,
            DealJournal journal,
            DealSettings settings,
            IdGenerator ids,
            Ledger ledger,
            Clock clock) {
        this.opening = opening;
        this.deals = deals;
        this.participants = participants;
        this.journal = journal;
        this.settings = settings;
        this.ids = ids;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Opens the proposed contract's deal in SIGNING and returns its id. */
    @Transactional
    public String propose(Actor actor, Proposal proposal) {
        if (proposal.type().passesRights()) {
            throw Rejection.invalid(
                    DealCodes.DIRECT_TYPE_NOT_ALLOWED,
                    "type",
                    "transfers and licences of"
                            + " registered technology are sold through listings, where the rights registry checks them;"
                            + " a direct contract is DEVELOPMENT, CONSULTING or SERVICE");
        }
        OrganizationSummary provider = participants.permitted(actor, MarketAction.PROPOSE_CONTRACT);
        OrganizationSummary client = participants.requireOrganization(proposal.clientId(), "clientId");
        return open(actor, provider, client, provider.venueId(), "direct:" + ids.newId(), proposal, Optional.empty());
    }

    /**
     * Opens a DEVELOPMENT deal the client commissions from the developer, paid in the given instalments; the deal of an
     * earlier call with the same cause when there is one. Refused as a direct contract is, and 403 when the actor does
     * not act for the client.
     */
    @Override
    @Transactional
    public String commission(Actor actor, Commission commission) {
        Optional<Deal> earlier = deals.findByCause(commission.cause());
        if (earlier.isPresent()) {
            return earlier.get().id();
        }
        if (!actor.belongsTo(commission.clientId())) {
            throw Rejection.forbidden("A development is commissioned by a member of the client");
        }
        OrganizationSummary client = participants.permitted(actor, MarketAction.SIGN_DEAL);
        OrganizationSummary developer =
                participants.requirePermitted(commission.developerId(), MarketAction.PROPOSE_CONTRACT);
        PaymentSchedule.Instalments payment = new PaymentSchedule.Instalments(commission.instalments().stream()
                .map(i -> new PaymentSchedule.Instalment(i.amount(), i.dueDate()))
                .toList());
        Optional<LocalDate> workEnds = Optional.of(commission
                .instalments()
                .get(commission.instalments().size() - 1)
                .dueDate());
        Proposal proposal = new Proposal(
                ContractType.DEVELOPMENT,
                client.id(),
                commission.price(),
                payment,
                commission.deliveryObligations(),
                Optional.empty(),
                workEnds);
        commission.reserveHoldId().ifPresent(hold -> requireReserve(hold, client.id(), commission.price()));
        return open(
                actor, developer, client, client.venueId(), commission.cause(), proposal, commission.reserveHoldId());
    }

    private String open(
            Actor actor,
            OrganizationSummary provider,
            OrganizationSummary client,
            String venueId,
            String cause,
            Proposal proposal,
            Optional<String> reserveHoldId) {
        if (!client.status().mayTrade()) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    DealCodes.COUNTERPARTY_NOT_VERIFIED,
                    "Organization " + client.id() + " is " + client.status() + "; only verified organizations"
                            + " contract");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate workEnd = proposal.workEndsOn().orElse(null);
        if (workEnd != null && workEnd.isBefore(today)) {
            throw Rejection.invalid(RightsCodes.INVALID_TERM, "workEndsOn", "the work cannot end before today");
        }
        GrantScope term = GrantScope.unrestricted(today, workEnd == null ? null : workEnd.plusDays(1));
        String dealId = opening.open(new DealOpening.Opening(
                        cause,
                        venueId,
                        Optional.empty(),
                        Optional.empty(),
                        DIRECT,
                        proposal.type(),
                        Optional.empty(),
                        provider.id(),
                        client.id(),
                        List.of(),
                        term,
                        proposal.price(),
                        reserveHoldId,
                        Optional.empty(),
                        Optional.of(proposal.payment()),
                        proposal.deliveryObligations(),
                        proposal.acceptancePeriodDays().orElse(settings.acceptancePeriodDays())))
                .orElseThrow();
        Deal deal = deals.find(dealId).orElseThrow();
        journal.record(
                actor.auditName(),
                deal,
                new ContractProposed(deal.createdAt(), proposal.type(), client.id(), proposal.price()));
        return dealId;
    }

    /** A commission's reserve is a hold of the client's that still has the whole price. */
    private void requireReserve(String holdId, String clientId, Money price) {
        Hold hold = ledger.findHold(holdId).orElseThrow(() -> new IllegalArgumentException("no hold " + holdId));
        if (!hold.organizationId().equals(clientId)
                || !hold.remaining().currency().equals(price.currency())
                || hold.remaining().minor() < price.minor()) {
            throw new IllegalArgumentException("hold " + holdId + " does not reserve " + price + " of " + clientId);
        }
    }
}
