package dev.legacyguard.agent.token;

/** Monotonic milliseconds; tests pass their own to move time without waiting. */
interface Clock {

    Clock MONOTONIC = () -> System.nanoTime() / 1_000_000L;

    long millis();
}
