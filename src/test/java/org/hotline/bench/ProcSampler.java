package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples processes from Linux's /proc every second: CPU time ({@code /proc/<pid>/stat} utime +
 * stime, proc(5)), resident memory and threads ({@code /proc/<pid>/status}) and open file
 * descriptors ({@code /proc/<pid>/fd}). A process that has exited is skipped. Samples are taken on
 * one daemon thread and read from the driver's; the lists are synchronised.
 */
final class ProcSampler implements AutoCloseable {

    /** USER_HZ: the unit of utime and stime; 100 on every Linux the bench runs on (getconf CLK_TCK). */
    private static final int TICKS_PER_SECOND = 100;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-proc-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, List<Sample>> samples = new ConcurrentHashMap<>();
    /** Per watched process: socket inode to the drops last seen on it (a closed socket keeps its last count). */
    private final Map<Long, Map<Long, Long>> socketDrops = new ConcurrentHashMap<>();

    /** One reading of one process. */
    record Sample(long atNanos, long cpuTicks, long rssBytes, int threads, int fds) {
    }

    /** A process's figures over the sampling: CPU in % of one core. */
    record Peak(double maxCpuPercent, double meanCpuPercent, long maxRssBytes, int maxThreads, int maxFds, int samples) {
        static final Peak NONE = new Peak(0, 0, 0, 0, 0, 0);
    }

    void watch(long pid) {
        samples.putIfAbsent(pid, new ArrayList<>());
    }

    /** Also follow the receive-buffer drops of the process's UDP sockets ({@code /proc/<pid>/net/udp}, last column). */
    void watchSocketDrops(long pid) {
        socketDrops.putIfAbsent(pid, new ConcurrentHashMap<>());
    }

    /** Datagrams the kernel dropped on {@code pid}'s UDP sockets (full receive buffers) while sampled. */
    long socketDrops(long pid) {
        return socketDrops.getOrDefault(pid, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    void start() {
        timer.scheduleAtFixedRate(this::sampleAll, 0, 1, TimeUnit.SECONDS);
    }

    /** The figures of {@code pid} between its first and last sample. */
    Peak peak(long pid) {
        List<Sample> taken;
        List<Sample> list = samples.getOrDefault(pid, List.of());
        synchronized (list) {
            taken = List.copyOf(list);
        }
        if (taken.size() < 2) {
            return Peak.NONE;
        }
        double maxCpu = 0;
        for (int i = 1; i < taken.size(); i++) {
            maxCpu = Math.max(maxCpu, cpuPercent(taken.get(i - 1), taken.get(i)));
        }
        double meanCpu = cpuPercent(taken.getFirst(), taken.getLast());
        return new Peak(maxCpu, meanCpu, taken.stream().mapToLong(Sample::rssBytes).max().orElse(0),
                taken.stream().mapToInt(Sample::threads).max().orElse(0), taken.stream().mapToInt(Sample::fds).max().orElse(0),
                taken.size());
    }

    /** One reading now, if the process exists. */
    static Optional<Sample> read(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (proc(5) fields 14, 15)
            long rssKb = 0;
            int threads = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            int fds;
            try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
                fds = (int) open.count();
            }
            return Optional.of(new Sample(System.nanoTime(), ticks, rssKb * 1024, threads, fds));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the process exited between the reads
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sampleAll() {
        socketDrops.forEach((pid, drops) -> drops.putAll(UdpSockets.drops(pid)));
        samples.forEach((pid, list) -> read(pid).ifPresent(sample -> {
            synchronized (list) {
                list.add(sample);
            }
        }));
    }

    private static double cpuPercent(Sample from, Sample to) {
        double seconds = (to.atNanos() - from.atNanos()) / 1e9;
        return seconds <= 0 ? 0 : 100.0 * (to.cpuTicks() - from.cpuTicks()) / TICKS_PER_SECOND / seconds;
    }
}
