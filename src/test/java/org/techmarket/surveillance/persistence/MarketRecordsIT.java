package org.techmarket.surveillance.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * The detectors' facts cost one statement each, however many rows they hold: counted on the connection, with relations
 * and co-owned assets made first so that every read returns rows.
 */
class MarketRecordsIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void eachReadIsOneStatementWhateverTheRows() {
        Org first = fixtures.verifiedOrg("ENTERPRISE");
        Org second = fixtures.verifiedOrg("ENTERPRISE");
        String representative = Fixtures.unique("Rep");
        for (Org org : new Org[] {first, second}) {
            Api.Response set = api.put(
                    "/api/v1/organizations/" + org.id() + "/particulars",
                    org.token(),
                    Map.of("legalRepresentative", representative),
                    null);
            assertThat(set.status()).as(set.text()).isEqualTo(200);
        }
        AtomicInteger statements = new AtomicInteger();
        MarketRecords records = new MarketRecords(JdbcClient.create(counting(dataSource, statements)));

        assertThat(records.relations()).hasSizeGreaterThanOrEqualTo(1);
        assertThat(statements.getAndSet(0)).isEqualTo(1);
        records.auctions(Optional.empty());
        assertThat(statements.getAndSet(0)).isEqualTo(1);
        records.trades();
        assertThat(statements.getAndSet(0)).isEqualTo(1);
    }

    /** The data source, counting every statement prepared or created on its connections. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (result instanceof Connection connection) {
                        return countingConnection(connection, statements);
                    }
                    return result;
                });
    }

    private static Connection countingConnection(Connection target, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement")
                            || method.getName().equals("prepareCall")) {
                        statements.incrementAndGet();
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
