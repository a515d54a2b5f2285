package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The date and the machine a run measured on, for BENCHMARKS.md: CPU model, cores, memory, kernel, JDK. Stateless. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("%s, %s, %d cores, %d GiB, Linux %s, JDK %s",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), cpuModel(),
                Runtime.getRuntime().availableProcessors(), memoryGiB(), System.getProperty("os.version"),
                Runtime.version());
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static long memoryGiB() {
        return lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024)).orElse(0L);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of("(" + file + " unreadable: " + e.getMessage() + ")");
        }
    }
}
