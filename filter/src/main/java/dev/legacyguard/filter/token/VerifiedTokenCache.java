package dev.legacyguard.filter.token;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.legacyguard.filter.keys.KeySet;
import dev.legacyguard.filter.keys.SigningKey;

/**
 * Tokens whose signature and claims were verified, keyed by the exact token string. A hit is one
 * lock-free map read. Bounded by evicting in insertion order (oldest first), which for tokens that
 * all live about as long as each other is close to LRU and keeps the hot path free of bookkeeping.
 */
final class VerifiedTokenCache {

    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries;
    private final ConcurrentLinkedQueue<String> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();

    VerifiedTokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1024) * 2);
    }

    Entry get(String token) {
        return entries.get(token);
    }

    void put(String token, Entry entry) {
        if (entries.putIfAbsent(token, entry) != null) {
            return;
        }
        insertionOrder.add(token);
        // Counting queue elements, not map entries, also bounds the queue when entries leave the
        // map by other ways (expiry, key removal). Each put evicts at most one, so the bound holds.
        if (queued.incrementAndGet() > maxEntries) {
            String oldest = insertionOrder.poll();
            if (oldest != null) {
                queued.decrementAndGet();
                entries.remove(oldest);
            }
        }
    }

    void remove(String token, Entry entry) {
        entries.remove(token, entry);
    }

    void removeIf(Predicate<Entry> doomed) {
        entries.values().removeIf(doomed);
    }

    int size() {
        return entries.size();
    }

    /** A verified token and what must still hold for it on every request. */
    static final class Entry {
        final Verification verification;
        final long expSeconds;
        final long nbfSeconds;
        final SigningKey key;
        /** The key set in which {@link #key} was last seen published. */
        volatile KeySet seenIn;

        Entry(Verification verification, long expSeconds, long nbfSeconds,
                SigningKey key, KeySet seenIn) {
            this.verification = verification;
            this.expSeconds = expSeconds;
            this.nbfSeconds = nbfSeconds;
            this.key = key;
            this.seenIn = seenIn;
        }
    }
}
