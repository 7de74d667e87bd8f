package org.techmarket.valuation.application;

import java.util.List;
import org.techmarket.shared.Money;
import org.techmarket.valuation.domain.Appraisal;
import org.techmarket.valuation.domain.IncomeApproach;
import org.techmarket.valuation.domain.Indication;
import org.techmarket.valuation.domain.MarketApproach;
import org.techmarket.valuation.domain.Reconciliation;

/**
 * A valuation report as issued, stored and read back unchanged: amounts as money, rates and factors as decimal
 * strings, dates as ISO text, and every approach with its reason and weight.
 */
public record ValuationReport(
        String id,
        String assetId,
        String purpose,
        String valuationDate,
        String basis,
        Conventions conventions,
        Inputs inputs,
        Market market,
        Income income,
        Cost cost,
        Reconciled reconciliation,
        String requestedBy,
        String organizationId,
        String createdAt) {

    static final String CURRENCY = Money.DEFAULT_CURRENCY;

    /** How the figures were reached, stated in the report itself. */
    public record Conventions(String rounding, String discounting, String lifeShare, String documentation) {
        static final Conventions STATED = new Conventions(
                "every amount is rounded once to the fen, half up; a total is the sum of its rounded rows",
                "MID_YEAR: forecast year i is discounted by 1 / ((1 + r)^(i - 1) * sqrt(1 + r)), to six decimals",
                "a forecast year cut by the patent's expiry counts in proportion of its days, to four decimals",
                "docs/valuation.md");
    }

    public record Inputs(
            List<Money> revenueForecast,
            String royaltyRate,
            String discountRate,
            Money reproductionCost,
            String obsolescence) {}

    public record MarketComparable(
            String dealId,
            String assetId,
            boolean sameAsset,
            String grantKind,
            Money price,
            String completedOn,
            String heldUntil,
            Long remainingLifeDays,
            String lifeFactor,
            String exclusivityFactor,
            Money adjustedPrice) {}

    public record Market(
            Money value,
            String reason,
            Long subjectRemainingLifeDays,
            Money low,
            Money high,
            List<MarketComparable> comparables) {}

    public record Year(
            int year,
            String from,
            String until,
            Money revenue,
            String lifeShare,
            Money royalty,
            String discountFactor,
            Money presentValue) {}

    public record Income(
            Money value,
            String reason,
            String royaltyRate,
            String rateSource,
            List<String> rateDeals,
            List<Year> years) {}

    public record Cost(Money value, String reason, Money reproductionCost, String obsolescence) {}

    public record Weight(String approach, int weightBasisPoints, String reason) {}

    public record Reconciled(Money value, Money low, Money high, List<Weight> weights) {}

    /** The report of an appraisal, with who asked and when. */
    static ValuationReport of(
            String id, String purpose, Appraisal a, String requestedBy, String organizationId, String createdAt) {
        var in = a.inputs();
        return new ValuationReport(
                id,
                a.subject().assetId(),
                purpose,
                in.valuationDate().toString(),
                "the full rights of the owners, as an assignment would transfer them",
                Conventions.STATED,
                new Inputs(
                        in.revenueForecast().stream().map(Money::cny).toList(),
                        in.royaltyRate().map(r -> r.toPlainString()).orElse(null),
                        in.discountRate().toPlainString(),
                        in.reproductionCost().map(Money::cny).orElse(null),
                        in.reproductionCost().isPresent() ? in.obsolescence().toPlainString() : null),
                market(a.subject().assetId(), a.market()),
                income(a.income()),
                new Cost(
                        money(a.cost()),
                        a.cost().reason(),
                        in.reproductionCost().map(Money::cny).orElse(null),
                        in.reproductionCost().isPresent() ? in.obsolescence().toPlainString() : null),
                reconciled(a.reconciliation()),
                requestedBy,
                organizationId,
                createdAt);
    }

    private static Market market(String subjectId, MarketApproach.Result m) {
        boolean any = !m.comparables().isEmpty();
        return new Market(
                money(m.indication()),
                m.indication().reason(),
                m.subjectLifeDays().orElse(null),
                any ? Money.cny(m.lowFen()) : null,
                any ? Money.cny(m.highFen()) : null,
                m.comparables().stream()
                        .map(c -> new MarketComparable(
                                c.deal().dealId(),
                                c.deal().assetId(),
                                c.deal().assetId().equals(subjectId),
                                c.deal().grantKind().name(),
                                Money.cny(c.deal().priceFen()),
                                c.deal().completedOn().toString(),
                                c.comparableLifeDays().isPresent()
                                        ? c.deal()
                                                .completedOn()
                                                .plusDays(c.comparableLifeDays().get())
                                                .toString()
                                        : null,
                                c.comparableLifeDays().orElse(null),
                                c.lifeFactor().toPlainString(),
                                c.exclusivityFactor().toPlainString(),
                                Money.cny(c.adjustedFen())))
                        .toList());
    }

    private static Income income(IncomeApproach.Result i) {
        return new Income(
                money(i.indication()),
                i.indication().reason(),
                i.royaltyRate().map(r -> r.toPlainString()).orElse(null),
                i.rateSource().name(),
                i.rateDeals(),
                i.years().stream()
                        .map(y -> new Year(
                                y.year(),
                                y.from().toString(),
                                y.until().toString(),
                                Money.cny(y.revenueFen()),
                                y.lifeShare().toPlainString(),
                                Money.cny(y.royaltyFen()),
                                y.discountFactor().toPlainString(),
                                Money.cny(y.presentValueFen())))
                        .toList());
    }

    private static Reconciled reconciled(Reconciliation.Result r) {
        return new Reconciled(
                Money.cny(r.valueFen()),
                Money.cny(r.lowFen()),
                Money.cny(r.highFen()),
                r.approaches().stream()
                        .map(w -> new Weight(w.indication().approach().name(), w.weightBasisPoints(), w.why()))
                        .toList());
    }

    private static Money money(Indication indication) {
        return indication.valueFen().map(Money::cny).orElse(null);
    }
}
