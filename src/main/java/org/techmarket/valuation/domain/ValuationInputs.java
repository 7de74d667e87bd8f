package org.techmarket.valuation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.techmarket.shared.Rejection;
import org.techmarket.valuation.ValuationCodes;

/**
 * What the requester states: the purpose and date of the valuation, the revenue the asset's products are forecast
 * to earn in each year from that date (fen), the royalty rate if known, the discount rate, and the cost to reproduce
 * the asset less its obsolescence. Rates are exact decimals (0.05 is five percent). {@link #read} refuses every
 * impossible value with a code naming its field, so nothing is valued on bad input.
 */
public record ValuationInputs(
        ValuationPurpose purpose,
        LocalDate valuationDate,
        List<Long> revenueForecast,
        Optional<BigDecimal> royaltyRate,
        BigDecimal discountRate,
        Optional<Long> reproductionCost,
        BigDecimal obsolescence) {

    /** The longest forecast read: an asset's economic life beyond fifty years is not a forecast. */
    public static final int MAX_FORECAST_YEARS = 50;

    private static final Pattern YUAN = Pattern.compile("(0|[1-9]\\d{0,12})(\\.\\d{1,2})?");
    private static final Pattern RATE = Pattern.compile("-?\\d{1,3}(\\.\\d{1,12})?");

    public ValuationInputs {
        revenueForecast = List.copyOf(revenueForecast);
    }

    /** The request's text, as sent: amounts in yuan as decimal strings, rates as decimal strings. */
    public record Text(
            String purpose,
            String valuationDate,
            List<String> revenueForecast,
            String royaltyRate,
            String discountRate,
            String reproductionCost,
            String obsolescence) {}

    public static ValuationInputs read(Text text) {
        Optional<Long> reproductionCost = Optional.ofNullable(text.reproductionCost())
                .map(cost -> fen(cost, ValuationCodes.INVALID_REPRODUCTION_COST, "inputs.reproductionCost"));
        Optional<BigDecimal> obsolescence = Optional.ofNullable(text.obsolescence())
                .map(o -> fraction(o, ValuationCodes.INVALID_OBSOLESCENCE, "inputs.obsolescence", true));
        if (obsolescence.isPresent() && reproductionCost.isEmpty()) {
            throw Rejection.invalid(
                    ValuationCodes.INVALID_OBSOLESCENCE,
                    "inputs.obsolescence",
                    "obsolescence is deducted from a reproductionCost; give both or neither");
        }
        return new ValuationInputs(
                purpose(text.purpose()),
                date(text.valuationDate()),
                forecast(text.revenueForecast()),
                Optional.ofNullable(text.royaltyRate())
                        .map(r -> fraction(r, ValuationCodes.ROYALTY_RATE_OUT_OF_RANGE, "inputs.royaltyRate", false)),
                discountRate(text.discountRate()),
                reproductionCost,
                obsolescence.orElse(BigDecimal.ZERO));
    }

    private static ValuationPurpose purpose(String text) {
        try {
            return ValuationPurpose.valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException unknown) {
            throw Rejection.invalid(
                    ValuationCodes.UNKNOWN_VALUATION_PURPOSE,
                    "purpose",
                    "purpose must be one of " + List.of(ValuationPurpose.values()));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException bad) {
            throw Rejection.invalid(
                    ValuationCodes.INVALID_VALUATION_DATE,
                    "valuationDate",
                    "valuationDate must be a date such as 2026-06-30");
        }
    }

    private static List<Long> forecast(List<String> years) {
        if (years == null || years.isEmpty()) {
            throw Rejection.invalid(
                    ValuationCodes.EMPTY_REVENUE_FORECAST,
                    "inputs.revenueForecast",
                    "revenueForecast needs the revenue of at least one year");
        }
        if (years.size() > MAX_FORECAST_YEARS) {
            throw Rejection.invalid(
                    ValuationCodes.INVALID_REVENUE_FORECAST,
                    "inputs.revenueForecast",
                    "revenueForecast covers at most " + MAX_FORECAST_YEARS + " years");
        }
        List<Long> fen = new ArrayList<>(years.size());
        for (int i = 0; i < years.size(); i++) {
            fen.add(fen(years.get(i), ValuationCodes.INVALID_REVENUE_FORECAST, "inputs.revenueForecast[" + i + "]"));
        }
        return fen;
    }

    private static BigDecimal discountRate(String text) {
        if (text == null) {
            throw Rejection.invalid(
                    ValuationCodes.INVALID_DISCOUNT_RATE, "inputs.discountRate", "discountRate is required");
        }
        return fraction(text, ValuationCodes.INVALID_DISCOUNT_RATE, "inputs.discountRate", true);
    }

    /** Yuan as a decimal string, at most two decimals and no sign, in fen. */
    private static long fen(String yuan, ValuationCodes code, String field) {
        if (yuan == null || !YUAN.matcher(yuan).matches()) {
            throw Rejection.invalid(code, field, field + " must be yuan as a decimal string such as \"1250000.00\"");
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    /** A decimal string between 0 and 1 (0 itself only when {@code zeroAllowed}). */
    private static BigDecimal fraction(String text, ValuationCodes code, String field, boolean zeroAllowed) {
        if (!RATE.matcher(text).matches()) {
            throw Rejection.invalid(code, field, field + " must be a decimal string such as \"0.08\"");
        }
        BigDecimal value = new BigDecimal(text);
        boolean low = zeroAllowed ? value.signum() < 0 : value.signum() <= 0;
        if (low || value.compareTo(BigDecimal.ONE) > 0) {
            throw Rejection.invalid(
                    code,
                    field,
                    field + " must lie " + (zeroAllowed ? "from 0" : "above 0") + " up to 1; " + text + " does not");
        }
        return value.stripTrailingZeros();
    }
}
