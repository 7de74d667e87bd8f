package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.asset.LegalStatus;
import org.techmarket.deal.domain.BrokerCommission;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.domain.ContractAsset;
import org.techmarket.deal.domain.ContractRenderer;
import org.techmarket.deal.domain.ContractType;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.LicenceKind;
import org.techmarket.deal.domain.OfferAccepted;
import org.techmarket.deal.domain.OpenLicenceRoyalty;
import org.techmarket.deal.domain.Party;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.domain.RenderedContract;
import org.techmarket.deal.domain.TransferSubject;
import org.techmarket.deal.domain.Venue;
import org.techmarket.deal.persistence.DealBrokers;
import org.techmarket.deal.persistence.DealInstalments;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.deal.persistence.RoyaltyTerms;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.PledgeSales;
import org.techmarket.participant.BrokerTerms;
import org.techmarket.participant.Brokerage;
import org.techmarket.participant.LegalIdentity;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.participant.VenueSummary;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.OpenLicenceTaken;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Opens a deal, ready for signing, when a listing is awarded, an offer is accepted or an open licence is taken: the
 * contract is paid as the accepted offer says (one sum or instalments, from {@link OfferAccepted}, which the
 * negotiation's acceptance publishes with its award), by running royalty for an open licence taken on a share of
 * revenue, and otherwise in one sum at the award price (or the licence's amount due); it is rendered and hashed once.
 * Each cause opens at most one deal, so a repeated event changes nothing. Deals open just after the sale commits, on
 * a worker thread; the event was stored with the sale, so one that a stopped node did not deliver is delivered again
 * (ADRs 0013, 0015 and 0032). Development, consulting and service contracts open through {@link DirectContracts}.
 */
@Service
public class DealOpening {

    private static final Logger log = LoggerFactory.getLogger(DealOpening.class);
    private static final String NEGOTIATION = "NEGOTIATION";
    static final String OBLIGATIONS = "The seller delivers the documents that embody the technology and establish"
            + " the rights it passes, each identified by its SHA-256 hash, and gives the buyer the technical help"
            + " needed to use them.";

    private final Deals deals;
    private final DealJournal journal;
    private final Participants participants;
    private final Assets assets;
    private final RightsRegistry rights;
    private final ContractRenderer renderer;
    private final DealSettings settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final RoyaltyTerms royaltyTerms;
    private final DealInstalments instalments;
    private final Brokerage brokerage;
    private final DealBrokers dealBrokers;
    private final PledgeSales pledgeSales;

    DealOpening(
            Deals deals,
            DealJournal journal,
            Participants participants,
            Assets assets,
            RightsRegistry rights,
            ContractRenderer renderer,
            DealSettings settings,
            IdGenerator ids,
            Clock clock,
            RoyaltyTerms royaltyTerms,
            DealInstalments instalments,
            Brokerage brokerage,
            DealBrokers dealBrokers,
            PledgeSales pledgeSales) {
        this.pledgeSales = pledgeSales;
        this.brokerage = brokerage;
        this.dealBrokers = dealBrokers;
        this.instalments = instalments;
        this.deals = deals;
        this.journal = journal;
        this.participants = participants;
        this.assets = assets;
        this.rights = rights;
        this.renderer = renderer;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.royaltyTerms = royaltyTerms;
    }

    /**
     * What a deal is opened from: the cause, the contract type and what passes (a transfer or licence has a grant
     * kind; development, consulting and service pass none), the parties, the assets, for how much and how paid, what
     * the seller delivers and how long the buyer has to accept.
     */
    record Opening(
            String cause,
            String venueId,
            Optional<String> listingId,
            Optional<String> openLicenceGrantId,
            String mechanism,
            ContractType type,
            Optional<GrantKind> kind,
            String sellerId,
            String buyerId,
            List<String> assetIds,
            GrantScope scope,
            Money price,
            Optional<String> depositHoldId,
            Optional<ListingAwarded.RunnerUp> runnerUp,
            Optional<PaymentSchedule> schedule,
            String obligations,
            int acceptanceDays) {}

    /** A sale of {@code kind}: an assignment is a TRANSFER contract, anything else a LICENSING one. */
    private Opening sale(
            String cause,
            String venueId,
            Optional<String> listingId,
            Optional<String> grantId,
            String mechanism,
            GrantKind kind,
            String sellerId,
            String buyerId,
            List<String> assetIds,
            GrantScope scope,
            Money price,
            Optional<String> depositHoldId,
            Optional<ListingAwarded.RunnerUp> runnerUp,
            Optional<PaymentSchedule> schedule) {
        ContractType type = kind == GrantKind.ASSIGNMENT ? ContractType.TRANSFER : ContractType.LICENSING;
        return new Opening(
                cause,
                venueId,
                listingId,
                grantId,
                mechanism,
                type,
                Optional.of(kind),
                sellerId,
                buyerId,
                assetIds,
                scope,
                price,
                depositHoldId,
                runnerUp,
                schedule,
                OBLIGATIONS,
                settings.acceptancePeriodDays());
    }

    // After the sale commits, on a worker thread and in a transaction of its own: a failure here must not undo the
    // sale, and the request that made the sale must not hold its connection while waiting for a second one. The ids
    // name the listeners in stored publications, so they stay the same when the methods are renamed.
    @ApplicationModuleListener(id = "deal.opening.listing-awarded")
    void on(ListingAwarded award) {
        // A negotiated listing is awarded by the acceptance of an offer, which publishes OfferAccepted with the
        // agreed payment in the same transaction; its deal opens from that (below), so its award opens nothing here.
        if (NEGOTIATION.equals(award.mechanism())) {
            return;
        }
        openOrExplain("listing:" + award.listingId(), () -> open(fromAward(award)));
    }

    @ApplicationModuleListener(id = "deal.opening.offer-accepted")
    void on(OfferAccepted accepted) {
        openOrExplain("listing:" + accepted.listingId(), () -> open(fromAcceptance(accepted)));
    }

    @ApplicationModuleListener(id = "deal.opening.open-licence-taken")
    void on(OpenLicenceTaken taken) {
        openOrExplain(
                "open-licence:" + taken.grantId(), () -> fromOpenLicence(taken).flatMap(this::open));
    }

    /** Opens the deal of an award; the existing deal when the award opened one before. */
    @Transactional
    public Optional<String> open(ListingAwarded award) {
        return open(fromAward(award));
    }

    /**
     * The seller of a DEFAULTED auction deal offers it, once, to the auction's runner-up at the runner-up's price:
     * a new deal between the seller and the runner-up for the same assets and rights, without a deposit (the
     * runner-up's was released at the close). The defaulted deal's row is locked, so two requests open one deal.
     */
    @Transactional
    public String offerToRunnerUp(Actor actor, String dealId) {
        String organization = actor.organizationId().orElseThrow(() -> DealAccess.notFound(dealId));
        Deal defaulted =
                deals.lock(dealId).filter(d -> d.isParty(organization)).orElseThrow(() -> DealAccess.notFound(dealId));
        DealAccess.sellerOnly(actor, defaulted);
        participants.permitted(actor, MarketAction.OFFER_TO_RUNNER_UP);
        Deal.RunnerUpOffer offer = defaulted.runnerUpOffer();
        if (defaulted.listingId().filter(pledgeSales::superseded).isPresent()) {
            throw Rejection.conflict(
                    DealCodes.PLEDGE_SALE_SUPERSEDED,
                    "The pledgee has listed the pledged assets again since deal " + dealId + " failed");
        }
        if (deals.findByCause(offer.cause()).isPresent()) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    DealCodes.RUNNER_UP_ALREADY_OFFERED,
                    "Deal " + dealId + " was already offered to its runner-up");
        }
        GrantScope scope = defaulted.scope();
        String opened = open(sale(
                        offer.cause(),
                        defaulted.venueId(),
                        defaulted.listingId(),
                        Optional.empty(),
                        defaulted.mechanism(),
                        defaulted.grantKind().orElseThrow(),
                        defaulted.seller().organizationId(),
                        offer.runnerUpId(),
                        defaulted.assets().stream().map(ContractAsset::assetId).toList(),
                        scope,
                        offer.price(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.CONFLICT,
                        DealCodes.RUNNER_UP_ALREADY_OFFERED,
                        "Deal " + dealId + " was already offered to its runner-up"));
        journal.record(actor.auditName(), defaulted, offer.offered(opened, clock.instant()));
        return opened;
    }

    /**
     * A refusal (a party without a credit code, a venue or asset that does not exist) would be the same on every
     * delivery, so it rolls back what the opening wrote, is logged, and the event counts as delivered: the sale
     * stands without a deal. Any other failure fails the delivery, which is resubmitted later (ADR 0015).
     */
    private void openOrExplain(String cause, Supplier<Optional<String>> opening) {
        try {
            opening.get();
        } catch (Rejection refused) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            log.warn("No deal opened for {}: {} {}", cause, refused.code(), refused.getMessage());
        }
    }

    /** Opens the deal unless its cause opened one before; the deal's id, or empty when none can be opened. */
    Optional<String> open(Opening o) {
        Optional<Deal> earlier = deals.findByCause(o.cause());
        if (earlier.isPresent()) {
            return earlier.map(Deal::id);
        }
        if (o.kind().equals(Optional.of(GrantKind.PLEDGE))) {
            log.warn("No deal opened for {}: a pledge is not sold", o.cause());
            return Optional.empty();
        }
        Instant now = clock.instant();
        String id = ids.newId();
        VenueSummary venue =
                participants.venue(o.venueId()).orElseThrow(() -> Rejection.notFound("Venue", o.venueId()));
        List<ContractAsset> named =
                o.assetIds().stream().map(this::contractAsset).toList();
        ContractType type = o.type();
        Optional<TransferSubject> subject =
                type == ContractType.TRANSFER ? Optional.of(subject(o.assetIds())) : Optional.empty();
        Optional<LicenceKind> licenceKind = type == ContractType.LICENSING
                ? Optional.of(licenceKind(o.kind().orElseThrow()))
                : Optional.empty();
        LocalDate paymentDue = firstDueDate(o.schedule())
                .orElse(LocalDate.ofInstant(now.plus(settings.fundingPeriod()), ZoneOffset.UTC));
        Deal row = new Deal(
                id,
                o.cause(),
                o.venueId(),
                o.listingId(),
                o.openLicenceGrantId(),
                o.mechanism(),
                DealStatus.DRAFT,
                type,
                o.kind(),
                subject,
                licenceKind,
                party(o.sellerId()),
                party(o.buyerId()),
                named,
                o.scope().fields(),
                o.scope().territories(),
                o.scope().start(),
                Optional.ofNullable(o.scope().end()),
                o.price(),
                paymentDue,
                o.acceptanceDays(),
                o.obligations(),
                o.depositHoldId(),
                o.runnerUp().map(ListingAwarded.RunnerUp::bidderId),
                o.runnerUp().map(ListingAwarded.RunnerUp::price),
                "0".repeat(64),
                "",
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now);
        Contract contract = DealTerms.contract(row, o.schedule());
        List<BrokerCommission> brokers = brokers(o);
        RenderedContract rendered = BrokerCommission.naming(
                renderer.render(id, new Venue(venue.id(), venue.name(), venue.name(), venue.region()), contract),
                brokers,
                o.price());
        Deal.Moved opened = row.open(
                rendered.hash().hex(),
                rendered.zh(),
                rendered.en(),
                contract.payment().kind(),
                now);
        if (!deals.open(opened.deal())) {
            return deals.findByCause(o.cause()).map(Deal::id);
        }
        brokers.forEach(b -> dealBrokers.add(id, b, o.price()));
        if (o.schedule().orElse(null) instanceof PaymentSchedule.RunningRoyalty royalty) {
            royaltyTerms.store(id, royalty);
        } else if (o.schedule().orElse(null) instanceof PaymentSchedule.Instalments parts) {
            instalments.store(id, parts);
        }
        journal.record(Actor.SYSTEM.auditName(), opened);
        return Optional.of(id);
    }

    /** The brokers through which the seller and the buyer acted on the listing, as the contract names them. */
    private List<BrokerCommission> brokers(Opening o) {
        if (o.listingId().isEmpty()) {
            return List.of();
        }
        String listing = o.listingId().get();
        List<BrokerCommission> named = new ArrayList<>();
        brokerage
                .brokerOn(listing, o.sellerId())
                .ifPresent(t -> named.add(commission(BrokerCommission.Side.SELLER, t)));
        brokerage.brokerOn(listing, o.buyerId()).ifPresent(t -> named.add(commission(BrokerCommission.Side.BUYER, t)));
        return named;
    }

    private static BrokerCommission commission(BrokerCommission.Side side, BrokerTerms terms) {
        return new BrokerCommission(
                side,
                terms.brokerId(),
                terms.brokerName(),
                terms.clientId(),
                terms.mandateId(),
                terms.basisPoints(),
                terms.minimum());
    }

    /** An auction's or a fixed-price sale's deal, paid in one sum at the award price. */
    private Opening fromAward(ListingAwarded a) {
        return sale(
                "listing:" + a.listingId(),
                a.venueId(),
                Optional.of(a.listingId()),
                Optional.empty(),
                a.mechanism(),
                a.offeredKind(),
                a.sellerId(),
                a.buyerId(),
                a.assetIds(),
                saleScope(a.offeredKind(), a.licenceScope(), a.awardedAt()),
                a.price(),
                a.depositHoldId(),
                a.runnerUp(),
                Optional.empty());
    }

    /** A negotiation's deal, paid as the accepted offer says; the cause is its listing's, as for any sale. */
    private Opening fromAcceptance(OfferAccepted a) {
        return sale(
                "listing:" + a.listingId(),
                a.venueId(),
                Optional.of(a.listingId()),
                Optional.empty(),
                NEGOTIATION,
                a.offeredKind(),
                a.sellerId(),
                a.buyerId(),
                a.assetIds(),
                saleScope(a.offeredKind(), a.licenceScope(), a.acceptedAt()),
                a.price(),
                a.depositHoldId(),
                Optional.empty(),
                Optional.of(a.payment()));
    }

    /** An assignment passes the whole right from the sale's day; a licence the scope it was sold with. */
    private static GrantScope saleScope(GrantKind kind, Optional<GrantScope> licenceScope, Instant soldAt) {
        LocalDate today = LocalDate.ofInstant(soldAt, ZoneOffset.UTC);
        GrantScope whole = GrantScope.unrestricted(today, null);
        return kind == GrantKind.ASSIGNMENT ? whole : licenceScope.orElse(whole);
    }

    private Optional<Opening> fromOpenLicence(OpenLicenceTaken taken) {
        Optional<GrantSummary> grant = rights.find(taken.grantId());
        if (grant.isEmpty()
                || (!taken.amountDue().isPositive() && taken.revenueShare().isEmpty())) {
            log.info("Open licence {} owes nothing through the venue; no deal opened", taken.grantId());
            return Optional.empty();
        }
        String seller = grant.get().grantorIds().stream().sorted().findFirst().orElseThrow();
        String venueId = participants.requireOrganization(seller, "sellerId").venueId();
        // A share of revenue is paid period by period, its minimums included, so such a deal has no upfront fee.
        Optional<PaymentSchedule.RunningRoyalty> royalty = taken.revenueShare()
                .map(share -> OpenLicenceRoyalty.quarterly(share.basisPoints(), share.minimumPerYear()));
        Money price = royalty.isPresent() ? Money.zero(taken.amountDue().currency()) : taken.amountDue();
        return Optional.of(sale(
                "open-licence:" + taken.grantId(),
                venueId,
                Optional.empty(),
                Optional.of(taken.grantId()),
                "OPEN_LICENCE",
                GrantKind.OPEN_LICENCE,
                seller,
                taken.licenseeId(),
                List.of(taken.assetId()),
                grant.get().scope(),
                price,
                Optional.empty(),
                Optional.empty(),
                royalty.map(r -> r)));
    }

    private static Optional<LocalDate> firstDueDate(Optional<PaymentSchedule> schedule) {
        if (schedule.orElse(null) instanceof PaymentSchedule.LumpSum lump) {
            return Optional.of(lump.dueDate());
        }
        if (schedule.orElse(null) instanceof PaymentSchedule.Instalments parts) {
            return Optional.of(parts.instalments().get(0).dueDate());
        }
        return Optional.empty();
    }

    /** The party as the contract names it: an organization by its credit code, an individual as a natural person. */
    private Party party(String organizationId) {
        var organization = participants.requireOrganization(organizationId, "organizationId");
        LegalIdentity identity = participants.legalIdentity(organizationId).orElseThrow(() -> unnamed(organization));
        return switch (identity.kind()) {
            case CREDIT_CODE ->
                Party.organization(organization.id(), organization.name(), identity.number(), organization.region());
            case RESIDENT_ID ->
                Party.naturalPerson(organization.id(), organization.name(), identity.number(), organization.region());
        };
    }

    private static Rejection unnamed(OrganizationSummary organization) {
        return organization.type().isNaturalPerson()
                ? new Rejection(
                        Rejection.Kind.UNPROCESSABLE,
                        DealCodes.PARTY_WITHOUT_IDENTITY_NUMBER,
                        "Individual " + organization.id()
                                + " has no resident identity number, by which a contract names a person")
                : new Rejection(
                        Rejection.Kind.UNPROCESSABLE,
                        DealCodes.PARTY_WITHOUT_CREDIT_CODE,
                        "Organization " + organization.id()
                                + " has no unified social credit code, which a technology contract names");
    }

    private ContractAsset contractAsset(String assetId) {
        AssetSummary asset = assets.find(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        return new ContractAsset(asset.id(), asset.title(), assets.patentNumber(assetId));
    }

    private TransferSubject subject(List<String> assetIds) {
        List<AssetSummary> found =
                assetIds.stream().map(id -> assets.find(id).orElseThrow()).toList();
        if (found.stream()
                .allMatch(
                        a -> a.kind().isPatent() && assets.patentNumber(a.id()).isPresent())) {
            return found.stream().allMatch(a -> a.legalStatus() == LegalStatus.GRANTED)
                    ? TransferSubject.PATENT_RIGHT
                    : TransferSubject.PATENT_APPLICATION_RIGHT;
        }
        return TransferSubject.KNOW_HOW;
    }

    private static LicenceKind licenceKind(GrantKind kind) {
        return switch (kind) {
            case EXCLUSIVE_LICENCE -> LicenceKind.EXCLUSIVE;
            case SOLE_LICENCE -> LicenceKind.SOLE;
            default -> LicenceKind.NON_EXCLUSIVE;
        };
    }
}
