package org.techmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.search.persistence.ChangeFeed;
import org.techmarket.search.persistence.ChangeFeed.Change;
import org.techmarket.search.persistence.ChangeFeed.Position;
import org.techmarket.support.IntegrationTest;

/**
 * The change feed is read without missing a row, even when transactions commit in another order than they took their
 * sequence numbers, and the market's tables write it in the transaction of the change.
 */
class ChangeFeedIT extends IntegrationTest {

    @Autowired
    ChangeFeed feed;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRowCommittedAfterAHigherNumberedOneIsStillRead() throws Exception {
        String type = "test-" + UUID.randomUUID();
        Position start = feed.now();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insert(slow, type, "slow");
            jdbc.sql("insert into search_change (type, id) values (?, 'quick')")
                    .param(type)
                    .update();

            ChangeFeed.Read first = readAll(start);
            assertThat(ids(first.changes(), type)).containsExactly("quick");

            slow.commit();
            ChangeFeed.Read second = readAll(first.next());
            assertThat(ids(second.changes(), type)).containsExactly("slow");
            assertThat(ids(readAll(second.next()).changes(), type)).isEmpty();
        }
    }

    @Test
    void aReadCutAtItsLimitGoesOnWhereItStopped() {
        String type = "test-" + UUID.randomUUID();
        Position start = feed.now();
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into search_change (type, id) values (?, ?)")
                    .params(type, "item-" + i)
                    .update();
        }
        List<String> seen = new ArrayList<>();
        Position at = start;
        for (int reads = 0; reads < 20; reads++) {
            ChangeFeed.Read read = feed.after(at, 2);
            seen.addAll(ids(read.changes(), type));
            at = read.next();
            if (!read.more()) {
                break;
            }
        }
        assertThat(seen).containsExactly("item-0", "item-1", "item-2", "item-3", "item-4");
    }

    @Test
    void aPositionReadsBackAsWritten() {
        Position position = new Position(42, List.of(7L, 9L));
        assertThat(Position.parse(position.text())).isEqualTo(position);
        assertThat(Position.parse(Position.START.text())).isEqualTo(Position.START);
    }

    @Test
    void registeringAnOrganizationWritesTheFeed() {
        Position start = feed.now();
        var org = fixtures.verifiedOrg("ENTERPRISE");
        assertThat(readAll(start).changes())
                .anySatisfy(
                        change -> assertThat(change.type() + ":" + change.id()).isEqualTo("organization:" + org.id()));
    }

    private ChangeFeed.Read readAll(Position from) {
        return feed.after(from, 10_000);
    }

    private static List<String> ids(List<Change> changes, String type) {
        return changes.stream()
                .filter(c -> c.type().equals(type))
                .map(Change::id)
                .toList();
    }

    private static void insert(Connection connection, String type, String id) throws Exception {
        try (PreparedStatement insert =
                connection.prepareStatement("insert into search_change (type, id) values (?, ?)")) {
            insert.setString(1, type);
            insert.setString(2, id);
            insert.executeUpdate();
        }
    }
}
