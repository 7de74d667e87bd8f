package org.techmarket.financing.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.audit.AuditLog;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.financing.domain.Collateral;
import org.techmarket.financing.domain.FinancingRequest;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.persistence.FinancingRequests;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.valuation.AssetValuations;

/**
 * Owners ask for financing against their assets and co-owners consent; lenders offer on open requests. Each step
 * locks the request it changes and is audited in its transaction.
 */
@Service
public class FinancingDesk {

    private final FinancingRequests requests;
    private final FinancingAccess access;
    private final Assets assets;
    private final AssetValuations valuations;
    private final Participants participants;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    FinancingDesk(
            FinancingRequests requests,
            FinancingAccess access,
            Assets assets,
            AssetValuations valuations,
            Participants participants,
            AuditLog audit,
            IdGenerator ids,
            Clock clock) {
        this.requests = requests;
        this.access = access;
        this.assets = assets;
        this.valuations = valuations;
        this.participants = participants;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * An owner asks for {@code amount} over {@code termMonths} against the assets, each with its latest valuation
     * attached; the requester must own every asset, and its co-owners are asked to consent.
     */
    @Transactional
    public FinancingRequest ask(Actor actor, List<String> assetIds, Money amount, Integer termMonths, String purpose) {
        String owner = participants.permitted(actor, MarketAction.GRANT).id();
        FinancingRequest.requireValid(assetIds, amount, termMonths, purpose);
        Map<String, AssetSummary> found = assets.findAll(assetIds);
        Set<String> pledgors = new TreeSet<>();
        List<Collateral> collateral = new ArrayList<>();
        for (String assetId : assetIds) {
            AssetSummary asset = found.get(assetId);
            if (asset == null || !asset.ownerShares().containsKey(owner)) {
                throw new Rejection(
                        Rejection.Kind.FORBIDDEN,
                        FinancingCodes.NOT_COLLATERAL_OWNER,
                        "Only an owner of asset " + assetId + " may pledge it");
            }
            pledgors.addAll(asset.ownerShares().keySet());
            var latest = valuations.latest(assetId);
            collateral.add(new Collateral(
                    assetId, latest.map(AssetValuations.Latest::id), latest.map(AssetValuations.Latest::value)));
        }
        FinancingRequest request = FinancingRequest.ask(
                ids.newId(), owner, amount, termMonths, purpose, Instant.now(clock), collateral, pledgors);
        requests.add(request);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ownerId", owner);
        payload.put("assetIds", assetIds);
        payload.put("amount", amount.decimal());
        payload.put("currency", amount.currency());
        payload.put("termMonths", termMonths);
        payload.put("status", request.status().name());
        audit.record(actor.auditName(), FinancingEvents.FinancingRequested, subject(request), payload);
        return request;
    }

    /** A co-owner consents to pledging its share; the request opens to lenders once every co-owner has. */
    @Transactional
    public FinancingRequest consent(Actor actor, String requestId) {
        String owner = participants.permitted(actor, MarketAction.GRANT).id();
        FinancingRequest request = requests.lock(requestId)
                .filter(r -> r.pledgors().contains(owner))
                .orElseThrow(() -> FinancingAccess.requestNotFound(requestId));
        FinancingRequest consented = request.consent(owner);
        if (consented.equals(request)) {
            return request;
        }
        requests.update(consented, Instant.now(clock));
        audit.record(
                actor.auditName(),
                FinancingEvents.FinancingConsented,
                subject(request),
                Map.of("ownerId", owner, "status", consented.status().name()));
        return consented;
    }

    /**
     * A lender offers a yearly rate, a loan-to-value ratio and a term on an OPEN request, standing until
     * {@code validUntil} (null: {@link LoanOffer#DEFAULT_VALIDITY}).
     */
    @Transactional
    public LoanOffer offer(
            Actor actor,
            String requestId,
            Integer rateBp,
            Integer loanToValueBp,
            Integer termMonths,
            Instant validUntil) {
        String lender = access.lender(actor).id();
        // Every lender may know a request it could have offered on, so a closed one answers REQUEST_NOT_OPEN.
        FinancingRequest request =
                requests.lock(requestId).orElseThrow(() -> FinancingAccess.requestNotFound(requestId));
        if (request.pledgors().contains(lender)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    FinancingCodes.NOT_A_LENDER,
                    "An owner may not lend against its own assets");
        }
        LoanOffer offer = LoanOffer.make(
                ids.newId(), request, lender, rateBp, loanToValueBp, termMonths, validUntil, Instant.now(clock));
        requests.addOffer(offer);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("offerId", offer.id());
        payload.put("lenderId", lender);
        payload.put("rateBp", offer.rateBp());
        payload.put("loanToValueBp", offer.loanToValueBp());
        payload.put("termMonths", offer.termMonths());
        payload.put("principal", offer.principal().decimal());
        payload.put("validUntil", offer.validUntil().toString());
        audit.record(actor.auditName(), FinancingEvents.FinancingOffered, subject(request), payload);
        return offer;
    }

    static String subject(FinancingRequest request) {
        return "financing-request:" + request.id();
    }
}
