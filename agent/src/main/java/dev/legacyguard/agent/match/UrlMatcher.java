package dev.legacyguard.agent.match;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the value (the resource) whose URL prefix covers a request URL. Called for every
 * request the application sends, so it parses the URL once and compares strings; the most
 * specific (longest) prefix wins when prefixes overlap. A URL that cannot be read safely, or
 * whose path has dot-segments, matches nothing.
 */
public final class UrlMatcher<T> {

    private final List<Map.Entry<UrlPrefix, T>> entries;

    public UrlMatcher(Map<UrlPrefix, T> prefixes) {
        List<Map.Entry<UrlPrefix, T>> sorted = new ArrayList<>();
        for (Map.Entry<UrlPrefix, T> entry : prefixes.entrySet()) {
            sorted.add(new AbstractMap.SimpleImmutableEntry<>(entry));
        }
        // Most specific first. An anonymous class, not a lambda: this runs in premain, where a
        // JVM's first lambda costs the service's start-up several milliseconds.
        sorted.sort(new Comparator<Map.Entry<UrlPrefix, T>>() {
            @Override
            public int compare(Map.Entry<UrlPrefix, T> a, Map.Entry<UrlPrefix, T> b) {
                return Integer.compare(b.getKey().specificity(), a.getKey().specificity());
            }
        });
        this.entries = Collections.unmodifiableList(sorted);
    }

    /** The value whose prefix covers {@code url}, or null. */
    public T match(String url) {
        if (url == null) {
            return null;
        }
        try {
            return match(UrlParts.ofRequest(url));
        } catch (UrlRefused refused) {
            return null;
        }
    }

    /** The value whose prefix covers the request URL {@code parts}, or null. */
    public T match(UrlParts parts) {
        // By index: every request comes here, and an iterator would be one more object per request.
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<UrlPrefix, T> entry = entries.get(i);
            if (entry.getKey().covers(parts)) {
                return DotSegments.present(parts.path) ? null : entry.getValue();
            }
        }
        return null;
    }
}
