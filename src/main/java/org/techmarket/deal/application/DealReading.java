package org.techmarket.deal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.ContractLanguage;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.DealSummary;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.persistence.CancellationProposals;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealHistory;
import org.techmarket.deal.persistence.DealParticulars;
import org.techmarket.deal.persistence.DealPaymentTerms;
import org.techmarket.deal.persistence.DealSignatures;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.deal.persistence.Registrations;
import org.techmarket.deal.persistence.Registrations.RegistrationRow;
import org.techmarket.ledger.AccountEntry;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.Ledger;
import org.techmarket.listing.PledgeSales;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Reads deals as their parties, operators and regulators may see them. */
@Service
public class DealReading {

    /**
     * A deal with everything that happened to it, what its escrow holds now, what funding asks of the buyer (the
     * price or its first instalment, and the buyer's broker's commission when the contract names one), how its
     * contract is paid and, when in instalments, which are paid.
     */
    public record DealDetails(
            Deal deal,
            Money escrowBalance,
            Money fundingAmount,
            Money buyersBrokerCommission,
            List<DealHistory.Step> history,
            List<DealSignatures.SignatureRow> signatures,
            List<DealDeliveries.Document> documents,
            List<DealDeliveries.RecordedGrant> grants,
            Optional<String> runnerUpDealId,
            PaymentSchedule payment,
            Optional<InstalmentPlan> instalments,
            List<Integer> overdueInstalments,
            Optional<CancellationProposals.Proposal> cancellationProposal) {}

    /** The statuses in which a deal owes its unpaid instalments, so that one past its due date is overdue. */
    private static final Set<DealStatus> OWING = EnumSet.of(
            DealStatus.SIGNED, DealStatus.FUNDED, DealStatus.DELIVERED, DealStatus.DISPUTED, DealStatus.COMPLETED);

    /** Whose deals a list shows: the organization's as buyer, as seller, or those of sales it listed as pledgee. */
    private static final Set<String> ROLES = Set.of("buyer", "seller", "pledgee");

    /** A contract's text in one language and the hash over both. */
    public record ContractText(String dealId, String language, String text, String hash) {}

    private final DealAccess access;
    private final Deals deals;
    private final DealParticulars particulars;
    private final Ledger ledger;
    private final DealContracts contracts;
    private final CancellationProposals proposals;
    private final Registrations registrations;
    private final PledgeSales pledgeSales;
    private final ReadsTogether reads;
    private final Clock clock;

