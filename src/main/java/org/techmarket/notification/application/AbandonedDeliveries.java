package org.techmarket.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.techmarket.notification.persistence.Deliveries;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.jobs.StuckElsewhere;
import org.techmarket.shared.jobs.StuckItem;

/**
 * Webhook deliveries given up on after their last attempt, shown to operators among the stuck items of job
 * {@value WebhookDelivery#JOB}; releasing one lets it be tried once more, and one more failure gives it up again.
 */
@Component
class AbandonedDeliveries implements StuckElsewhere {

    private final Deliveries deliveries;
    private final int maxAttempts;

    AbandonedDeliveries(
            Deliveries deliveries, @Value("${techmarket.notification.webhooks.max-attempts:6}") int maxAttempts) {
        this.deliveries = deliveries;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public String job() {
        return WebhookDelivery.JOB;
    }

    @Override
    public List<StuckItem> stuck() {
        return items(deliveries.abandoned());
    }

    @Override
    public ReadsTogether.Later<List<StuckItem>> stuck(ReadsTogether.Batch batch) {
        return deliveries.abandoned(batch).map(AbandonedDeliveries::items);
    }

    private static List<StuckItem> items(List<Deliveries.Abandoned> abandoned) {
        return abandoned.stream().map(a -> item(a, Optional.empty())).toList();
    }

    @Override
    public Optional<StuckItem> release(String itemId, Instant at) {
        return deliveries.release(itemId, maxAttempts - 1, at).map(a -> item(a, Optional.of(at)));
    }

    private static StuckItem item(Deliveries.Abandoned abandoned, Optional<Instant> next) {
        return new StuckItem(
                WebhookDelivery.JOB,
                abandoned.id(),
                abandoned.attempts(),
                abandoned.lastError().orElse("abandoned"),
                abandoned.since(),
                abandoned.since(),
                next);
    }
}
