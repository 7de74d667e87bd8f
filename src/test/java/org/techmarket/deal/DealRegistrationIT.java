package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;

/** A signed contract registered with its venue: numbered, certified once, readable by its parties alone. */
class DealRegistrationIT extends DealIntegrationTest {

    @Test
    void aSignedPatentAssignmentIsRegisteredOnceAndQualifiesAsTransferIncome() {
        DealKit.Sale sale = kit.awardedAssignment(80_000_00, 8_000_00);
        String register = "/api/v1/deals/" + sale.dealId() + "/registration";

        Api.Response unsigned = api.post(register, sale.seller().token(), Map.of());
        assertThat(unsigned.status()).isEqualTo(409);
        assertThat(unsigned.code()).isEqualTo("DEAL_NOT_SIGNED");

        kit.signByBoth(sale);
        Api.Response registered = api.post(register, sale.seller().token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String number = registered.text("number");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(number).matches(year + "-\\d{6}-\\d{6}");
        assertThat(registered.text("contractHash"))
                .isEqualTo(kit.deal(sale).path("contract").path("hash").asString());
        assertThat(registered.text("contractType")).isEqualTo("TRANSFER");
        assertThat(registered.text("qualification")).isEqualTo("PATENT_ASSIGNMENT");
        assertThat(registered.json().path("qualifiesAsTechnologyTransferIncome").asBoolean())
                .isTrue();
        assertThat(registered.json().path("transactionAmount").path("amount").asString())
                .isEqualTo("80000.00");

        Api.Response again = api.post(register, sale.buyer().token(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_REGISTERED");

        assertThat(api.get("/api/v1/registrations/" + number, sale.buyer().token())
                        .json())
                .isEqualTo(registered.json());
        String outsider = fixtures.verifiedOrg("ENTERPRISE").token();
        assertThat(api.get("/api/v1/registrations/" + number, outsider).code()).isEqualTo("REGISTRATION_NOT_FOUND");
        assertThat(api.post(register, outsider, Map.of()).code()).isEqualTo("DEAL_NOT_FOUND");
        assertThat(api.get("/api/v1/registrations/not-a-number", sale.buyer().token())
                        .code())
                .isEqualTo("INVALID_REGISTRATION_NUMBER");
        kit.assertInvariants(sale);
    }

    @Test
    void concurrentRegistrationsAtOneVenueTakeDistinctSerials() {
        List<DealKit.Sale> sales = List.of(
                kit.awardedAssignment(1_000_00, 100_00),
                kit.awardedAssignment(2_000_00, 100_00),
                kit.awardedAssignment(3_000_00, 100_00));
        sales.forEach(kit::signByBoth);
        List<String> numbers = sales.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> api.post(
                        "/api/v1/deals/" + s.dealId() + "/registration",
                        s.buyer().token(),
                        Map.of())))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .peek(r -> assertThat(r.status()).as(r.text()).isEqualTo(201))
                .map(r -> r.text("number"))
                .toList();
        assertThat(numbers).doesNotHaveDuplicates();
    }
}
