package org.techmarket.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.TechmarketApplication;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import tools.jackson.databind.JsonNode;

/**
 * The statistics read from a read replica that PostgreSQL's logical replication keeps: a second PostgreSQL subscribed
 * to the primary's read models and heartbeat. While the replica's copy of the heartbeat is younger than the allowed
 * lag, the open statistics answer from the replica; when replication stops and the heartbeat ages past it, they answer
 * from the primary; once replication resumes, from the replica again, which has caught up meanwhile. A cell written
 * only into the replica tells the two apart.
 */
class ReadReplicaIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEALS =
            "/api/v1/statistics/deals?groupBy=industry,province,month&from=2001-01&to=2001-01";

    @TempDir
    Path dir;

    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;
    private ConfigurableApplicationContext market;

    @AfterEach
    void stop() throws IOException {
        if (market != null) {
            market.close();
        }
        if (replica != null) {
            JdbcClient.create(replica.getPostgresDatabase())
                    .sql("drop subscription if exists techmarket_reads")
                    .update();
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void statisticsAnswerFromTheReplicaWhileItKeepsUpAndFromThePrimaryWhenItFallsBehind() throws Exception {
        primary = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("primary"))
                .setCleanDataDirectory(true)
                .setServerConfig("wal_level", "logical")
                .start();
        replica = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("replica"))
                .setCleanDataDirectory(true)
                .start();
        // Logical replication copies rows, not schema: the replica gets the schema from the same migrations.
        Flyway.configure()
                .dataSource(replica.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        market = new SpringApplicationBuilder(TechmarketApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + primary.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--techmarket.read-replica.url=" + replica.getJdbcUrl("postgres", "postgres"),
                        "--techmarket.read-replica.max-lag=PT3S",
                        "--techmarket.read-replica.check-interval=PT0.1S",
                        "--techmarket.read-replica.heartbeat-interval=PT0.2S",
                        "--techmarket.data-dir=" + dir.resolve("node"),
                        "--techmarket.demo.enabled=false",
                        "--techmarket.observatory.warm-up=false",
                        "--spring.main.banner-mode=off");
        Api api = new Api("http://localhost:" + market.getEnvironment().getProperty("local.server.port"));
        JdbcClient onPrimary = JdbcClient.create(primary.getPostgresDatabase());
        JdbcClient onReplica = JdbcClient.create(replica.getPostgresDatabase());
        String tables = String.join(
                ", ",
                onPrimary
                        .sql("select tablename from pg_tables where schemaname = 'public'"
                                + " and (tablename like 'stat\\_%' or tablename = 'replica_heartbeat')")
                        .query(String.class)
                        .list());
        onPrimary.sql("create publication techmarket_reads for table " + tables).update();
        onReplica
                .sql("create subscription techmarket_reads connection 'host=localhost port=" + primary.getPort()
                        + " user=postgres dbname=postgres' publication techmarket_reads")
                .update();

        insertCell(onPrimary, "110000", 5);
        insertCell(onReplica, "310000", 7);
        awaitProvinces(api, "the replica serves the statistics, with what it copied", List.of("110000", "310000"));

        onReplica.sql("alter subscription techmarket_reads disable").update();
        insertCell(onPrimary, "440000", 9);
        awaitProvinces(api, "the replica fell behind: the primary serves the statistics", List.of("110000", "440000"));

        onReplica.sql("alter subscription techmarket_reads enable").update();
        awaitProvinces(
                api, "the replica caught up and serves the statistics again", List.of("110000", "310000", "440000"));
    }

    private static void insertCell(JdbcClient database, String province, int deals) {
        database.sql("insert into stat_deal_month (industry, province, month, deals, value)"
                        + " values ('INTEGRATED_CIRCUITS', ?, date '2001-01-01', ?, ?)")
                .params(province, deals, deals * 100_000L)
                .update();
    }

    private static void awaitProvinces(Api api, String what, List<String> provinces) {
        Eventually.await(what, PATIENCE, () -> provinces(api).equals(provinces));
    }

    private static List<String> provinces(Api api) {
        Api.Response answer = api.get(DEALS, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> provinces = new ArrayList<>();
        for (JsonNode row : answer.json().path("rows")) {
            provinces.add(row.path("province").asString());
        }
        return provinces.stream().sorted().toList();
    }
}
