package dev.legacyguard.agent.bootstrap;

/** Rebuilds the absolute URL of a request from what a client holds when it sends it. */
public final class RequestUrls {

    private RequestUrls() {
    }

    /**
     * {@code scheme://host[:port]} ({@code http} when the scheme is unknown, no port when it is
     * negative), or null without a host: the origin as Apache HttpClient 5 forms a request's URI.
     */
    public static String origin(String scheme, String host, int port) {
        return host == null ? null : originOf(scheme, host, port, 0).toString();
    }

    /** The origin in a builder with room for {@code more} characters: one builder per URL, built anew for every request. */
    private static StringBuilder originOf(String scheme, String host, int port, int more) {
        String schemeName = scheme == null ? "http" : scheme;
        StringBuilder origin = new StringBuilder(schemeName.length() + host.length() + 10 + more).append(schemeName)
                .append("://").append(host);
        if (port >= 0) {
            origin.append(':').append(port);
        }
        return origin;
    }

    /**
     * The origin {@link #origin(String, String, int)} names joined with the request line's
     * target as {@link #join(String, String)} joins them, built in one go: every request's URL
     * is built anew.
     */
    public static String join(String scheme, String host, int port, String requestTarget) {
        boolean path = requestTarget.startsWith("/");
        if (!path && isAbsolute(requestTarget)) {
            return requestTarget;
        }
        if (host == null) {
            return null;
        }
        StringBuilder url = originOf(scheme, host, port, requestTarget.length() + 1);
        if (!path) {
            url.append('/');
        }
        return url.append(requestTarget).toString();
    }

    /**
     * {@code origin} ({@code scheme://host[:port]}) joined with the request line's target,
     * which is an absolute URL when the request goes through a proxy and a path otherwise.
     */
    public static String join(String origin, String requestTarget) {
        // A path first: nearly every request's target, and it cannot be an absolute URL.
        boolean path = requestTarget.startsWith("/");
        if (!path && isAbsolute(requestTarget)) {
            return requestTarget;
        }
        if (origin == null) {
            return null;
        }
        return path ? origin + requestTarget : origin + "/" + requestTarget;
    }

    private static boolean isAbsolute(String requestTarget) {
        return requestTarget.regionMatches(true, 0, "http://", 0, 7) || requestTarget.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * The URL of a request on a connection to {@code scheme://host[:port]} (as
     * {@link #origin(String, String, int)} names it) with a path and query a client holds apart
     * (commons-httpclient 3's method), or null without a host. The path always lies under the
     * origin: even one written as an absolute URL goes on the connection to that origin. A query
     * may come with or without its leading {@code ?}.
     */
    public static String under(String scheme, String host, int port, String path, String query) {
        if (host == null) {
            return null;
        }
        StringBuilder url = originOf(scheme, host, port, (path == null ? 0 : path.length()) + (query == null ? 0 : query.length()) + 2);
        if (path == null || !path.startsWith("/")) {
            url.append('/');
        }
        if (path != null) {
            url.append(path);
        }
        if (query != null) {
            if (!query.startsWith("?")) {
                url.append('?');
            }
            url.append(query);
        }
        return url.toString();
    }

    /**
     * The status code of an HTTP status line such as {@code HTTP/1.1 401 Unauthorized}, or -1
     * when the three characters after the first space are not three digits. Read in place:
     * this runs for every response HttpURLConnection reads.
     */
    public static int statusOf(String statusLine) {
        if (statusLine == null) {
            return -1;
        }
        int start = statusLine.indexOf(' ') + 1;
        if (start == 0 || statusLine.length() < start + 3) {
            return -1;
        }
        int status = 0;
        for (int i = start; i < start + 3; i++) {
            char c = statusLine.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }
}
