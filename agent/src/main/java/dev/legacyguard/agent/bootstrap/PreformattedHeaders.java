package dev.legacyguard.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * The header the agent adds, kept as one client's own pre-formatted header object (Apache
 * HttpClient's {@code BufferedHeader}, the whole {@code Authorization: Bearer ...} line). The
 * client writes such a header's line as it is; any other header it copies character by
 * character into a new line on every call, which for a token of a kilobyte was about a quarter
 * of what sending it cost. So the line is made once per token, not once per call.
 *
 * <p>Only the last one made is kept, with the header string it holds. It is of the client copy
 * that made it: advice uses it only when it is of its own class loader's type, and a second
 * copy of the client (another web application's) makes its own. It is held weakly: it must not
 * keep a web application's class loader after a redeploy, and making it again after a garbage
 * collection costs one line.
 */
public final class PreformattedHeaders {

    public static final PreformattedHeaders APACHE_HTTPCLIENT4 = new PreformattedHeaders();
    public static final PreformattedHeaders APACHE_HTTPCLIENT5 = new PreformattedHeaders();

    private static final class Kept {

        final String authorization;
        final WeakReference<Object> header;

        Kept(String authorization, Object header) {
            this.authorization = authorization;
            this.header = new WeakReference<Object>(header);
        }
    }

    private volatile Kept last;

    private PreformattedHeaders() {
    }

    /** The header object last kept for {@code authorization}, or null. */
    public Object madeFor(String authorization) {
        Kept kept = last;
        return kept != null && kept.authorization.equals(authorization) ? kept.header.get() : null;
    }

    /** Keeps {@code header}, a client's header object holding {@code authorization}, in place of the last one. */
    public void keep(String authorization, Object header) {
        last = new Kept(authorization, header);
    }
}
