package dev.legacyguard.agent.token;

/** Monotonic milliseconds; tests pass their own to move time without waiting. */
interface Clock {

    // An anonymous class, not a lambda: this is built in premain, where a JVM's first lambda
    // costs the service's start-up several milliseconds.
    Clock MONOTONIC = new Clock() {
        @Override
        public long millis() {
            return System.nanoTime() / 1_000_000L;
        }
    };

    long millis();
}
