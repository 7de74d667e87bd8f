package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/** The regulator's desk of a regulator limited to Guangdong shows Guangdong's deals and no other province's. */
class ProvincialRegulatorPageIT extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProvincialRegulatorsDeskShowsItsProvincesOnly() {
        YearMonth month = YearMonth.of(
                1900 + ThreadLocalRandom.current().nextInt(100),
                1 + ThreadLocalRandom.current().nextInt(12));
        for (String province : List.of("440000", "110000")) {
            jdbc.sql("insert into stat_deal_month (industry, province, month, deals, value) values (?, ?, ?, 9, 900)")
                    .params("ARTIFICIAL_INTELLIGENCE", province, month.atDay(1))
                    .update();
        }
        try {
            Org national = regulator();
            Org guangdong = regulator();
            Api.Response limited = api.put(
                    "/api/v1/regulators/" + guangdong.adminId() + "/provinces",
                    ADMIN_TOKEN,
                    Map.of("provinces", List.of("440000")),
                    null);
            assertThat(limited.status()).as(limited.text()).isEqualTo(200);

            String whole = desk(national);
            assertThat(whole).contains("广东省").contains("北京市");
            String provincial = desk(guangdong);
            assertThat(provincial).contains("广东省").doesNotContain("北京市");

            PageClient.Counted counted = signedIn(guangdong).counted("/regulator?lang=zh");
            assertThat(counted.page().html()).contains("广东省").doesNotContain("北京市");
            assertThat(counted.statements())
                    .as("the session's check, the regulator's provinces, then both tables and the log's checkpoint"
                            + " in one round trip (ADR 0117)")
                    .isEqualTo(3);
        } finally {
            jdbc.sql("delete from stat_deal_month where month = ?")
                    .param(month.atDay(1))
                    .update();
        }
    }

    private String desk(Org regulator) {
        PageClient page = signedIn(regulator);
        PageClient.Page desk = page.get("/regulator?lang=zh");
        assertThat(desk.status()).as(desk.html()).isEqualTo(200);
        return desk.html();
    }

    private Org regulator() {
        String username = Fixtures.unique("regulator");
        Api.Response added = api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", username, "password", "staff password", "role", "REGULATOR"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Org(null, added.text("id"), username, "staff password", null);
    }
}
