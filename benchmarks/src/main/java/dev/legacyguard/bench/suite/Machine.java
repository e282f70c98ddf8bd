package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the figures were measured on, and how busy it was. */
record Machine(int processors, String cpu, String memory, String jdk, Instant at, String loadAverage)
        implements Serializable {

    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), firstLine("/proc/loadavg"));
    }

    private static String cpuModel() {
        return procValue("/proc/cpuinfo", "model name");
    }

    private static String memTotal() {
        String kb = procValue("/proc/meminfo", "MemTotal");
        try {
            long value = Long.parseLong(kb.replace("kB", "").trim());
            return String.format("%.1f GiB", value / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String procValue(String file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String firstLine(String file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? "unknown" : lines.get(0);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
