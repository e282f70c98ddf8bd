package dev.legacyguard.filter.token;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import dev.legacyguard.filter.keys.JwksKeySource;
import dev.legacyguard.filter.keys.KeySet;
import dev.legacyguard.filter.keys.SigningKey;

/**
 * Tokens whose signature and claims were verified, keyed by the exact token string. A hit is one
 * lock-free map read. Bounded by evicting in insertion order (oldest first), which for tokens that
 * all live about as long as each other is close to LRU and keeps the hot path free of bookkeeping.
 */
final class VerifiedTokenCache {

    private final int maxEntries;
    private final ConcurrentHashMap<TokenKey, Entry> entries;
    private final ConcurrentLinkedQueue<TokenKey> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Striped counters: request threads counting at once never contend on one field. */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    VerifiedTokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1024) * 2);
    }

    Entry get(String token) {
        Entry entry = entries.get(new TokenKey(token));
        (entry != null ? hits : misses).increment();
        return entry;
    }

    void put(String token, Entry entry) {
        TokenKey key = new TokenKey(token);
        if (entries.putIfAbsent(key, entry) != null) {
            return;
        }
        insertionOrder.add(key);
        // Counting queue elements, not map entries, also bounds the queue when entries leave the
        // map by other ways (expiry, key removal). Each put evicts at most one, so the bound holds.
        if (queued.incrementAndGet() > maxEntries) {
            TokenKey oldest = insertionOrder.poll();
            if (oldest != null) {
                queued.decrementAndGet();
                entries.remove(oldest);
            }
        }
    }

    void remove(String token, Entry entry) {
        entries.remove(new TokenKey(token), entry);
    }

    void removeIf(Predicate<Entry> doomed) {
        entries.values().removeIf(doomed);
    }

    int size() {
        return entries.size();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /**
     * The token string with a hash of its last characters only. A fresh header value has no
     * cached String hash, and hashing all ~900 characters would be most of a hit's cost; the tail
     * is the signature, which differs between any two tokens. Collisions cost nothing in safety:
     * equality still compares the whole token, and only verified tokens are ever stored.
     */
    static final class TokenKey {
        private static final int HASHED_TAIL = 64;

        final String token;
        private final int hash;

        TokenKey(String token) {
            this.token = token;
            int h = token.length();
            for (int i = Math.max(0, token.length() - HASHED_TAIL); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey && ((TokenKey) other).hash == hash && ((TokenKey) other).token.equals(token);
        }
    }

    /** A verified token and what must still hold for it on every request. */
    static final class Entry {
        final Verification verification;
        final long expSeconds;
        final long nbfSeconds;
        final SigningKey key;
        /** The key set in which {@link #key} was last seen published. */
        volatile KeySet seenIn;
        /** Where {@link #key} comes from: its issuer's JWKS. */
        final JwksKeySource source;

        Entry(Verification verification, long expSeconds, long nbfSeconds,
                SigningKey key, KeySet seenIn, JwksKeySource source) {
            this.verification = verification;
            this.expSeconds = expSeconds;
            this.nbfSeconds = nbfSeconds;
            this.key = key;
            this.seenIn = seenIn;
            this.source = source;
        }
    }
}
