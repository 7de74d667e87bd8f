package org.techmarket.search.meaning;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query translator once its dictionary is loaded. The dictionary loads on a thread of its own, so that it does not
 * lengthen the application's start (the server starts it once it is ready, so that it does not take the CPU the start
 * needs either); until it is loaded, queries are searched as written, untranslated.
 */
public final class Translations {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Supplier<BilingualDictionary> dictionary;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile QueryTranslator translator;

    private Translations(Supplier<BilingualDictionary> dictionary) {
        this.dictionary = dictionary;
    }

    /** Starts loading the dictionary on a background thread and answers untranslated until it is loaded. */
    public static Translations loading(Supplier<BilingualDictionary> dictionary) {
        Translations translations = pending(dictionary);
        translations.startLoading();
        return translations;
    }

    /** Answers untranslated until {@link #startLoading()} has been called and the dictionary is loaded. */
    public static Translations pending(Supplier<BilingualDictionary> dictionary) {
        return new Translations(dictionary);
    }

    /** Starts loading the dictionary on a background thread, the first time it is called. */
    public void startLoading() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread loader = new Thread(this::load, "dictionary-load");
        loader.setDaemon(true);
        loader.start();
        log.info("Bilingual dictionary loading in the background; until it is loaded, searches are not translated");
    }

    boolean loadingStarted() {
        return started.get();
    }

    /** The query's translations; none while the dictionary is still loading. */
    public QueryTranslator.Translation translate(String query) {
        QueryTranslator loaded = translator;
        return loaded == null ? new QueryTranslator.Translation(query, List.of(), List.of()) : loaded.translate(query);
    }

    /** The translator, once the dictionary is loaded. */
    public Optional<QueryTranslator> translator() {
        return Optional.ofNullable(translator);
    }

    private void load() {
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        try {
            BilingualDictionary loaded = dictionary.get();
            translator = new QueryTranslator(loaded);
            log.info(
                    "Bilingual dictionary: {} headwords in {} ms (heap grew by about {} MB); searches are translated",
                    loaded.headwords(),
                    (System.nanoTime() - start) / 1_000_000,
                    Math.max(0, runtime.totalMemory() - runtime.freeMemory() - heapBefore) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Bilingual dictionary failed to load; searches stay untranslated", e);
        }
    }
}
