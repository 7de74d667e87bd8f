package org.techmarket.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The collector's pauses in this JVM as they happen, so that a benchmark can say how many pauses fell in each measured
 * window, how long they took together and the longest; and the collector and heap settings the JVM runs with, so that
 * a run states what it measured. A pause stops every request in flight, which is why a page's p99 can be many times
 * its CPU time.
 */
public final class GcPauses {

    /** The settings that decide how often and how long the collector pauses. */
    private static final List<String> FLAGS = List.of(
            "UseG1GC",
            "UseParallelGC",
            "UseSerialGC",
            "MaxGCPauseMillis",
            "InitialHeapSize",
            "MaxHeapSize",
            "NewSize",
            "MaxNewSize",
            "AlwaysPreTouch",
            "ParallelGCThreads",
            "ConcGCThreads");

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalMicros = new AtomicLong();
    private final AtomicLong longestMicros = new AtomicLong();

    private GcPauses() {}

    /** Starts counting every collection of this JVM from now on. */
    public static GcPauses counting() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    pauses.add(GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData()));
                                }
                            },
                            null,
                            null);
        }
        return pauses;
    }

    private void add(GarbageCollectionNotificationInfo info) {
        // Only collections that stop the application count; the JDK names G1's concurrent cycle "G1 Concurrent GC".
        if (info.getGcName().contains("Concurrent")) {
            return;
        }
        long micros = info.getGcInfo().getDuration() * 1_000;
        count.incrementAndGet();
        totalMicros.addAndGet(micros);
        longestMicros.accumulateAndGet(micros, Math::max);
    }

    /** Starts a window: what has been counted so far, the longest pause forgotten. */
    public Mark mark() {
        longestMicros.set(0);
        return new Mark(count.get(), totalMicros.get());
    }

    /** The counts at the start of a window. */
    public record Mark(long count, long totalMicros) {}

    /** The pauses since {@code start}: how many, their sum and the longest. */
    public String since(Mark start) {
        long longest = longestMicros.get();
        return String.format(
                "gc: %d pauses, %.0f ms in all, longest %.0f ms",
                count.get() - start.count(), (totalMicros.get() - start.totalMicros()) / 1e3, longest / 1e3);
    }

    /** The collectors, the collector and heap flags in force, and the flags given on the command line. */
    public static String settings() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        String flags = FLAGS.stream()
                .map(flag -> {
                    try {
                        return flag + "=" + hotspot.getVMOption(flag).getValue();
                    } catch (IllegalArgumentException unknown) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.joining(" "));
        String given = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-X") && !argument.startsWith("-Xlog"))
                .collect(Collectors.joining(" "));
        return "collectors: " + collectors + "; " + flags + "; given: " + (given.isEmpty() ? "none" : given);
    }
}
