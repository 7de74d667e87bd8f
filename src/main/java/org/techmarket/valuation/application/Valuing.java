package org.techmarket.valuation.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.ComparableDeals;
import org.techmarket.deal.CompletedDeal;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.valuation.ValuationCodes;
import org.techmarket.valuation.domain.Appraisal;
import org.techmarket.valuation.domain.ComparableDeal;
import org.techmarket.valuation.domain.Subject;
import org.techmarket.valuation.domain.ValuationInputs;
import org.techmarket.valuation.persistence.Valuations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values assets and reads the reports. An asset's owners and the venue's operators may have it valued; they and
 * regulators read its reports; anyone else is told the asset has none to show, as if it did not exist.
 */
@Service
public class Valuing {

    /** How many assets like the subject are searched for deals, and how many of their deals are compared. */
    static final int ALIKE_ASSETS = 1000;

    static final int COMPARABLE_DEALS = 50;

    /** How many of an asset's reports one read returns, the newest first. */
    public static final int REPORTS_READ = 100;

    private final Assets assets;
    private final ComparableDeals deals;
    private final Valuations valuations;
    private final AuditLog audit;
    private final DateRules dates;
    private final IdGenerator ids;
    private final JsonMapper json;
    private final Clock clock;

    Valuing(
            Assets assets,
            ComparableDeals deals,
            Valuations valuations,
            AuditLog audit,
            DateRules dates,
            IdGenerator ids,
            JsonMapper json,
            Clock clock) {
        this.assets = assets;
        this.deals = deals;
        this.valuations = valuations;
        this.audit = audit;
        this.dates = dates;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
    }

    /** Values the asset on the inputs and the market's comparable deals, stores the report and audits it. */
    @Transactional
    public String value(Actor actor, String assetId, ValuationInputs.Text text) {
        AssetSummary asset = readable(actor, assetId);
        if (actor.isRegulator()) {
            throw Rejection.forbidden("Regulators read valuations; an asset's owners and operators request them");
        }
        ValuationInputs inputs = ValuationInputs.read(text);
        dates.requireWithinHorizon(inputs.valuationDate(), "valuationDate");
        List<AssetSummary> alike = assets.alike(assetId, ALIKE_ASSETS);
        Map<String, AssetSummary> byId =
                alike.stream().collect(Collectors.toMap(AssetSummary::id, Function.identity()));
        List<ComparableDeal> comparables =
                deals.completedOn(byId.keySet(), Money.DEFAULT_CURRENCY, COMPARABLE_DEALS).stream()
                        .map(d -> comparable(d, byId.get(d.assetId())))
                        .toList();
        Appraisal appraisal = Appraisal.of(new Subject(assetId, asset.expiresOn()), inputs, comparables);

        String id = ids.newId();
        var now = clock.instant();
        ValuationReport report = ValuationReport.of(
                id,
                inputs.purpose().name(),
                appraisal,
                actor.auditName(),
                actor.organizationId().orElse(null),
                now.toString());
        String written = json.writeValueAsString(report);
        var reconciled = appraisal.reconciliation();
        valuations.add(new Valuations.Stored(
                id,
                assetId,
                inputs.purpose().name(),
                inputs.valuationDate(),
                reconciled.valueFen(),
                reconciled.lowFen(),
                reconciled.highFen(),
                ValuationReport.CURRENCY,
                actor.auditName(),
                actor.organizationId(),
                written,
                now));
        audit.record(
                actor.auditName(),
                ValuationEvents.AssetValued,
                "valuation:" + id,
                Map.of(
                        "assetId", assetId,
                        "purpose", inputs.purpose().name(),
                        "valuationDate", inputs.valuationDate().toString(),
                        "value", Money.cny(reconciled.valueFen()).decimal(),
                        "low", Money.cny(reconciled.lowFen()).decimal(),
                        "high", Money.cny(reconciled.highFen()).decimal(),
                        "weights",
                                report.reconciliation().weights().stream()
                                        .collect(Collectors.toMap(
                                                ValuationReport.Weight::approach,
                                                ValuationReport.Weight::weightBasisPoints))));
        return written;
    }

    /** The asset's reports as JSON texts, the newest first. */
    @Transactional(readOnly = true)
    public List<String> ofAsset(Actor actor, String assetId) {
        readable(actor, assetId);
        return valuations.ofAsset(assetId, REPORTS_READ);
    }

    /** One report as JSON text. */
    @Transactional(readOnly = true)
    public String report(Actor actor, String valuationId) {
        Valuations.Found found = valuations.find(valuationId).orElseThrow(() -> notFound(valuationId));
        Optional<AssetSummary> asset = assets.find(found.assetId());
        if (asset.isEmpty() || !mayRead(actor, asset.get())) {
            throw notFound(valuationId).hidingExisting();
        }
        return found.report();
    }

    private AssetSummary readable(Actor actor, String assetId) {
        AssetSummary asset = assets.find(assetId).orElseThrow(() -> Rejection.notFound("Asset", assetId));
        if (!mayRead(actor, asset)) {
            throw Rejection.notFound("Asset", assetId).hidingExisting();
        }
        return asset;
    }

    private static boolean mayRead(Actor actor, AssetSummary asset) {
        return actor.seesWholeMarket()
                || actor.organizationId().map(asset.ownerShares()::containsKey).orElse(false);
    }

    private static ComparableDeal comparable(CompletedDeal deal, AssetSummary asset) {
        return new ComparableDeal(
                deal.dealId(),
                deal.assetId(),
                deal.grantKind(),
                deal.price().minor(),
                deal.completedOn(),
                deal.scopeEnd(),
                asset == null ? Optional.empty() : asset.expiresOn(),
                deal.royaltyBasisPoints());
    }

    private static Rejection notFound(String valuationId) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND,
                ValuationCodes.VALUATION_NOT_FOUND,
                "Valuation " + valuationId + " does not exist");
    }
}
