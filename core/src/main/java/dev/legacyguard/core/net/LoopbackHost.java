package dev.legacyguard.core.net;

/**
 * Whether a URL's host names this machine, for the warnings about plain http: {@code localhost},
 * an IPv4 address in {@code 127.0.0.0/8} or {@code [::1]}. The host is compared whole, so
 * {@code localhost.example} or {@code 127.example} are other machines.
 */
public final class LoopbackHost {

    private LoopbackHost() {
    }

    /** @param host a URL's host as {@code URI.getHost()} gives it (an IPv6 literal in brackets) */
    public static boolean names(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("[::1]") || isIpv4Loopback(host);
    }

    private static boolean isIpv4Loopback(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !isDigits(octet) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
