package org.techmarket.listing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * This JVM's CPU split by what its threads do (the JIT's compilers, the garbage collector, the server's request
 * threads, the rest), read from {@code /proc/self/task}: a run whose CPU per request is higher than
 * another's is told by which of them grew. Linux only; elsewhere every figure is zero.
 */
final class CpuSplit {

    /** Clock ticks per second of {@code /proc}'s CPU times, as Linux reports them to user space. */
    private static final long TICKS = 100;

    private CpuSplit() {}

    /** CPU milliseconds by kind of thread, for the threads alive now. */
    static Map<String, Long> now() {
        Map<String, Long> split = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    // utime and stime are the 14th and 15th fields of the line, the 12th and 13th after the name.
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    split.merge(kind(name), ticks * 1000 / TICKS, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended while it was read: its CPU leaves the split, as it leaves the process's threads.
                }
            });
        } catch (IOException notLinux) {
            return Map.of();
        }
        return split;
    }

    /** What {@code after} has more than {@code before}, kind by kind. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new LinkedHashMap<>();
        after.forEach((kind, ms) -> grown.put(kind, ms - before.getOrDefault(kind, 0L)));
        return grown;
    }

    private static String kind(String thread) {
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (thread.startsWith("G1 ") || thread.startsWith("GC ") || thread.startsWith("VM Thread")) {
            return "gc+vm";
        }
        if (thread.startsWith("http-nio")) {
            return "server";
        }
        return "other";
    }
}
