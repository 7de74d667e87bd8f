package org.techmarket.venue.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.venue.VenueCodes;

/**
 * One version of a venue's fee schedule: a default rate and rates by price mechanism and contract type in basis points
 * ({@code *} standing for any), a minimum and a maximum fee on one payment, and the share of the fee, in basis points,
 * the venue pays the venue that introduced the buyer. The most particular rate applies: mechanism and contract type,
 * then mechanism, then contract type, then the default. A version never changes; a change is the next version, for
 * listings approved after it.
 */
public record FeeSchedule(
        int version,
        int defaultBasisPoints,
        List<Rate> rates,
        Money minimum,
        Money maximum,
        int introducerShareBasisPoints) {

    public static final String ANY = "*";
    public static final Set<String> MECHANISMS = Set.of(
            "ENGLISH",
            "SEALED_FIRST_PRICE",
            "SEALED_SECOND_PRICE",
            "DUTCH",
            "FIXED_PRICE",
            "NEGOTIATION",
            "OPEN_LICENCE");
    public static final Set<String> CONTRACT_TYPES =
            Set.of("TRANSFER", "LICENSING", "DEVELOPMENT", "CONSULTING", "SERVICE");
    static final int WHOLE = 10_000;

    /** A rate for one mechanism and contract type, either of which may be {@code *}. */
    public record Rate(String mechanism, String contractType, int basisPoints) {}

    public FeeSchedule {
        rates = List.copyOf(rates);
    }

    /**
     * Checks a proposed schedule and returns it as {@code version}; every problem is named by its field, the first
     * one's code giving the refusal's.
     */
    public static FeeSchedule propose(
            int version,
            Integer defaultBasisPoints,
            List<Rate> rates,
            Money minimum,
            Money maximum,
            Integer introducerShareBasisPoints) {
        List<Problem> problems = new ArrayList<>();
        basisPoints(defaultBasisPoints, "feeSchedule.defaultBasisPoints", problems);
        basisPoints(introducerShareBasisPoints, "feeSchedule.introducerShareBasisPoints", problems);
        Set<String> seen = new HashSet<>();
        List<Rate> given = rates == null ? List.of() : rates;
        for (int i = 0; i < given.size(); i++) {
            Rate rate = given.get(i);
            String field = "feeSchedule.rates[" + i + "]";
            if (rate == null) {
                problems.add(new Problem(SharedCodes.VALIDATION_FAILED, field, "a rate is required"));
                continue;
            }
            if (rate.mechanism() == null || !(ANY.equals(rate.mechanism()) || MECHANISMS.contains(rate.mechanism()))) {
                problems.add(new Problem(
                        VenueCodes.UNKNOWN_MECHANISM, field + ".mechanism", "a price mechanism, or * for any"));
            }
            if (rate.contractType() == null
                    || !(ANY.equals(rate.contractType()) || CONTRACT_TYPES.contains(rate.contractType()))) {
                problems.add(new Problem(
                        VenueCodes.UNKNOWN_CONTRACT_TYPE, field + ".contractType", "a contract type, or * for any"));
            }
            basisPoints(rate.basisPoints(), field + ".basisPoints", problems);
            if (!seen.add(rate.mechanism() + "/" + rate.contractType())) {
                problems.add(
                        new Problem(VenueCodes.DUPLICATE_FEE_RATE, field, "one rate per mechanism and contract type"));
            }
        }
        bounds(minimum, maximum, problems);
        if (!problems.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    problems.get(0).code(),
                    "The fee schedule has invalid fields",
                    problems.stream()
                            .map(p -> new Rejection.FieldError(p.field(), p.message()))
                            .toList(),
                    Map.of());
        }
        return new FeeSchedule(version, defaultBasisPoints, given, minimum, maximum, introducerShareBasisPoints);
    }

    /** The rate for a deal of this mechanism and contract type, in basis points: the most particular that matches. */
    public int basisPointsFor(String mechanism, String contractType) {
        int best = -1;
        int basisPoints = defaultBasisPoints;
        for (Rate rate : rates) {
            int particular = particularity(rate, mechanism, contractType);
            if (particular > best) {
                best = particular;
                basisPoints = rate.basisPoints();
            }
        }
        return basisPoints;
    }

    /** 3 for mechanism and contract type, 2 for the mechanism, 1 for the contract type, 0 for any; -1: no match. */
    private static int particularity(Rate rate, String mechanism, String contractType) {
        boolean sameMechanism = rate.mechanism().equals(mechanism);
        boolean sameContract = rate.contractType().equals(contractType);
        if (!(sameMechanism || ANY.equals(rate.mechanism())) || !(sameContract || ANY.equals(rate.contractType()))) {
            return -1;
        }
        return (sameMechanism ? 2 : 0) + (sameContract ? 1 : 0);
    }

    private record Problem(org.techmarket.shared.ProblemCode code, String field, String message) {}

    private static void basisPoints(Integer value, String field, List<Problem> problems) {
        if (value == null || value < 0 || value > WHOLE) {
            problems.add(new Problem(VenueCodes.INVALID_BASIS_POINTS, field, "0 to 10000 basis points"));
        }
    }

    private static void bounds(Money minimum, Money maximum, List<Problem> problems) {
        if (minimum == null || maximum == null) {
            problems.add(new Problem(
                    VenueCodes.INVALID_FEE_BOUNDS, "feeSchedule.minimum", "a minimum and a maximum fee are required"));
            return;
        }
        if (minimum.minor() < 0 || maximum.minor() < 0) {
            problems.add(new Problem(
                    VenueCodes.INVALID_FEE_BOUNDS, "feeSchedule.minimum", "the fee's bounds are not negative"));
        } else if (!minimum.currency().equals(maximum.currency())) {
            problems.add(new Problem(
                    SharedCodes.CURRENCY_MISMATCH, "feeSchedule.maximum", "the bounds are in one currency"));
        } else if (minimum.minor() > maximum.minor()) {
            problems.add(new Problem(
                    VenueCodes.FEE_MINIMUM_ABOVE_MAXIMUM,
                    "feeSchedule.minimum",
                    "the minimum fee is not above the maximum"));
        }
    }
}
