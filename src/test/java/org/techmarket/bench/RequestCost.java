package org.techmarket.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a stretch of load cost the market, per unit of work: CPU time on its request threads ({@code http-nio-*}) and
 * on the threads whose names start with a given prefix (the ledger's callers in a benchmark that calls it directly),
 * CPU time of its PostgreSQL's backends (from {@code /proc}), and the bytes those Java threads allocated. Unlike rates,
 * these hardly move when other work on the machine takes the cores, so they compare runs made under different loads.
 */
public record RequestCost(double serverMillis, double databaseMillis, double allocatedKilobytes) {

    /** The total CPU time per unit, server and database. */
    public double totalMillis() {
        return serverMillis + databaseMillis;
    }

    @Override
    public String toString() {
        return per("unit");
    }

    /** The cost in words, per the named unit of work ("request", "deal"). */
    public String per(String unit) {
        return String.format(
                "CPU per %s %.2f ms (server %.2f ms, database %.2f ms), %.0f KB allocated",
                unit, totalMillis(), serverMillis, databaseMillis, allocatedKilobytes);
    }

    /** A reading taken before the load, to be closed by {@link #per} after it. */
    public record Mark(String threadPrefix, long postmaster, long serverNanos, long databaseNanos, long bytes) {

        /** The cost of what ran since this mark, divided over {@code units} (requests, deals, transfers). */
        public RequestCost per(long units) {
            double n = Math.max(1, units);
            Mark now = mark(threadPrefix, postmaster);
            return new RequestCost(
                    (now.serverNanos - serverNanos) / n / 1e6,
                    (now.databaseNanos - databaseNanos) / n / 1e6,
                    (now.bytes - bytes) / n / 1024);
        }
    }

    /**
     * Marks the CPU and allocation counters now: of the threads named {@code threadPrefix…} in this JVM and of the
     * backends of the PostgreSQL whose data directory is {@code data}.
     */
    public static Mark mark(String threadPrefix, Path data) {
        return mark(threadPrefix, postmaster(data));
    }

    private static Mark mark(String threadPrefix, long postmaster) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = 0;
        long bytes = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(threadPrefix)) {
                cpu += Math.max(0, threads.getThreadCpuTime(thread.getId()));
                bytes += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return new Mark(threadPrefix, postmaster, cpu, databaseNanos(postmaster), bytes);
    }

    private static long postmaster(Path data) {
        try {
            return Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        } catch (java.io.IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /**
     * User and system time of the PostgreSQL server, in clock ticks of 10 ms: its live processes' (the postmaster's
     * descendants, its backends among them), the postmaster's own, and that of the backends that have ended, which
     * the postmaster's counters of its waited-for children keep. Without the last, a backend that ended during a
     * measurement took its time with it and the difference could come out negative.
     */
    private static long databaseNanos(long postmaster) {
        if (postmaster < 0) {
            return 0;
        }
        long live = ProcessHandle.of(postmaster).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToLong(process -> ticks(process.pid(), 11, 12))
                .sum();
        return (live + ticks(postmaster, 11, 12) + ticks(postmaster, 13, 14)) * 10_000_000L;
    }

    /** The sum of two counters of a process's {@code /proc/<pid>/stat}, counted from the field after its name. */
    private static long ticks(long pid, int first, int second) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[first]) + Long.parseLong(fields[second]);
        } catch (java.io.IOException | RuntimeException gone) {
            return 0;
        }
    }
}
