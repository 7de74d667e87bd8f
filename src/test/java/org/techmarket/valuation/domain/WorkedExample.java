package org.techmarket.valuation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantKind;

/**
 * The worked example of docs/valuation.md: a patent expiring on 2031-03-01 valued on 2026-06-30, five years of
 * forecast revenue, three comparable deals with a price and one royalty-only licence.
 */
final class WorkedExample {

    static final LocalDate VALUATION_DATE = LocalDate.parse("2026-06-30");
    static final Subject SUBJECT = new Subject("subject", Optional.of(LocalDate.parse("2031-03-01")));
    static final List<String> FORECAST = List.of("1000000.00", "1200000.00", "1500000.00", "1500000.00", "1500000.00");

    static final ComparableDeal ASSIGNMENT =
            deal("deal-a", GrantKind.ASSIGNMENT, 200_000_000, "2025-01-15", null, "2033-01-15", null);
    static final ComparableDeal EXCLUSIVE =
            deal("deal-b", GrantKind.EXCLUSIVE_LICENCE, 90_000_000, "2025-09-01", "2029-09-01", "2035-05-20", null);
    static final ComparableDeal NON_EXCLUSIVE =
            deal("deal-c", GrantKind.NON_EXCLUSIVE_LICENCE, 15_000_000, "2026-03-01", "2031-03-01", "2036-01-01", 300);
    static final ComparableDeal ROYALTY_ONLY =
            deal("deal-d", GrantKind.NON_EXCLUSIVE_LICENCE, 0, "2026-04-01", "2030-04-01", "2036-01-01", 500);

    static final List<ComparableDeal> DEALS = List.of(ASSIGNMENT, EXCLUSIVE, NON_EXCLUSIVE, ROYALTY_ONLY);

    private WorkedExample() {}

    /** The example's inputs with a given royalty rate (or none), a discount rate of 0.12 and the given cost. */
    static ValuationInputs inputs(String royaltyRate, String reproductionCost, String obsolescence) {
        return ValuationInputs.read(text(royaltyRate, reproductionCost, obsolescence));
    }

    static ValuationInputs.Text text(String royaltyRate, String reproductionCost, String obsolescence) {
        return new ValuationInputs.Text(
                "TRANSFER", VALUATION_DATE.toString(), FORECAST, royaltyRate, "0.12", reproductionCost, obsolescence);
    }

    static ValuationInputs.Text forecast(String discountRate, String... forecast) {
        return new ValuationInputs.Text(
                "PLEDGE", "2026-06-30", new ArrayList<>(Arrays.asList(forecast)), "0.05", discountRate, null, null);
    }

    static ComparableDeal deal(
            String id,
            GrantKind kind,
            long priceFen,
            String completedOn,
            String scopeEnd,
            String assetExpiresOn,
            Integer royaltyBasisPoints) {
        return new ComparableDeal(
                id,
                "asset-" + id,
                kind,
                priceFen,
                LocalDate.parse(completedOn),
                Optional.ofNullable(scopeEnd).map(LocalDate::parse),
                Optional.ofNullable(assetExpiresOn).map(LocalDate::parse),
                Optional.ofNullable(royaltyBasisPoints));
    }
}
