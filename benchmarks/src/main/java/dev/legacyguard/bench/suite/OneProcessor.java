package dev.legacyguard.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a helper JVM on a single processor with {@code taskset}, where Linux offers it. The
 * client calls its loopback server in the same JVM: on one processor the server thread always
 * runs after the client blocks, instead of sometimes on the other core, which changes how much
 * of the network stack's work the calling thread is charged for and made its CPU time per call
 * jump between ~15 and ~40 µs from round to round.
 */
final class OneProcessor {

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    private OneProcessor() {
    }

    /** Whether helper JVMs are pinned on this machine; the report says so. */
    static boolean available() {
        return Files.isExecutable(TASKSET) && Runtime.getRuntime().availableProcessors() > 1;
    }

    /** The last processor: the first one takes most of the machine's interrupts. */
    static int processor() {
        return Runtime.getRuntime().availableProcessors() - 1;
    }

    /** {@code builder}'s command on {@link #processor()}, or unchanged where pinning is not available. */
    static ProcessBuilder pin(ProcessBuilder builder) {
        if (!available()) {
            return builder;
        }
        List<String> command = new ArrayList<>(List.of(TASKSET.toString(), "--cpu-list", Integer.toString(processor())));
        command.addAll(builder.command());
        return builder.command(command);
    }
}
