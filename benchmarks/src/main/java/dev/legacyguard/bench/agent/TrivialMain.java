package dev.legacyguard.bench.agent;

/** The smallest service there is, to time JVM start-up with and without the agent. */
public final class TrivialMain {

    private TrivialMain() {
    }

    public static void main(String[] args) {
        // Nothing: the start and exit of the JVM (and of the agent, when present) are what is timed.
    }
}
