package org.techmarket.notification.application;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.notification.WebhookSignatures;
import org.techmarket.notification.domain.WebhookAddress;
import org.techmarket.notification.persistence.Deliveries;
import org.techmarket.notification.persistence.Deliveries.Attempt;
import org.techmarket.notification.persistence.Deliveries.Claimed;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;
import org.techmarket.shared.jobs.RetryPolicy;

/**
 * Sends webhook deliveries, job {@value #JOB} on {@link BackgroundJobs}: each due delivery is claimed with
 * {@code SKIP LOCKED}, POSTed signed ({@link WebhookSignatures}) with connect and read timeouts, and its attempt logged.
 * A 2xx answer delivers it; anything else is tried again after a back-off that doubles from the first retry up to a
 * ceiling, and after the last attempt it is abandoned and shown among the stuck items ({@link AbandonedDeliveries})
 * until an operator releases it.
 * The sending runs on a small pool of its own threads, never on a request's thread, a market transaction, or the
 * scheduler that closes listings, so a slow or failing receiver holds up only other deliveries.
 */
@Component
class WebhookDelivery {

    static final String JOB = "webhook-delivery";

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private static final int MAX_ERROR_LENGTH = 500;

    private final Deliveries deliveries;
    private final AuditLog audit;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final RetryPolicy retry;
    private final boolean allowPrivateAddresses;
    private final Duration readTimeout;
    private final WebhookClient http;
    private final ExecutorService senders;
    private final Semaphore free;
    private final Job job;

    WebhookDelivery(
            Deliveries deliveries,
            AuditLog audit,
            BackgroundJobs jobs,
            Clock clock,
            @Value("${techmarket.notification.webhooks.max-attempts:6}") int maxAttempts,
            @Value("${techmarket.notification.webhooks.first-retry-after:PT30S}") Duration firstRetryAfter,
            @Value("${techmarket.notification.webhooks.max-retry-after:PT1H}") Duration maxRetryAfter,
            @Value("${techmarket.notification.webhooks.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${techmarket.notification.webhooks.read-timeout:PT5S}") Duration readTimeout,
            @Value("${techmarket.notification.webhooks.senders:2}") int senders,
            @Value("${techmarket.notification.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.deliveries = deliveries;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.retry = new RetryPolicy(maxAttempts, firstRetryAfter, maxRetryAfter);
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.readTimeout = readTimeout;
        this.http = new WebhookClient(connectTimeout);
        this.senders = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.free = new Semaphore(senders);
        this.job = Job.of(JOB, deliveries::due, this::deliver);
    }

    /** Starts a sender on each free thread of the pool; returns at once. */
    @Scheduled(
            fixedDelayString = "${techmarket.notification.webhooks.delivery-interval:PT1S}",
            initialDelayString = "${techmarket.notification.webhooks.delivery-interval:PT1S}")
    void run() {
        while (free.tryAcquire()) {
            try {
                senders.execute(() -> {
                    try {
                        deliverDue(clock.instant());
                    } catch (RuntimeException failed) {
                        // Listing what is due failed (the database going away at shutdown); the next tick tries again.
                        log.warn("Webhook deliveries could not be listed: {}", failed.toString());
                    } finally {
                        free.release();
                    }
                });
            } catch (RuntimeException refused) {
                free.release();
                throw refused;
            }
        }
    }

    /** Sends what is due at {@code asOf} on the calling thread, one delivery per transaction; returns how many. */
    int deliverDue(Instant asOf) {
        return jobs.run(job, asOf.truncatedTo(ChronoUnit.MICROS));
    }

    private boolean deliver(String id, Instant asOf) {
        Optional<Claimed> claimed = deliveries.claim(id, asOf);
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed delivery = claimed.get();
        int attempt = delivery.attempts() + 1;
        Attempt result = send(delivery, delivery.logged() + 1);
        deliveries.addAttempt(id, result);
        boolean delivered = result.statusCode().isPresent()
                && result.statusCode().getAsInt() >= 200
                && result.statusCode().getAsInt() < 300;
        Instant settled = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (delivered) {
            deliveries.settle(id, attempt, "DELIVERED", Optional.empty(), settled);
            return true;
        }
        Optional<Instant> next = retry.nextAttempt(attempt, asOf.isAfter(settled) ? asOf : settled);
        deliveries.settle(id, attempt, next.isPresent() ? "PENDING" : "ABANDONED", next, settled);
        if (next.isEmpty()) {
            audit.record(
                    "system",
                    NotificationEvents.WebhookDeliveryAbandoned,
                    "webhook-delivery:" + id,
                    Map.of("attempts", attempt, "lastError", describe(result)));
        }
        return true;
    }

    private Attempt send(Claimed delivery, int attempt) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        Optional<String> refused = WebhookAddress.refusal(delivery.url(), allowPrivateAddresses);
        if (refused.isPresent()) {
            return new Attempt(attempt, at, OptionalInt.empty(), 0, refused);
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "techmarket-webhooks/1")
                .header(WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.sign(delivery.secret(), at, body))
                .header(WebhookSignatures.DELIVERY_HEADER, delivery.id())
                .header(WebhookSignatures.KIND_HEADER, delivery.kind())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.get().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Attempt(
                    attempt,
                    at,
                    OptionalInt.of(status),
                    millisSince(started),
                    status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP " + status));
        } catch (IOException | RuntimeException e) {
            return new Attempt(attempt, at, OptionalInt.empty(), millisSince(started), Optional.of(error(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(attempt, at, OptionalInt.empty(), millisSince(started), Optional.of("interrupted"));
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    private static String describe(Attempt attempt) {
        return attempt.error().orElse("HTTP " + attempt.statusCode());
    }

    private static String error(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