    DealReading(
            DealAccess access,
            Deals deals,
            DealParticulars particulars,
            Ledger ledger,
            DealContracts contracts,
            CancellationProposals proposals,
            Registrations registrations,
            PledgeSales pledgeSales,
            ReadsTogether reads,
            Clock clock) {
        this.proposals = proposals;
        this.registrations = registrations;
        this.reads = reads;
        this.pledgeSales = pledgeSales;
        this.clock = clock;
        this.contracts = contracts;
        this.access = access;
        this.deals = deals;
        this.particulars = particulars;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public Page<Deal> list(
            Actor actor, Optional<String> role, Optional<DealStatus> status, String cursor, Integer limit) {
        if (role.isPresent() && !ROLES.contains(role.get())) {
            throw Rejection.invalid(SharedCodes.INVALID_ROLE, "role", "role is buyer, seller or pledgee");
        }
        Optional<String> organization =
                actor.seesWholeMarket() && actor.organizationId().isEmpty()
                        ? Optional.empty()
                        : Optional.of(actor.requireOrganization());
        int size = Cursor.limit(limit);
        List<Deal> rows = role.filter("pledgee"::equals).isPresent()
                ? deals.onListings(
                        pledgeSales.listedBy(actor.requireOrganization()), status, Cursor.decode(cursor), size + 1)
                : deals.ofOrganization(organization, role, status, Cursor.decode(cursor), size + 1);
        return Page.of(rows, size, Deal::id);
    }

    /**
     * A page of the caller's organization's deals, as seller or buyer, in the order {@link #list} gives them, each
     * with only what a list shows ({@link DealSummary}).
     */
    @Transactional(readOnly = true)
    public Page<DealSummary> summaries(Actor actor, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return Page.of(
                deals.summariesOf(actor.requireOrganization(), Cursor.decode(cursor), size + 1), size, DealSummary::id);
    }

    /** As {@link #summaries(Actor, String, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Page<DealSummary>> summaries(
            Actor actor, String cursor, Integer limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return deals.summariesOf(actor.requireOrganization(), Cursor.decode(cursor), size + 1, batch)
                .map(rows -> Page.of(rows, size, DealSummary::id));
    }

    /**
     * The deal as the actor may see it, with all its view shows, read in one round trip: the deal and its payment
     * terms, history, signatures, deliveries and grants, its escrow's balance and a proposal to cancel it.
     */
    // One round trip, its own implicit transaction: a transaction of the read's own cost one more, to commit. Inside a
    // step's transaction it reads in that transaction and sees the step's work.
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public DealDetails get(Actor actor, String dealId) {
        ReadsTogether.Batch batch = reads.batch();
        ReadsTogether.Later<DealDetails> details = details(actor, dealId, batch);
        batch.send();
        return details.get();
    }

    /** A deal's view and its registration, if it is registered: what the deal room and its certificate show. */
    public record Registered(DealDetails details, Optional<RegistrationRow> registration) {}

    /** As {@link #get}, with the deal's registration read in the same round trip. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Registered withRegistration(Actor actor, String dealId) {
        ReadsTogether.Batch batch = reads.batch();
        ReadsTogether.Later<DealDetails> details = details(actor, dealId, batch);
        ReadsTogether.Later<Optional<RegistrationRow>> registration = registrations.ofDeal(dealId, batch);
        batch.send();
        // the deal's details first: they refuse an actor who may not read the deal
        DealDetails readable = details.get();
        return new Registered(readable, registration.get());
    }

    /**
     * The deal's view as a settlement step just left it, for the party that took the step: the deal and its payment
     * terms are the step's own, and so is the escrow's balance when the step moved it; what is left (its history,
     * signatures, documents and grants, the balance after a step that did not move it, a proposal to cancel it) is
     * read in one round trip and no transaction of its own, after the step's locks are released.
     */
    public DealDetails afterStep(DealSettlement.Stepped step) {
        Deal deal = step.deal();
        ReadsTogether.Batch batch = reads.batch();
        ReadsTogether.Later<DealParticulars.Particulars> read = particulars.of(deal.id(), batch);
        ReadsTogether.Later<Money> escrow = step.escrow()
                .map(ReadsTogether.Later::of)
                .orElseGet(() -> escrowBalance(deal.id(), batch).map(balances -> balance(balances, deal)));
        ReadsTogether.Later<Optional<CancellationProposals.Proposal>> proposal =
                mayBeCancelled(deal) ? proposals.find(deal.id(), batch) : ReadsTogether.Later.of(Optional.empty());
        batch.send();
        return details(deal, step.terms(), escrow.get(), read.get(), proposal.get());
    }

    /** Adds the reads of the deal's view to {@code batch}; its answer refuses an actor who may not read the deal. */
    private ReadsTogether.Later<DealDetails> details(Actor actor, String dealId, ReadsTogether.Batch batch) {
        ReadsTogether.Later<Optional<Deal>> found = deals.find(dealId, batch);
        ReadsTogether.Later<DealPaymentTerms.Terms> terms = contracts.terms(dealId, batch);
        ReadsTogether.Later<DealParticulars.Particulars> read = particulars.of(dealId, batch);
        ReadsTogether.Later<Map<String, Money>> escrow = escrowBalance(dealId, batch);
        ReadsTogether.Later<Optional<CancellationProposals.Proposal>> proposal = proposals.find(dealId, batch);
        return found.map(deal -> {
            Deal readable = access.readable(actor, deal, dealId);
            return details(
                    readable,
                    terms.get(),
                    balance(escrow.get(), readable),
                    read.get(),
                    proposal.get().filter(p -> mayBeCancelled(readable)));
        });
    }

    private ReadsTogether.Later<Map<String, Money>> escrowBalance(String dealId, ReadsTogether.Batch batch) {
        return ledger.balances(AccountKind.ESCROW, dealId, batch);
    }

    /** The balance of the deal's escrow in the deal's currency: zero until it is opened. */
    private static Money balance(Map<String, Money> escrows, Deal deal) {
        String currency = deal.price().currency();
        return escrows.getOrDefault(currency, Money.zero(currency));
    }

    /** A proposal is shown only while the deal may still be cancelled, before escrow holds money. */
    private static boolean mayBeCancelled(Deal deal) {
        return deal.status().canBecome(DealStatus.CANCELLED, deal.contractType())
                && !deal.status().holdsEscrow();
    }

    private DealDetails details(
            Deal deal,
            DealPaymentTerms.Terms terms,
            Money escrow,
            DealParticulars.Particulars particulars,
            Optional<CancellationProposals.Proposal> proposal) {
        String dealId = deal.id();
        Optional<InstalmentPlan> plan = terms.instalments();
        PaymentSchedule payment = contracts.of(deal, terms).payment();
        Money commission =
                Money.of(terms.buyersCommission().dueFen(), deal.price().currency());
        return new DealDetails(
                deal,
                escrow,
                payment.fundingAmount(deal.price()).plus(commission),
                commission,
                particulars.history(),
                particulars.signatures(),
                particulars.documents(),
                particulars.grants(),
                // only a defaulted deal is ever offered to its runner-up
                deal.status() == DealStatus.DEFAULTED
                        ? deals.findByCause(Deal.RUNNER_UP_CAUSE + dealId).map(Deal::id)
                        : Optional.empty(),
                payment,
                plan,
                plan.filter(p -> OWING.contains(deal.status()))
                        .map(p -> p.overdueOn(LocalDate.now(clock.withZone(ZoneOffset.UTC))))
                        .orElse(List.of()),
                proposal);
    }

    /** A page of a deal's escrow account: its balance now and its entries after {@code after}, oldest first. */
    public record EscrowStatement(
            String dealId, String account, Money balance, List<AccountEntry> entries, Optional<Long> nextAfter) {}

    /** The deal's escrow statement, for its parties, operators and regulators. */
    @Transactional(readOnly = true)
    public EscrowStatement escrow(Actor actor, String dealId, long after, Integer limit) {
        Deal deal = access.readable(actor, dealId);
        if (after < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "after", "after must not be negative");
        }
        int size = Cursor.limit(limit);
        AccountId account = AccountId.escrow(dealId, deal.price().currency());
        List<AccountEntry> lines = ledger.entries(account, after, size + 1);
        List<AccountEntry> page = lines.stream().limit(size).toList();
        return new EscrowStatement(
                dealId,
                account.key(),
                ledger.balance(account),
                page,
                lines.size() > size ? Optional.of(page.get(size - 1).sequence()) : Optional.empty());
    }

    @Transactional(readOnly = true)
    public ContractText contract(Actor actor, String dealId, String lang) {
        ContractLanguage language = ContractLanguage.fromTag(lang == null ? "zh" : lang)
                .orElseThrow(() -> Rejection.invalid(DealCodes.INVALID_LANGUAGE, "lang", "lang is zh or en"));
        Deal deal = access.readable(actor, dealId);
        return new ContractText(
                dealId,
                language.tag(),
                language == ContractLanguage.ZH ? deal.contractZh() : deal.contractEn(),
                deal.contractHash());
    }
}
