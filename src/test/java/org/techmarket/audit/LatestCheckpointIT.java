package org.techmarket.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.support.IntegrationTest;

/** The log's latest checkpoint read with a page's other queries is the note the single read gives, cosignatures too. */
class LatestCheckpointIT extends IntegrationTest {

    @Autowired
    TransparencyLog log;

    @Autowired
    ReadsTogether reads;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBatchedReadGivesTheSignedNoteWithItsCosignaturesInTheOrderTheyCame() {
        long size = jdbc.sql("select max(tree_size) from log_checkpoint")
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    log.latestCheckpoint();
                    return jdbc.sql("select max(tree_size) from log_checkpoint")
                            .query(Long.class)
                            .single();
                });
        String later = "\u2014 witness-b.example " + "B".repeat(86) + "==\n";
        String earlier = "\u2014 witness-a.example " + "A".repeat(86) + "==\n";
        jdbc.sql("insert into log_cosignature (tree_size, line, added_at) values (?, ?, now() + interval '1 second'),"
                        + " (?, ?, now())")
                .params(size, later, size, earlier)
                .update();
        try {
            ReadsTogether.Batch batch = reads.batch();
            ReadsTogether.Later<String> batched = log.latestCheckpoint(batch);
            batch.send();

            String single = log.latestCheckpoint();
            assertThat(batched.get()).isEqualTo(single).contains(earlier + later);
        } finally {
            jdbc.sql("delete from log_cosignature where tree_size = ? and line in (?, ?)")
                    .params(size, later, earlier)
                    .update();
        }
    }
}
