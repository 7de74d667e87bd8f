package org.techmarket.observatory.application;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.techmarket.observatory.ObservatoryCodes;
import org.techmarket.observatory.domain.GvcParticipation;
import org.techmarket.observatory.domain.IoTable;
import org.techmarket.observatory.domain.KwwDecomposition;
import org.techmarket.observatory.domain.LeontiefModel;
import org.techmarket.observatory.domain.WiodIndustry;
import org.techmarket.shared.Rejection;

/**
 * The observatory's figures by year, each computed once from its table and then kept in memory: the tables are
 * published data that never change, and every node computes the same. The first question about a year waits for
 * its computation (a few seconds for WIOD's 1,435 rows); with {@code techmarket.observatory.warm-up} the
 * computation starts in the background once the market accepts traffic, so start-up neither waits for it nor shares
 * the CPU with it.
 */
@Service
public class ObservatoryFigures {

    private static final Logger log = LoggerFactory.getLogger(ObservatoryFigures.class);

    /** The tables the observatory has, by year. */
    private static final NavigableMap<Integer, String> TABLES = new TreeMap<>(Map.of(2011, "observatory/wiod2011"));

    private final Map<Integer, CompletableFuture<YearFigures>> figures = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "observatory");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final boolean warmUp;

    ObservatoryFigures(@Value("${techmarket.observatory.warm-up:true}") boolean warmUp) {
        this.warmUp = warmUp;
    }

    /** The years the observatory has a table for, oldest first. */
    public List<Integer> years() {
        return List.copyOf(TABLES.keySet());
    }

    /** The newest year the observatory has a table for. */
    public int latestYear() {
        return TABLES.lastKey();
    }

    /** The figures of {@code year}, computed now if nobody asked before; refused for a year without a table. */
    public YearFigures of(int year) {
        if (!TABLES.containsKey(year)) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    ObservatoryCodes.NO_TABLE_FOR_YEAR,
                    "The observatory has no input–output table for " + year + "; it has " + years());
        }
        return computation(year).join();
    }

    /**
     * After readiness, not on the ready event: the ready event's other listeners (the statistics' rebuild) still stand
     * between the start and health UP, and the decomposition's seconds of CPU would take one of the two cores from them.
     */
    @EventListener
    void startComputing(AvailabilityChangeEvent<ReadinessState> event) {
        if (warmUp && event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            TABLES.keySet().forEach(this::computation);
        }
    }

    boolean computing(int year) {
        return figures.containsKey(year);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private CompletableFuture<YearFigures> computation(int year) {
        CompletableFuture<YearFigures> started =
                figures.computeIfAbsent(year, y -> CompletableFuture.supplyAsync(() -> compute(y), background));
        // A failure is not kept: the next question tries again.
        started.whenComplete((done, failure) -> {
            if (failure != null) {
                figures.remove(year, started);
            }
        });
        return started;
    }

    private static YearFigures compute(int year) {
        long start = System.nanoTime();
        IoTable published = TableResources.read(TABLES.get(year));
        IoTable table = published.balanced();
        LeontiefModel model = LeontiefModel.of(table);
        List<WiodIndustry> wiod = ObservatoryReference.wiodIndustries();
        List<WiodIndustry> industries = table.industries().stream()
                .map(code -> wiod.stream()
                        .filter(i -> i.code().equals(code))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the table's industry " + code + " is unknown")))
                .toList();
        YearFigures figures = new YearFigures(
                year,
                table.countries(),
                industries,
                KwwDecomposition.of(model),
                GvcParticipation.of(model),
                Duration.ofNanos(System.nanoTime() - start));
        log.info(
                "Decomposed the {} input–output table ({} rows; published output off its row totals by at most {}) in {} ms",
                year,
                table.size(),
                published.largestImbalance(),
                figures.computedIn().toMillis());
        return figures;
    }
}
