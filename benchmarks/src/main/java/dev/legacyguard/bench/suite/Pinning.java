package dev.legacyguard.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a helper JVM on one given processor with {@code taskset}, where Linux offers it, so the
 * scheduler cannot move its threads between cores from round to round. Moving them changed
 * how much network-stack work the measured threads were charged for: a loopback call's CPU
 * time jumped between ~15 and ~40 µs, and a load round's throughput by several percent.
 */
final class Pinning {

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    private Pinning() {
    }

    /** Whether helper JVMs are pinned on this machine; the report says so. */
    static boolean available() {
        return Files.isExecutable(TASKSET) && Runtime.getRuntime().availableProcessors() > 1;
    }

    /** The last processor: the first one takes most of the machine's interrupts. */
    static int lastProcessor() {
        return Runtime.getRuntime().availableProcessors() - 1;
    }

    /** {@code builder}'s command on {@code processor}, or unchanged where pinning is not available. */
    static ProcessBuilder pin(ProcessBuilder builder, int processor) {
        if (!available()) {
            return builder;
        }
        List<String> command = new ArrayList<>(List.of(TASKSET.toString(), "--cpu-list", Integer.toString(processor)));
        command.addAll(builder.command());
        return builder.command(command);
    }
}
