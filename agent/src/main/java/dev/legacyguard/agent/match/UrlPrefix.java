package dev.legacyguard.agent.match;

import dev.legacyguard.core.net.LoopbackHost;

/**
 * A configured URL prefix such as {@code https://shop.internal:8443/api/}: the requests it
 * covers have the same scheme, host and effective port, and a path that starts with the
 * prefix's path on a segment boundary.
 */
public final class UrlPrefix {

    private final String scheme;
    private final String host;
    private final int port;
    private final String path;

    private UrlPrefix(UrlParts parts) {
        this.scheme = parts.scheme;
        this.host = parts.host;
        this.port = parts.port;
        this.path = parts.path;
    }

    /**
     * @throws UrlRefused when {@code text} is not an absolute http(s) URL without user info,
     *     query, fragment and dot-segments; the message says which
     */
    public static UrlPrefix parse(String text) throws UrlRefused {
        UrlParts parts = UrlParts.ofConfigured(text);
        if (UrlParts.hasQueryOrFragment(text)) {
            throw new UrlRefused("has a query or fragment");
        }
        if (DotSegments.present(parts.path)) {
            throw new UrlRefused("has a '.' or '..' path segment");
        }
        return new UrlPrefix(parts);
    }

    /**
     * Whether requests under this prefix travel unencrypted off this machine: plain http to a
     * host other than {@code localhost}, an IPv4 address in {@code 127.0.0.0/8} or {@code [::1]}.
     * The host is compared whole, so {@code localhost.example} is not this machine.
     */
    public boolean isPlainHttpOffThisMachine() {
        return scheme.equals("http") && !LoopbackHost.names(host);
    }

    /** Length of the path prefix: the longer, the more specific. */
    int specificity() {
        return path.length();
    }

    boolean covers(UrlParts request) {
        if (port != request.port || !host.equals(request.host) || !scheme.equals(request.scheme)) {
            return false;
        }
        String p = request.path;
        if (!p.startsWith(path)) {
            return false;
        }
        // "/api" covers "/api" and "/api/x" but not "/apix"; "/api/" covers "/api/x".
        return path.endsWith("/") || p.length() == path.length() || p.charAt(path.length()) == '/';
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof UrlPrefix)) {
            return false;
        }
        UrlPrefix that = (UrlPrefix) other;
        return port == that.port && scheme.equals(that.scheme) && host.equals(that.host) && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return ((scheme.hashCode() * 31 + host.hashCode()) * 31 + port) * 31 + path.hashCode();
    }

    /** The canonical form: lower-case scheme and host, the port only when it is not the default. */
    @Override
    public String toString() {
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String authority = defaultPort ? host : host + ":" + port;
        return scheme + "://" + authority + path;
    }
}
