package org.techmarket.valuation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.rights.GrantKind;

/**
 * The market approach: each comparable deal's price, scaled to the subject's remaining life and to the full rights
 * of an assignment, and the median of those adjusted prices. A deal without a price (a pure royalty licence) is
 * evidence of a rate, not of a price, and is left to the income approach.
 */
public final class MarketApproach {

    /**
     * What a licence's price is multiplied by to stand for the whole right: an exclusive licence leaves the licensor
     * nothing to sell in its scope but the reversion, a sole one lets the licensor use the patent too, and a
     * non-exclusive or open one is one licence among many.
     */
    static final Map<GrantKind, BigDecimal> TO_ASSIGNMENT = Map.of(
            GrantKind.ASSIGNMENT, new BigDecimal("1.00"),
            GrantKind.EXCLUSIVE_LICENCE, new BigDecimal("1.25"),
            GrantKind.SOLE_LICENCE, new BigDecimal("1.50"),
            GrantKind.NON_EXCLUSIVE_LICENCE, new BigDecimal("2.50"),
            GrantKind.OPEN_LICENCE, new BigDecimal("2.50"));

    /** The life factor is held within these bounds: a comparable several times longer or shorter says little. */
    static final BigDecimal LEAST_LIFE_FACTOR = new BigDecimal("0.5000");

    static final BigDecimal MOST_LIFE_FACTOR = new BigDecimal("2.0000");

    /** One comparable as adjusted: the days it had left, the subject's, both factors, and the adjusted price. */
    public record Adjusted(
            ComparableDeal deal,
            Optional<Long> comparableLifeDays,
            BigDecimal lifeFactor,
            BigDecimal exclusivityFactor,
            long adjustedFen) {}

    /** The adjusted comparables, their median and their range; no value when no comparable had a price. */
    public record Result(
            Optional<Long> subjectLifeDays,
            List<Adjusted> comparables,
            Indication indication,
            long lowFen,
            long highFen) {}

    private MarketApproach() {}

    public static Result value(Subject subject, LocalDate valuationDate, List<ComparableDeal> deals) {
        Optional<Long> subjectDays = subject.expiresOn().map(end -> daysLeft(valuationDate, end));
        List<Adjusted> adjusted = new ArrayList<>();
        for (ComparableDeal deal : deals) {
            BigDecimal kind = TO_ASSIGNMENT.get(deal.grantKind());
            if (deal.priceFen() <= 0 || kind == null) {
                continue;
            }
            Optional<Long> dealDays = deal.heldUntil().map(end -> daysLeft(deal.completedOn(), end));
            BigDecimal life = lifeFactor(subjectDays, dealDays);
            long price =
                    Fen.round(BigDecimal.valueOf(deal.priceFen()).multiply(life).multiply(kind));
            adjusted.add(new Adjusted(deal, dealDays, life, kind, price));
        }
        if (adjusted.isEmpty()) {
            return new Result(
                    subjectDays,
                    List.of(),
                    new Indication(
                            Approach.MARKET,
                            Optional.empty(),
                            "no completed deal with a price on an asset in the same IPC main group, or of the same"
                                    + " kind in the same future industry"),
                    0,
                    0);
        }
        List<Long> prices =
                adjusted.stream().map(Adjusted::adjustedFen).sorted().toList();
        String reason = adjusted.size() + " comparable completed deal" + (adjusted.size() == 1 ? "" : "s")
                + ", adjusted for remaining life and exclusivity; the value is their median";
        return new Result(
                subjectDays,
                List.copyOf(adjusted),
                new Indication(Approach.MARKET, Optional.of(Fen.median(prices)), reason),
                prices.get(0),
                prices.get(prices.size() - 1));
    }

    /**
     * The subject's remaining days over the comparable's, rounded to four decimals and held within the bounds; 1 when
     * either is unknown or the comparable had none left, 0 when the subject has none left.
     */
    static BigDecimal lifeFactor(Optional<Long> subjectDays, Optional<Long> dealDays) {
        if (subjectDays.isPresent() && subjectDays.get() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        if (subjectDays.isEmpty() || dealDays.isEmpty() || dealDays.get() == 0) {
            return BigDecimal.ONE.setScale(4);
        }
        BigDecimal ratio = BigDecimal.valueOf(subjectDays.get())
                .divide(BigDecimal.valueOf(dealDays.get()), 4, RoundingMode.HALF_UP);
        return ratio.max(LEAST_LIFE_FACTOR).min(MOST_LIFE_FACTOR);
    }

    private static long daysLeft(LocalDate from, LocalDate end) {
        return Math.max(0, ChronoUnit.DAYS.between(from, end));
    }
}
