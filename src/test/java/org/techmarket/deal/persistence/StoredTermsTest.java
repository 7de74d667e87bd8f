package org.techmarket.deal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.Money;
import tools.jackson.databind.json.JsonMapper;

class StoredTermsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static OfferTerms roundTrip(OfferTerms terms) {
        String json = CanonicalJson.write(StoredTerms.of(terms));
        return JsonMapper.builder().build().readValue(json, StoredTerms.class).toTerms();
    }

    @Test
    void aLumpSumWithAScopeComesBackAsItWasStored() {
        OfferTerms terms = new OfferTerms(
                Money.cny(820_000_00),
                new PaymentSchedule.LumpSum(Money.cny(820_000_00), DAY),
                GrantScope.toLastDay(
                        List.of("solid-state batteries"), List.of("CN"), DAY, Optional.of(DAY.plusYears(5))));
        assertThat(roundTrip(terms)).isEqualTo(terms);
    }

    @Test
    void instalmentsWithAnOpenEndedScopeComeBackAsTheyWereStored() {
        OfferTerms terms = new OfferTerms(
                Money.cny(700_000_00),
                new PaymentSchedule.Instalments(List.of(
                        new PaymentSchedule.Instalment(Money.cny(300_000_00), DAY),
                        new PaymentSchedule.Instalment(Money.cny(400_000_00), DAY.plusMonths(6)))),
                GrantScope.unrestricted(DAY, null));
        assertThat(roundTrip(terms)).isEqualTo(terms);
    }
}
