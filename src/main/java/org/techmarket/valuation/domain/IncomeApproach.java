package org.techmarket.valuation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The income approach by relief from royalty: what the owner saves by not paying a licensor for each year of the
 * forecast that falls within the asset's remaining life (to a patent's expiry; a part year counts in proportion),
 * discounted at the middle of each forecast year. The rate is the one given, else the median rate of comparable
 * licences; without either there is no income indication.
 */
public final class IncomeApproach {

    /** Where the royalty rate came from. */
    public enum RateSource {
        GIVEN,
        COMPARABLE_LICENCES,
        NONE
    }

    /** One forecast year: its days, the share of it within the asset's life, the royalty saved and its value today. */
    public record Year(
            int year,
            LocalDate from,
            LocalDate until,
            long revenueFen,
            BigDecimal lifeShare,
            long royaltyFen,
            BigDecimal discountFactor,
            long presentValueFen) {}

    /** The rate used and its source (with the licences it came from), the years counted and the indication. */
    public record Result(
            Optional<BigDecimal> royaltyRate,
            RateSource rateSource,
            List<String> rateDeals,
            List<Year> years,
            Indication indication) {}

    private IncomeApproach() {}

    public static Result value(Subject subject, ValuationInputs inputs, List<ComparableDeal> deals) {
        List<ComparableDeal> licences =
                deals.stream().filter(d -> d.royaltyBasisPoints().isPresent()).toList();
        Optional<BigDecimal> rate = inputs.royaltyRate().or(() -> medianRate(licences));
        RateSource source = inputs.royaltyRate().isPresent()
                ? RateSource.GIVEN
                : rate.isPresent() ? RateSource.COMPARABLE_LICENCES : RateSource.NONE;
        List<String> rateDeals = source == RateSource.COMPARABLE_LICENCES
                ? licences.stream().map(ComparableDeal::dealId).toList()
                : List.of();
        if (rate.isEmpty()) {
            return new Result(
                    rate,
                    source,
                    rateDeals,
                    List.of(),
                    new Indication(
                            Approach.INCOME,
                            Optional.empty(),
                            "no royalty rate given and no comparable licence carries one"));
        }
        List<Year> years = years(subject, inputs, rate.get());
        long value = years.stream().mapToLong(Year::presentValueFen).sum();
        String reason = "relief from royalty at " + rate.get().toPlainString()
                + (source == RateSource.GIVEN
                        ? " (given)"
                        : " (median of " + licences.size() + " comparable licence"
                                + (licences.size() == 1 ? ")" : "s)"))
                + " over " + years.size() + " forecast year" + (years.size() == 1 ? "" : "s")
                + " within the remaining life, discounted at "
                + inputs.discountRate().toPlainString() + " mid-year";
        return new Result(rate, source, rateDeals, years, new Indication(Approach.INCOME, Optional.of(value), reason));
    }

    private static List<Year> years(Subject subject, ValuationInputs inputs, BigDecimal rate) {
        List<Year> years = new ArrayList<>();
        BigDecimal growth = BigDecimal.ONE.add(inputs.discountRate());
        BigDecimal halfYear = growth.sqrt(Fen.PRECISION);
        for (int i = 1; i <= inputs.revenueForecast().size(); i++) {
            LocalDate from = inputs.valuationDate().plusYears(i - 1);
            LocalDate until = inputs.valuationDate().plusYears(i);
            BigDecimal share = lifeShare(subject.expiresOn(), from, until);
            if (share.signum() == 0) {
                break;
            }
            long revenue = inputs.revenueForecast().get(i - 1);
            BigDecimal royalty = BigDecimal.valueOf(revenue).multiply(rate).multiply(share);
            BigDecimal factor = BigDecimal.ONE
                    .divide(growth.pow(i - 1, Fen.PRECISION).multiply(halfYear), Fen.PRECISION)
                    .setScale(6, RoundingMode.HALF_UP);
            LocalDate end = subject.expiresOn().filter(e -> e.isBefore(until)).orElse(until);
            years.add(new Year(
                    i, from, end, revenue, share, Fen.round(royalty), factor, Fen.round(royalty.multiply(factor))));
        }
        return years;
    }

    /** The part of [from, until) before the expiry, rounded to four decimals: 1 without an expiry. */
    static BigDecimal lifeShare(Optional<LocalDate> expiresOn, LocalDate from, LocalDate until) {
        if (expiresOn.isEmpty() || !expiresOn.get().isBefore(until)) {
            return BigDecimal.ONE.setScale(4);
        }
        if (!expiresOn.get().isAfter(from)) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(from, expiresOn.get()))
                .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, until)), 4, RoundingMode.HALF_UP);
    }

    /** The median of the licences' rates in basis points (the two middle ones' mean when even), as a fraction. */
    private static Optional<BigDecimal> medianRate(List<ComparableDeal> licences) {
        if (licences.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> points = licences.stream()
                .map(d -> d.royaltyBasisPoints().orElseThrow())
                .sorted()
                .toList();
        int n = points.size();
        BigDecimal middle = n % 2 == 1
                ? BigDecimal.valueOf(points.get(n / 2))
                : BigDecimal.valueOf(points.get(n / 2 - 1) + points.get(n / 2)).divide(BigDecimal.valueOf(2));
        return Optional.of(middle.movePointLeft(4).stripTrailingZeros());
    }
}
