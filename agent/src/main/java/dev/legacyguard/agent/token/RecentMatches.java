package dev.legacyguard.agent.token;

/**
 * Which resource's token ({@code T}) the requests to the most recently seen URLs may carry, so that the
 * requests a service repeats (nearly all of them) skip parsing and matching their URL. A request
 * is judged by its URL, its Host header and whether it goes through a proxy, against settings
 * that never change, so a remembered answer is the answer. A few slots by hash; a URL whose slot
 * another URL took is judged again.
 *
 * <p>Unsynchronized on purpose: an entry is immutable (final fields), so a thread sees either
 * a whole entry or an older one or none, and each is right for the request it names.
 */
final class RecentMatches<T> {

    /** A power of two: a service calls a handful of URLs over and over, or too many to remember. */
    private static final int SLOTS = 64;

    static final int LONGEST_URL = 1024;

    private final Entry<?>[] slots = new Entry<?>[SLOTS];

    /** What was remembered for this request, or null when nothing is. */
    @SuppressWarnings("unchecked") // Only remember puts entries in, each of a T.
    Entry<T> find(String url, String hostHeader, boolean throughProxy) {
        Entry<T> entry = (Entry<T>) slots[slot(url)];
        return entry != null && entry.isFor(url, hostHeader, throughProxy) ? entry : null;
    }

    /**
     * Remembers {@code answer} (null for none) as the answer for this request, unless its URL
     * is longer than {@link #LONGEST_URL} characters or holds an {@code @} (user info, which
     * gets no token anyway): the table then holds a bounded amount of text, and no credentials
     * beyond the request that carried them.
     */
    void remember(String url, String hostHeader, boolean throughProxy, T answer) {
        if (url.length() > LONGEST_URL || url.indexOf('@') >= 0 || hostHeader != null && hostHeader.length() > LONGEST_URL) {
            return;
        }
        slots[slot(url)] = new Entry<>(url, hostHeader, throughProxy, answer);
    }

    private static int slot(String url) {
        int hash = url.hashCode();
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }

    /** One request's answer. */
    static final class Entry<T> {

        private final String url;
        private final String hostHeader;
        private final boolean throughProxy;
        private final T answer;

        Entry(String url, String hostHeader, boolean throughProxy, T answer) {
            this.url = url;
            this.hostHeader = hostHeader;
            this.throughProxy = throughProxy;
            this.answer = answer;
        }

        /** The answer remembered, which may be null. */
        T answer() {
            return answer;
        }

        boolean isFor(String url, String hostHeader, boolean throughProxy) {
            return this.throughProxy == throughProxy && this.url.equals(url)
                    && (this.hostHeader == null ? hostHeader == null : this.hostHeader.equals(hostHeader));
        }
    }
}
