package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class BoundedEmbedderTest {

    @Test
    void aQueryGetsItsVector() {
        try (BoundedEmbedder embedder = new BoundedEmbedder(new HashingEmbedder(), 1, 4)) {
            assertThat(embedder.queryVector("fuel cell", Duration.ofSeconds(5)))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(HashingEmbedder.DIMENSION));
            assertThat(embedder.documentVectors(List.of("a", "b")).join()).hasSize(2);
        }
    }

    @Test
    void aQueryDoesNotWaitLongerThanItsLimitForABusyModel() {
        CountDownLatch gate = new CountDownLatch(1);
        try (BoundedEmbedder embedder = new BoundedEmbedder(new HashingEmbedder(gate), 1, 4)) {
            assertThat(embedder.queryVector("fuel cell", Duration.ofMillis(50))).isEmpty();
        } finally {
            gate.countDown();
        }
    }

    @Test
    void aFullQueueRefusesWorkAtOnceInsteadOfPilingItUp() {
        CountDownLatch gate = new CountDownLatch(1);
        try (BoundedEmbedder embedder = new BoundedEmbedder(new HashingEmbedder(gate), 1, 1)) {
            embedder.documentVectors(List.of("running")); // taken by the one thread
            embedder.documentVectors(List.of("queued")); // fills the queue
            assertThatThrownBy(() -> embedder.documentVectors(List.of("refused")))
                    .isInstanceOf(RejectedExecutionException.class);
            assertThat(embedder.queryVector("fuel cell", Duration.ofSeconds(5))).isEmpty();
        } finally {
            gate.countDown();
        }
    }
}
