package org.techmarket.bench;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.support.Api;

/**
 * The write floor of the HTTP benchmarks: an authenticated POST whose transaction updates one row and commits, the
 * least any write through the market's API can cost (token check, JSON in and out, one durable commit). It is a
 * controller mapping like every endpoint of the market, found by Spring MVC's look-up as theirs are (a router function
 * would be tried only after every controller mapping had been walked, so its cost would follow the look-up, not the
 * write). Only the benchmarks' server has it: {@link BenchMarket#start} starts the market with the profile
 * {@value #PROFILE}, nothing else does, so the product and the tests' servers (which scan this package too) never
 * answer on its path.
 */
@RestController
@Profile(WriteFloor.PROFILE)
public final class WriteFloor {

    /** The profile under which the market has the floor's endpoint. */
    public static final String PROFILE = "benchmark-write-floor";

    static final String PATH = "/api/v1/benchmark/write-floor/";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    WriteFloor(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @PostMapping(PATH + "{row}")
    Map<String, Object> write(@PathVariable int row, @RequestBody Map<String, Object> body) {
        Long n = transactions.execute(
                status -> jdbc.sql("""
                        insert into benchmark_floor (id, n) values (?, 1)
                        on conflict (id) do update set n = benchmark_floor.n + 1 returning n""").param(row).query(Long.class).single());
        return Map.of("row", row, "n", n);
    }

    /** Makes the floor's table on the market's database, once the market has started and migrated it. */
    public static void prepare(String url) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement s = c.createStatement()) {
            s.execute("create table if not exists benchmark_floor (id int primary key, n bigint not null)");
        }
    }

    /** Each worker posts to its own row with its own token; a 200 counts. */
    public static LoadDriver.Operation requests(Api api, List<String> tokens) {
        return (worker, iteration) ->
                api.post(PATH + worker, tokens.get(worker % tokens.size()), Map.of("worker", worker))
                                .status()
                        == 200;
    }

    /**
     * The floor measured with {@code workers} clients on the market's database at {@code url}, named for the report.
     */
    public static LoadDriver.Result measure(
            String url, Api api, List<String> tokens, int workers, double warmUp, double seconds) throws Exception {
        prepare(url);
        return LoadDriver.run(
                "write floor: authenticated POST, one row", workers, warmUp, seconds, requests(api, tokens));
    }
}
