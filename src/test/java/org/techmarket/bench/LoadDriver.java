package org.techmarket.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a bounded load: N workers call an operation in a loop for a fixed time (after a warm-up) and the
 * driver reports completed operations per second and the latency distribution. Used by the benchmarks that
 * measure the HTTP path; every loop stops by itself.
 */
public final class LoadDriver {

    /** One unit of work; returns whether it counted as a success. */
    @FunctionalInterface
    public interface Operation {
        boolean run(int worker, long iteration) throws Exception;
    }

    /** What a run measured. */
    public record Result(
            String name,
            int workers,
            long succeeded,
            long failed,
            double seconds,
            long p50Micros,
            long p99Micros,
            long maxMicros,
            long jvmCpuMicros,
            long databaseCpuMicros) {
        public double perSecond() {
            return succeeded / seconds;
        }

        /** CPU time (this JVM's and the database's) per request, successful or not, in the measured window. */
        public double cpuMicrosPerRequest() {
            long requests = succeeded + failed;
            return requests == 0 ? 0 : (jvmCpuMicros + databaseCpuMicros) / (double) requests;
        }

        @Override
        public String toString() {
            long requests = Math.max(1, succeeded + failed);
            return String.format(
                    "%-40s workers=%3d  ok=%8d  failed=%6d  %10.1f/s  p50=%7d µs  p99=%8d µs  max=%8d µs"
                            + "  cpu/request=%7.0f µs (jvm %7.0f + db %7.0f)",
                    name,
                    workers,
                    succeeded,
                    failed,
                    perSecond(),
                    p50Micros,
                    p99Micros,
                    maxMicros,
                    cpuMicrosPerRequest(),
                    jvmCpuMicros / (double) requests,
                    databaseCpuMicros / (double) requests);
        }
    }

    /** The data directory of the database whose processes' CPU a run counts besides this JVM's; none when null. */
    private static volatile String databaseDirectory;

    /**
     * Counts, from now on, the CPU of the PostgreSQL server started on {@code dataDirectory} (its postmaster and every
     * process under it) in each run's figures: on a loaded machine CPU per request moves far less than rates do.
     */
    public static void countDatabaseCpu(java.nio.file.Path dataDirectory) {
        databaseDirectory = dataDirectory.toString();
    }

    private static long jvmCpuMicros() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000;
    }

    private static long databaseCpuMicros() {
        String directory = databaseDirectory;
        if (directory == null) {
            return 0;
        }
        // The postmaster's own CPU with that of its children that have ended (autovacuum workers, closed connections'
        // backends), which it has reaped, and the CPU of those still running: a count that only grows, where summing
        // the live processes alone lost every process that ended within a run, and went negative when one ended that
        // had started before it.
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> Arrays.asList(args).contains(directory))
                        .orElse(false))
                .mapToLong(postmaster -> cpuMicros(postmaster, true)
                        + postmaster
                                .descendants()
                                .mapToLong(p -> cpuMicros(p, true))
                                .sum())
                .sum();
    }

    /** A process's CPU in microseconds, with its ended and reaped children's if asked, from {@code /proc} on Linux. */
    private static long cpuMicros(ProcessHandle process, boolean withEndedChildren) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", process.pid() + "", "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime, stime, cutime and cstime: the 14th to 17th fields, the 12th to 15th after the name; in ticks of
            // 1/100 s.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks * 10_000;
        } catch (java.io.IOException | RuntimeException gone) {
            return process.info()
                    .totalCpuDuration()
                    .map(d -> d.toNanos() / 1_000)
                    .orElse(0L);
        }
    }

    private LoadDriver() {}

    /**
     * The HTTP benchmarks' baseline: each worker updates its own row of {@code benchmark_counter} in a durable
     * commit of its own over plain JDBC, on the same database as the market.
     */
    public static Operation oneRowCommits(String url, int workers) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement s = c.createStatement()) {
            s.execute("create table if not exists benchmark_counter (id int primary key, n bigint not null)");
            s.execute("insert into benchmark_counter select g, 0 from generate_series(0, " + (workers - 1)
                    + ") g on conflict do nothing");
        }
        java.sql.PreparedStatement[] updates = new java.sql.PreparedStatement[workers];
        for (int w = 0; w < workers; w++) {
            updates[w] = java.sql.DriverManager.getConnection(url)
                    .prepareStatement("update benchmark_counter set n = n + 1 where id = ?");
            updates[w].setInt(1, w);
        }
        return (worker, iteration) -> updates[worker].executeUpdate() == 1;
    }

    public static Result run(String name, int workers, double warmupSeconds, double seconds, Operation operation)
            throws InterruptedException {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Samples> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Samples samples = new Samples();
            latencies.add(samples);
            Thread thread = new Thread(
                    () -> {
                        try {
                            long i = 0;
                            while (true) {
                                long start = System.nanoTime();
                                if (start >= end) {
                                    break;
                                }
                                boolean success;
                                try {
                                    success = operation.run(worker, i++);
                                } catch (Exception e) {
                                    success = false;
                                }
                                long finished = System.nanoTime();
                                if (start >= warmupEnd) {
                                    (success ? ok : failed).incrementAndGet();
                                    samples.add((finished - start) / 1_000);
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    name + "-" + w);
            thread.setDaemon(true);
            thread.start();
        }
        long untilMeasured = (warmupEnd - System.nanoTime()) / 1_000_000;
        if (untilMeasured > 0) {
            Thread.sleep(untilMeasured);
        }
        long jvmBefore = jvmCpuMicros();
        long databaseBefore = databaseCpuMicros();
        done.await();
        long jvmCpu = jvmCpuMicros() - jvmBefore;
        long databaseCpu = databaseCpuMicros() - databaseBefore;
        long[] all = merge(latencies);
        return new Result(
                name,
                workers,
                ok.get(),
                failed.get(),
                seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1],
                jvmCpu,
                databaseCpu);
    }

    private static long[] merge(List<Samples> perWorker) {
        long[] all = perWorker.stream().flatMapToLong(Samples::values).toArray();
        Arrays.sort(all);
        return all;
    }

    /** One worker's latencies in microseconds; only that worker writes it, the driver reads it after the run. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int count;

        void add(long micros) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = micros;
        }

        java.util.stream.LongStream values() {
            return Arrays.stream(values, 0, count);
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
