package dev.legacyguard.bench.agent;

import java.lang.instrument.Instrumentation;

/**
 * A {@code -javaagent} that does nothing: the start-up it adds is what the JVM itself charges
 * for any agent (the java.instrument module, reading the agent jar), the floor under the Logto
 * agent's start-up cost.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        // Nothing: only the JVM's own cost of running an agent is wanted.
    }
}
