package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** An organization's balances over time, as its account page charts them. */
class BalanceHistoryIT extends IntegrationTest {

    @Test
    void theHistoryShowsEachBalanceAfterTheLatestEntriesOldestFirst() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(org, "100.00");
        fixtures.cashIn(org, "200.00");
        fixtures.cashIn(org, "300.00");
        Api.Response cashOut = api.post(
                "/api/v1/ledger/cash-outs",
                org.token(),
                Map.of("amount", Map.of("amount", "50.00", "currency", "CNY")));
        assertThat(cashOut.status()).as(cashOut.text()).isEqualTo(201);

        JsonNode history = api.get("/api/v1/accounts/history", org.token()).json();
        assertThat(history.path("currency").asString()).isEqualTo("CNY");
        assertThat(amounts(history.path("available"))).containsExactly("100.00", "300.00", "600.00", "550.00");
        assertThat(amounts(history.path("held"))).containsExactly("50.00");
        assertThat(history.path("available").get(0).path("at").asString()).isNotBlank();

        JsonNode latest =
                api.get("/api/v1/accounts/history?limit=2", org.token()).json();
        assertThat(amounts(latest.path("available"))).containsExactly("600.00", "550.00");
    }

    @Test
    void anotherOrganizationsHistoryAndBadParametersAreRefused() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org other = fixtures.verifiedOrg("ENTERPRISE");
        assertThat(api.get("/api/v1/accounts/history?organizationId=" + other.id(), org.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/history?limit=0", org.token()).code())
                .isEqualTo("INVALID_LIMIT");
        assertThat(api.get("/api/v1/accounts/history?currency=XYZ1", org.token())
                        .status())
                .isEqualTo(400);
        JsonNode empty = api.get("/api/v1/accounts/history", org.token()).json();
        assertThat(empty.path("available").size()).isZero();
        assertThat(empty.path("held").size()).isZero();
    }

    private static List<String> amounts(JsonNode points) {
        return points.findValuesAsString("amount");
    }
}
