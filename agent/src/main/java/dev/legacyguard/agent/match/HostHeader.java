package dev.legacyguard.agent.match;

/**
 * Compares a request's {@code Host} header with the URL its connection goes to, the way
 * {@link UrlPrefix} compares URLs: host case-insensitively, a trailing dot ignored, the
 * effective port (none means the scheme's default). A server routes by the header, so a
 * header naming another host, or one that cannot be read safely, takes the request elsewhere.
 */
public final class HostHeader {

    private HostHeader() {
    }

    /** Whether {@code hostHeader} names the host and effective port of the request URL {@code target}; false when it cannot be read. */
    public static boolean namesHostOf(String hostHeader, UrlParts target) {
        // What a client writes unless told otherwise, so nearly every call: the same text names
        // the same host and port, and the URL's authority passed every check below already.
        if (hostHeader.equals(target.authority)) {
            return true;
        }
        String authority = hostHeader.trim();
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '@' || c == '%') {
                return false;
            }
        }
        try {
            UrlParts named = UrlParts.ofRequest(target.scheme + "://" + authority + "/");
            return named.host.equals(target.host) && named.port == target.port;
        } catch (UrlRefused refused) {
            return false;
        }
    }
}
