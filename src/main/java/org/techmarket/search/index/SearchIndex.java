package org.techmarket.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.techmarket.search.SearchDocument;

/**
 * A node's Lucene index in its data directory ({@code <dir>/index-<n>}, the one in use named by {@code <dir>/CURRENT}).
 * The feed position the index has caught up to and the schema version are kept in each Lucene commit, so that an index
 * and its position are always written together. A rebuild writes a new generation beside the one in use, which keeps
 * answering searches, and {@link #swap} puts it in place. Searches take a searcher with {@link #acquire} and give it
 * back with {@link #release}.
 */
public final class SearchIndex implements AutoCloseable {

    static final String POSITION = "feedPosition";
    static final String SCHEMA = "schema";
    static final String COMMITTED_AT = "committedAt";
    static final String ORIGIN = "origin";
    private static final String CURRENT = "CURRENT";

    /** How a commit's segments are kept. */
    public enum Segments {
        /** Small segments merged into one at every commit and reader ({@link SmallSegmentsMerged}): what a node does. */
        SMALL_ONES_MERGED,
        /** Each commit's segment kept until Lucene's tiered merges take it: for tests that need several segments. */
        AS_COMMITTED
    }

    private static final long MERGE_WAIT_MILLIS = 2_000;

    private final Path root;
    private final Segments segments;
    private volatile Generation current;

    /** One directory of the index with its writer and searchers. */
    public static final class Generation implements AutoCloseable {
        private final Path path;
        private final FSDirectory directory;
        private final IndexWriter writer;
        private final SearcherManager searchers;

        private Generation(Path path, boolean create, Segments segments) throws IOException {
            this.path = path;
            this.directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(Analysis.perField())
                    .setOpenMode(
                            create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(Loader.RAM_BUFFER_MB);
            if (segments == Segments.SMALL_ONES_MERGED) {
                config.setMergePolicy(new SmallSegmentsMerged(new TieredMergePolicy()))
                        // a commit waits this long for its small segments to be merged, else goes with them apart
                        .setMaxFullFlushMergeWaitMillis(MERGE_WAIT_MILLIS);
            }
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        }

        /** Adds or replaces the documents, and removes the items of {@code gone} (keys). */
        public void apply(Collection<SearchDocument> documents, Collection<String> gone) {
            apply(documents, gone, Map.of());
        }

        /** As {@link #apply(Collection, Collection)}, with the vector fields of the documents that have one (by key). */
        public void apply(
                Collection<SearchDocument> documents,
                Collection<String> gone,
                Map<String, ? extends IndexableField> vectors) {
            try {
                for (SearchDocument d : documents) {
                    writer.updateDocument(
                            new Term(Fields.KEY, Fields.key(d.type(), d.id())), Loader.document(d, vectors));
                }
                for (String key : gone) {
                    writer.deleteDocuments(new Term(Fields.KEY, key));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A loader of documents not yet in this generation (a rebuild's, every item once), analysed on {@code threads}
         * threads; nothing is searchable until {@link #commit}.
         */
        public Loader loader(int threads) {
            return new Loader(writer, threads);
        }

        /**
         * Commits what was applied with the feed position reached in the feed of database {@code origin}, and lets
         * searches see it.
         */
        public void commit(String position, String origin, java.time.Instant at) {
            try {
                writer.setLiveCommitData(Map.of(
                                POSITION,
                                position,
                                ORIGIN,
                                origin,
                                SCHEMA,
                                Fields.SCHEMA_VERSION,
                                COMMITTED_AT,
                                at.toString())
                        .entrySet());
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Map<String, String> committed() throws IOException {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            return data;
        }

        @Override
        public void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    private SearchIndex(Path root, Segments segments, Generation current) {
        this.root = root;
        this.segments = segments;
        this.current = current;
    }

    /**
     * Opens the index under {@code root}, creating an empty generation when there is none. {@link #position} is empty
     * when the index must be rebuilt: new, or of another schema version.
     */
    public static SearchIndex open(Path root) {
        return open(root, Segments.SMALL_ONES_MERGED);
    }

    /** As {@link #open(Path)}, its segments kept as {@code segments} says. */
    public static SearchIndex open(Path root, Segments segments) {
        try {
            Files.createDirectories(root);
            Path currentFile = root.resolve(CURRENT);
            Path path = Files.exists(currentFile)
                    ? root.resolve(Files.readString(currentFile).strip())
                    : newGeneration(root);
            SearchIndex index = new SearchIndex(root, segments, new Generation(path, false, segments));
            index.pointAt(path);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The feed position the index in use has caught up to in the feed of database {@code origin}; empty when it must be
     * rebuilt: new, of another schema, built from another database's feed (its items are not this database's, and its
     * position says nothing of this feed), or last committed before {@code notBefore} (the feed may have been pruned of
     * changes it has not seen since).
     */
    public Optional<String> position(java.time.Instant notBefore, String origin) {
        try {
            Map<String, String> data = current.committed();
            if (!Fields.SCHEMA_VERSION.equals(data.get(SCHEMA))
                    || !origin.equals(data.get(ORIGIN))
                    || data.get(COMMITTED_AT) == null
                    || java.time.Instant.parse(data.get(COMMITTED_AT)).isBefore(notBefore)) {
                return Optional.empty();
            }
            return Optional.ofNullable(data.get(POSITION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generation in use, to apply changes to. */
    public Generation current() {
        return current;
    }

    /** A new, empty generation beside the one in use, for a rebuild. */
    public Generation create() {
        try {
            return new Generation(newGeneration(root), true, segments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a rebuilt (committed) generation in use and deletes the one before, once its searches are done. */
    public void swap(Generation rebuilt) {
        Generation before = current;
        try {
            pointAt(rebuilt.path);
            current = rebuilt;
            before.close();
            deleteOthers(rebuilt.path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A searcher over the generation in use; give it back with {@link #release}. */
    public Acquired acquire() {
        while (true) {
            Generation generation = current;
            try {
                return new Acquired(generation, generation.searchers.acquire());
            } catch (org.apache.lucene.store.AlreadyClosedException swappedMeanwhile) {
                // A swap closed this generation between reading it and acquiring: take the new one.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A searcher and the generation it came from. */
    public record Acquired(Generation generation, IndexSearcher searcher) {}

    public void release(Acquired acquired) {
        try {
            acquired.generation().searchers.release(acquired.searcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }

    private void pointAt(Path path) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, path.getFileName().toString());
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path newGeneration(Path root) {
        return root.resolve("index-" + System.currentTimeMillis() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    private void deleteOthers(Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry :
                    entries.filter(p -> Files.isDirectory(p) && !p.equals(keep)).toList()) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    walk.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
