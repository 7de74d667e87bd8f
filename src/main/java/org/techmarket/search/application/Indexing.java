package org.techmarket.search.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchSource;
import org.techmarket.search.index.Fields;
import org.techmarket.search.index.Loader;
import org.techmarket.search.index.SearchIndex;
import org.techmarket.search.persistence.ChangeFeed;
import org.techmarket.search.persistence.ChangeFeed.Change;
import org.techmarket.search.persistence.ChangeFeed.Position;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Keeps this node's index in step with the database. At start it rebuilds the index when it is missing, of another
 * schema, or older than the feed's retention; then it tails the change feed (a {@link Sweep} of {@link BackgroundJobs}
 * every {@code techmarket.search.feed-interval}), re-reading each changed item from its {@link SearchSource}, so a
 * committed change is searchable on every node within about a second. A rebuild on request writes a new index while
 * searches keep answering from the old one, then swaps; the tail resumes from where the rebuild began. A rebuild
 * analyses its documents on {@code techmarket.search.rebuild-threads} threads (default: one per processor) and commits
 * once, at its end.
 */
@Component
public class Indexing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Indexing.class);
    static final int FEED_BATCH = 500;
    private static final int REBUILD_BATCH = 1000;

    private final SearchIndex index;
    private final DocumentVectors vectors;
    private final ChangeFeed feed;
    private final Map<String, SearchSource> sources = new LinkedHashMap<>();
    private final SavedSearchMatching matching;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Duration retention;
    private final int rebuildThreads;
    private final Sweep tail;
    private final Object applying = new Object();
    private final Object rebuilding = new Object();
    private volatile Position position = Position.START;
    /** The id of the database whose feed this node follows, recorded with every commit of its index. */
    private volatile String origin;

    Indexing(
            SearchIndex index,
            DocumentVectors vectors,
            ChangeFeed feed,
            List<SearchSource> sources,
            SavedSearchMatching matching,
            BackgroundJobs jobs,
            Clock clock,
            NodeName node,
            @Value("${techmarket.search.feed-retention:P7D}") Duration retention,
            @Value("${techmarket.search.rebuild-threads:0}") int rebuildThreads) {
        this.index = index;
        this.vectors = vectors;
        this.feed = feed;
        sources.forEach(source -> this.sources.put(source.type(), source));
        this.matching = matching;
        this.jobs = jobs;
        this.clock = clock;
        this.retention = retention;
        this.rebuildThreads =
                rebuildThreads > 0 ? rebuildThreads : Runtime.getRuntime().availableProcessors();
        this.tail = Sweep.of("search-feed@" + node.name(), asOf -> applyNext());
    }

    /** The item types the index holds. */
    public Set<String> types() {
        return sources.keySet();
    }

    @Override
    public void afterSingletonsInstantiated() {
        origin = feed.origin();
        Optional<String> kept = index.position(clock.instant().minus(retention), origin);
        if (kept.isPresent()) {
            position = Position.parse(kept.get());
            log.info("Search index opened at feed position {}", position.seq());
        } else {
            log.info("Search index missing, of another schema or database, or too old: rebuilding it from the"
                    + " database");
            rebuild();
        }
        catchUp();
    }

    @Scheduled(
            fixedDelayString = "${techmarket.search.feed-interval:PT0.5S}",
            initialDelayString = "${techmarket.search.feed-interval:PT0.5S}")
    void followFeed() {
        catchUp();
    }

    /** Applies every change committed so far; returns how many changes it applied. */
    public int catchUp() {
        synchronized (applying) {
            return jobs.sweep(tail, clock.instant());
        }
    }

    @Scheduled(cron = "${techmarket.search.feed-prune-cron:0 50 3 * * *}", zone = "UTC")
    void pruneFeed() {
        Instant before = clock.instant().minus(retention);
        jobs.sweep(
                Sweep.of("search-feed-pruning", asOf -> Swept.of(feed.prune(before, 10_000), 10_000)), clock.instant());
    }

    /** Writes a new index from every source's items and puts it in place; searches go on meanwhile. */
    public long rebuild() {
        synchronized (rebuilding) {
            Position start = feed.now();
            SearchIndex.Generation fresh = index.create();
            long count = 0;
            // The database is read on this thread while the loader's threads analyse the batches read before.
            try (Loader loader = fresh.loader(rebuildThreads)) {
                for (SearchSource source : sources.values()) {
                    String after = null;
                    while (true) {
                        List<String> ids = source.ids(after, REBUILD_BATCH);
                        if (ids.isEmpty()) {
                            break;
                        }
                        List<SearchDocument> documents = source.documents(ids);
                        loader.add(documents, vectors.of(documents));
                        count += documents.size();
                        after = ids.get(ids.size() - 1);
                    }
                }
            }
            fresh.commit(start.text(), origin(), clock.instant());
            synchronized (applying) {
                index.swap(fresh);
                position = start;
            }
            log.info("Search index rebuilt with {} items", count);
            return count;
        }
    }

    private String origin() {
        String known = origin;
        if (known == null) {
            known = feed.origin();
            origin = known;
        }
        return known;
    }

    private Swept applyNext() {
        ChangeFeed.Read read = feed.after(position, FEED_BATCH);
        if (read.changes().isEmpty()) {
            position = read.next();
            return Swept.last(0);
        }
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        Map<String, Instant> changedAt = new HashMap<>();
        for (Change change : read.changes()) {
            byType.computeIfAbsent(change.type(), t -> new LinkedHashSet<>()).add(change.id());
            changedAt.merge(Fields.key(change.type(), change.id()), change.changedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<SearchDocument> documents = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        byType.forEach((type, ids) -> {
            SearchSource source = sources.get(type);
            if (source == null) {
                return; // a type no source on this node provides (yet): nothing to index
            }
            List<SearchDocument> found = source.documents(ids);
            documents.addAll(found);
            Set<String> missing = new LinkedHashSet<>(ids);
            found.forEach(d -> missing.remove(d.id()));
            missing.forEach(id -> gone.add(Fields.key(type, id)));
        });
        SearchIndex.Generation generation = index.current();
        generation.apply(documents, gone, vectors.of(documents));
        matching.match(documents, changedAt);
        Position next = read.next();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                generation.commit(next.text(), origin(), clock.instant());
                position = next;
            }
        });
        return new Swept(read.changes().size(), read.more());
    }
}
