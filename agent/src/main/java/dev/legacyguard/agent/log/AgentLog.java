package dev.legacyguard.agent.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own logger: one line per event, prefixed {@code [logto-agent]}, written to
 * stderr. It never touches the application's logging framework. Callers pass tokens and
 * secrets only through their {@code sha256:} fingerprint.
 */
public final class AgentLog {

    private static final AgentLog STDERR = new AgentLog(System.err);

    private final PrintStream out;
    private final Set<String> warnedOnce = ConcurrentHashMap.newKeySet();

    private AgentLog(PrintStream out) {
        this.out = out;
    }

    /** The process-wide logger writing to {@code System.err}. */
    public static AgentLog stderr() {
        return STDERR;
    }

    /** A logger writing to {@code out} (the {@code check} command, tests). */
    public static AgentLog to(PrintStream out) {
        return new AgentLog(out);
    }

    public void info(String message) {
        write("INFO", message);
    }

    public void warn(String message) {
        write("WARN", message);
    }

    public void error(String message) {
        write("ERROR", message);
    }

    /** Warns the first time {@code key} is seen; later calls with the same key stay silent. */
    public void warnOnce(String key, String message) {
        if (warnedOnce.add(key)) {
            warn(message);
        }
    }

    private void write(String level, String message) {
        // One println per event so lines from concurrent threads do not interleave.
        out.println("[logto-agent] " + level + " " + message);
    }
}
