package dev.legacyguard.agent.match;

import java.net.IDN;
import java.util.Locale;

/**
 * The parts of an http(s) URL that decide where a request goes: scheme, host, effective port
 * and path. Parsed by hand, strictly: anything that a server or a proxy might read differently
 * from us (user info, backslashes, percent-encoded hosts, control characters) is refused, so
 * a doubtful URL never gets a token. A request's URL is parsed once per decision and judged in
 * its parts ({@link UrlMatcher}, {@link HostHeader}).
 */
public final class UrlParts {

    final String scheme;
    /** The authority as the URL writes it, for comparing a header that repeats it verbatim. */
    final String authority;
    final String host;
    final int port;
    final String path;

    private UrlParts(String scheme, String authority, String host, int port, String path) {
        this.scheme = scheme;
        this.authority = authority;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /**
     * A URL a request is about to be sent to. Its host must be ASCII: a client resolves a
     * Unicode host in its own way (or not at all), so comparing its punycode form could name
     * a host the request never goes to.
     *
     * @throws UrlRefused when the URL cannot be compared safely; it then gets no token
     */
    public static UrlParts ofRequest(String url) throws UrlRefused {
        return parse(url, false);
    }

    /** A configured URL; a Unicode (IDN) host is taken in its ASCII (punycode) form. */
    static UrlParts ofConfigured(String url) throws UrlRefused {
        return parse(url, true);
    }

    private static UrlParts parse(String url, boolean unicodeHost) throws UrlRefused {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            throw new UrlRefused("is not an absolute URL");
        }
        // Compared in place: every request's URL comes here, and the scheme is one of two words.
        String scheme;
        int defaultPort;
        if (schemeIs(url, colon, "https")) {
            scheme = "https";
            defaultPort = 443;
        } else if (schemeIs(url, colon, "http")) {
            scheme = "http";
            defaultPort = 80;
        } else {
            throw new UrlRefused("has scheme '" + url.substring(0, colon).toLowerCase(Locale.ROOT) + "', not http or https");
        }
        if (!url.startsWith("//", colon + 1)) {
            throw new UrlRefused("has no '//' after the scheme");
        }
        int authorityStart = colon + 3;
        int authorityEnd = endOfAuthority(url, authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            throw new UrlRefused("contains user info ('@' before the host)");
        }
        String hostText;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new UrlRefused("has an unclosed IPv6 address");
            }
            hostText = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new UrlRefused("has characters after the IPv6 address");
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int portColon = authority.lastIndexOf(':');
            hostText = portColon < 0 ? authority : authority.substring(0, portColon);
            portText = portColon < 0 ? null : authority.substring(portColon + 1);
        }
        String host = canonicalHost(hostText, unicodeHost);
        int port = portText == null || portText.isEmpty() ? defaultPort : port(portText);
        String path = path(url, authorityEnd);
        return new UrlParts(scheme, authority, host, port, path);
    }

    /**
     * Whether the URL's scheme (its first {@code colon} characters) is {@code word} in any ASCII
     * case. Not {@code regionMatches(true, ...)}: that takes the long s ('\u017f') for an 's'.
     */
    private static boolean schemeIs(String url, int colon, String word) {
        if (colon != word.length()) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int endOfAuthority(String url, int from) throws UrlRefused {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
            if (c == '\\') {
                // Browsers and some libraries read a backslash as '/', others as part of the host.
                throw new UrlRefused("contains a backslash in the host part");
            }
        }
        return url.length();
    }

    private static String canonicalHost(String text, boolean unicodeHost) throws UrlRefused {
        if (text.isEmpty()) {
            throw new UrlRefused("has no host");
        }
        if (text.charAt(0) == '[') {
            for (int i = 1; i < text.length() - 1; i++) {
                char c = text.charAt(i);
                if (!(isHexDigit(c) || c == ':' || c == '.')) {
                    throw new UrlRefused("has an IPv6 address with '" + c + "' in it");
                }
            }
            return text.toLowerCase(Locale.ROOT);
        }
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (!(isAlphaNumeric(c) || c == '-' || c == '.' || c == '_')) {
                throw new UrlRefused("has '" + printable(c) + "' in its host");
            }
        }
        String host = text;
        if (!ascii && !unicodeHost) {
            throw new UrlRefused("has a non-ASCII host; expected its punycode form (xn--...)");
        }
        if (!ascii) {
            try {
                host = IDN.toASCII(text);
            } catch (IllegalArgumentException e) {
                throw new UrlRefused("has an internationalised host that is not a valid domain name");
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        // "shop.internal." names the same host as "shop.internal" (fully qualified form).
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            throw new UrlRefused("has an empty label in its host");
        }
        return host;
    }

    private static int port(String text) throws UrlRefused {
        if (text.length() > 5) {
            throw new UrlRefused("has port '" + text + "', not a number from 1 to 65535");
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new UrlRefused("has port '" + text + "', not a number from 1 to 65535");
            }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) {
            throw new UrlRefused("has port '" + text + "', not a number from 1 to 65535");
        }
        return port;
    }

    private static String path(String url, int from) throws UrlRefused {
        int end = url.length();
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
            if (c <= ' ' || c == 0x7f || c == '\\') {
                throw new UrlRefused("has '" + printable(c) + "' in its path");
            }
        }
        return from == end ? "/" : url.substring(from, end);
    }

    /** True when the URL has a query ('?') or a fragment ('#'). */
    static boolean hasQueryOrFragment(String url) {
        return url.indexOf('?') >= 0 || url.indexOf('#') >= 0;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String printable(char c) {
        return c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
