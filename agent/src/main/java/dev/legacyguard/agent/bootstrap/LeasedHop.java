package dev.legacyguard.agent.bootstrap;

/**
 * Where a request goes, as an exec chain's advice worked it out before leasing the request's
 * connection (to fail before the lease), kept in the request's context for the advice that then
 * sends that same request on that connection. That hop asks the source again, at send time, but
 * for this URL instead of rebuilding it from the route by reflection, which was most of what
 * the agent cost an Apache HttpClient call. It is taken only for the very request object it was
 * worked out for, still carrying the same request target and Host header (an interceptor of the
 * application may rewrite either in between); anything else (a redirect, a CONNECT,
 * HttpClient 4.0-4.2, which leases no connection there) is worked out afresh.
 */
public final class LeasedHop {

    private final Object request;
    private final String requestTarget;
    private final String hostHeader;
    private final String url;
    private final boolean throughProxy;

    /**
     * @param request the request object the chain will send on the leased connection
     * @param requestTarget the request's target (its path, or the absolute URL sent to a proxy)
     * @param hostHeader the Host header the request will carry, null for none
     * @param url where the leased connection goes, as {@link Authorizations#forHop} takes it
     * @param throughProxy whether that connection goes through a proxy
     */
    public LeasedHop(Object request, String requestTarget, String hostHeader, String url, boolean throughProxy) {
        this.request = request;
        this.requestTarget = requestTarget;
        this.hostHeader = hostHeader;
        this.url = url;
        this.throughProxy = throughProxy;
    }

    /**
     * What was kept under a context attribute ({@code kept}) when it was worked out for
     * {@code request} with the request target and Host header the request now carries, else null.
     */
    public static LeasedHop takenFor(Object kept, Object request, String requestTarget, String hostHeader) {
        LeasedHop hop = aimedAs(kept, requestTarget, hostHeader);
        return hop != null && hop.request == request ? hop : null;
    }

    /**
     * What was kept under a context attribute ({@code kept}) when it was worked out for a request
     * with this request target and Host header, the very request object or a copy of it (as an
     * exec chain makes of a request it sends to a proxy), else null.
     */
    public static LeasedHop aimedAs(Object kept, String requestTarget, String hostHeader) {
        if (!(kept instanceof LeasedHop)) {
            return null;
        }
        LeasedHop hop = (LeasedHop) kept;
        return same(requestTarget, hop.requestTarget) && same(hostHeader, hop.hostHeader) ? hop : null;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    public String url() {
        return url;
    }

    public boolean throughProxy() {
        return throughProxy;
    }
}
