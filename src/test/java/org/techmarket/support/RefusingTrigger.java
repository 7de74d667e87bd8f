package org.techmarket.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database trigger that makes every update or delete of the chosen rows fail, for tests of what a background job
 * does when it cannot do its work: {@code try (var refusing = RefusingTrigger.on(...)) { ... }} drops it again.
 */
public final class RefusingTrigger implements AutoCloseable {

    /** The error the refused statement fails with. */
    public static final String MESSAGE = "refused for the test";

    private final JdbcClient jdbc;
    private final String name;
    private final String table;

    private RefusingTrigger(JdbcClient jdbc, String name, String table) {
        this.jdbc = jdbc;
        this.name = name;
        this.table = table;
    }

    /**
     * Refuses {@code operation} ({@code UPDATE} or {@code DELETE}) on the rows of {@code table} for which
     * {@code oldRowCondition} holds (a SQL condition on {@code old}, with no parameters).
     */
    public static RefusingTrigger on(JdbcClient jdbc, String operation, String table, String oldRowCondition) {
        jdbc.sql("create or replace function test_refuse() returns trigger language plpgsql as"
                        + " 'begin raise exception ''" + MESSAGE + "''; end'")
                .update();
        String name = Fixtures.unique("test_refuse").replace('-', '_');
        jdbc.sql("create trigger " + name + " before " + operation + " on " + table + " for each row when ("
                        + oldRowCondition + ") execute function test_refuse()")
                .update();
        return new RefusingTrigger(jdbc, name, table);
    }

    @Override
    public void close() {
        jdbc.sql("drop trigger if exists " + name + " on " + table).update();
    }
}
