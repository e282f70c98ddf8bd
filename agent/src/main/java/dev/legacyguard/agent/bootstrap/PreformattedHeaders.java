package dev.legacyguard.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * The header the agent adds, kept as one client's own pre-formatted header object (Apache
 * HttpClient's {@code BufferedHeader}, the whole {@code Authorization: Bearer ...} line). The
 * client writes such a header's line as it is. Any other header it formats anew on every call:
 * httpcore 4.4+ and 5 copy the value character by character to blank out line breaks, which
 * for a token of over 500 characters (Logto's ES384 tokens) cost more than the agent's own
 * work. So the line is made once per token while that token is in use.
 *
 * <p>One slot per client: the last line made, with the header string it holds. The line is of
 * the client copy that made it, so advice uses it only when it is of its own class loader's
 * type; a second copy of the client (another web application's), or a second resource's token
 * used in turn, makes its own line on each switch. Both are held weakly: the line must not keep
 * a web application's class loader after a redeploy, nor the string a token after it was
 * replaced; a garbage collection only costs the next call one new line.
 */
public final class PreformattedHeaders {

    public static final PreformattedHeaders APACHE_HTTPCLIENT4 = new PreformattedHeaders();
    public static final PreformattedHeaders APACHE_HTTPCLIENT5 = new PreformattedHeaders();

    private static final class Kept {

        final String authorization;
        final Object header;

        Kept(String authorization, Object header) {
            this.authorization = authorization;
            this.header = header;
        }
    }

    private volatile WeakReference<Kept> last = new WeakReference<Kept>(null);

    private PreformattedHeaders() {
    }

    /**
     * Whether {@code authorization} may go out as a line written as it is: printable ASCII only.
     * The client's own formatting blanks out line breaks, which a pre-formatted line skips; the
     * agent's tokens never hold one (the token client refuses them), and this keeps it so
     * whatever the source of the header.
     */
    public static boolean mayBeWrittenAsIs(String authorization) {
        for (int i = 0; i < authorization.length(); i++) {
            char c = authorization.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The header object last kept for {@code authorization}, or null. */
    public Object madeFor(String authorization) {
        Kept kept = last.get();
        return kept != null && kept.authorization.equals(authorization) ? kept.header : null;
    }

    /** Keeps {@code header}, a client's header object holding {@code authorization}, in place of the last one. */
    public void keep(String authorization, Object header) {
        last = new WeakReference<Kept>(new Kept(authorization, header));
    }
}
