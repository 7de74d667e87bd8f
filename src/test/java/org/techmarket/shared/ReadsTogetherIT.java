package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.support.IntegrationTest;

/** Reads sent together on the test's PostgreSQL: each answer reaches its own reader, in a transaction or outside one. */
class ReadsTogetherIT extends IntegrationTest {

    @Autowired
    ReadsTogether together;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachQueryGetsItsOwnAnswerWithItsOwnParameters() {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<List<Integer>> counted =
                batch.list("select n from generate_series(1, ?) n order by n", List.of(3), (rs, row) -> rs.getInt(1));
        ReadsTogether.Later<List<String>> none =
                batch.list("select 'x' where ? = 'yes'", List.of("no"), (rs, row) -> rs.getString(1));
        ReadsTogether.Later<String> joined = batch.query(
                "select array_to_string(?::text[], ';') || ?",
                List.of(new String[] {"a", "b;c"}, "!"),
                rs -> rs.next() ? rs.getString(1) : "");
        batch.send();

        assertThat(counted.get()).containsExactly(1, 2, 3);
        assertThat(none.get()).isEmpty();
        assertThat(joined.get())
                .as("a ';' inside a literal is no second statement")
                .isEqualTo("a;b;c!");
    }

    @Test
    void namedParametersAreBoundByNameAndATextAskedForAgainTakesItsNewValues() {
        String sql = "select cast(:word as text) || '/' || cast(:n as text) || '/' || cast(:word as text)"
                + " || '/' || (select count(*) from generate_series(1, 9) g where g = any(:several))";
        for (int round = 1; round <= 3; round++) {
            ReadsTogether.Batch batch = together.batch();
            ReadsTogether.Later<String> first = batch.query(
                    sql,
                    Map.of(
                            "word",
                            "w" + round,
                            "n",
                            round,
                            "several",
                            List.of(1, 2, 3).subList(0, round).toArray(Integer[]::new)),
                    rs -> rs.next() ? rs.getString(1) : "");
            ReadsTogether.Later<String> second = batch.query(
                    sql,
                    Map.of("word", "x", "n", -round, "several", new Integer[] {4, 5, 6, 7}),
                    rs -> rs.next() ? rs.getString(1) : "");
            batch.send();

            assertThat(first.get()).isEqualTo("w" + round + "/" + round + "/w" + round + "/" + round);
            assertThat(second.get()).isEqualTo("x/" + -round + "/x/4");
        }
        assertThat(ReadsTogether.parsed(sql)).isSameAs(ReadsTogether.parsed(sql));
    }

    @Test
    void anArrayParameterIsBoundAsAnArray() {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<List<String>> first =
                batch.list("select ?::text", List.of("x"), (rs, row) -> rs.getString(1));
        ReadsTogether.Later<List<String>> matched = batch.list(
                "select v from unnest(array['a', 'b', 'c']) v where v = any(?) order by v",
                List.of((Object) new String[] {"a", "c"}),
                (rs, row) -> rs.getString(1));
        batch.send();

        assertThat(first.get()).containsExactly("x");
        assertThat(matched.get()).containsExactly("a", "c");
    }

    @Test
    void anOptionalAnswerIsItsRowOrNone() {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<java.util.Optional<String>> found =
                batch.optional("select ?::text", List.of("one"), (rs, row) -> rs.getString(1));
        ReadsTogether.Later<java.util.Optional<String>> none =
                batch.optional("select 'x' where false", List.of(), (rs, row) -> rs.getString(1));
        batch.send();

        assertThat(found.get()).contains("one");
        assertThat(none.get()).isEmpty();
    }

    @Test
    void aMappedAnswerIsWorkedOutOnceWhenFirstAskedFor() {
        AtomicInteger workedOut = new AtomicInteger();
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<Integer> doubled = batch.list("select 21", List.of(), (rs, row) -> rs.getInt(1))
                .map(rows -> {
                    workedOut.incrementAndGet();
                    return rows.get(0) * 2;
                });
        batch.send();

        assertThat(workedOut).hasValue(0);
        assertThat(doubled.get()).isEqualTo(42);
        assertThat(doubled.get()).isEqualTo(42);
        assertThat(workedOut).hasValue(1);
    }

    @Test
    void inATransactionTheBatchReadsOnItsConnection() {
        List<String> seen = transactions.execute(status -> {
            jdbc.sql("create temporary table read_together (name text) on commit drop")
                    .update();
            jdbc.sql("insert into read_together values ('written in this transaction')")
                    .update();
            ReadsTogether.Batch batch = together.batch();
            ReadsTogether.Later<List<String>> rows =
                    batch.list("select name from read_together", List.of(), (rs, row) -> rs.getString(1));
            batch.send();
            return rows.get();
        });

        assertThat(seen).containsExactly("written in this transaction");
    }

    @Test
    void anAnswerIsRefusedBeforeTheBatchIsSentAndABatchIsSentOnce() {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<List<Integer>> one = batch.list("select 1", List.of(), (rs, row) -> rs.getInt(1));
        ReadsTogether.Later<Integer> mapped = one.map(List::size);

        assertThatThrownBy(one::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("not been sent");
        assertThatThrownBy(mapped::get).isInstanceOf(IllegalStateException.class);

        batch.send();
        assertThat(mapped.get()).isEqualTo(1);
        assertThatThrownBy(batch::send)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sent already");
        assertThatThrownBy(() -> batch.list("select 2", List.of(), (rs, row) -> rs.getInt(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyBatchSendsNothing() {
        together.batch().send();
    }

    @Test
    void aQueryOfTwoStatementsFailsTheBatch() {
        ReadsTogether.Batch batch = together.batch();
        batch.list("select 1; select 2", List.of(), (rs, row) -> rs.getInt(1));
        batch.list("select 3", List.of(), (rs, row) -> rs.getInt(1));

        assertThatThrownBy(batch::send)
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("each query must be one statement");
    }

    @Test
    void aFailingQueryFailsTheBatchWithTheDatabasesError() {
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<List<Integer>> first = batch.list("select 1", List.of(), (rs, row) -> rs.getInt(1));
        batch.list("select * from no_such_table_anywhere", List.of(), (rs, row) -> rs.getInt(1));

        assertThatThrownBy(batch::send)
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("no_such_table_anywhere");
        assertThatThrownBy(first::get)
                .as("PostgreSQL answers none of a batch whose query fails")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerKnownAtOnceNeedsNoBatch() {
        assertThat(ReadsTogether.Later.of("read elsewhere").map(String::length).get())
                .isEqualTo("read elsewhere".length());
    }
}
