package dev.legacyguard.agent.bootstrap;

/**
 * The decision an exec chain's advice took for a request before leasing its connection (so
 * that the deliberate token failure leaves no connection open), kept in the request's context
 * for the advice that then sends that same request on that connection. That hop reuses it
 * instead of rebuilding the URL from the route and asking the source a second time, which was
 * most of what the agent cost an Apache HttpClient call. It reuses it only for the very request
 * object the decision was taken for, carrying the same Host header; anything else (a redirect,
 * a retry through another route, a CONNECT, HttpClient 4.0-4.2, which leases no connection
 * there) is decided afresh.
 */
public final class LeasedHop {

    private final Object request;
    private final String hostHeader;
    private final String url;
    private final String header;

    /**
     * @param request the request object the chain will send on the leased connection
     * @param url where that connection goes, as {@link Authorizations#forHop} was asked
     * @param hostHeader the Host header the decision was taken with, null for none
     * @param header what the source answered for {@code url}: the header, or null for none
     */
    public LeasedHop(Object request, String url, String hostHeader, String header) {
        this.request = request;
        this.hostHeader = hostHeader;
        this.url = url;
        this.header = header;
    }

    /**
     * The decision kept under a context attribute ({@code kept}) when it was taken for
     * {@code request} with the Host header the request now carries, else null.
     */
    public static LeasedHop takenFor(Object kept, Object request, String hostHeader) {
        if (!(kept instanceof LeasedHop)) {
            return null;
        }
        LeasedHop hop = (LeasedHop) kept;
        boolean sameHost = hostHeader == null ? hop.hostHeader == null : hostHeader.equals(hop.hostHeader);
        return hop.request == request && sameHost ? hop : null;
    }

    public String url() {
        return url;
    }

    /**
     * The header for this hop: {@link Authorizations#LEAVE_ALONE} when the request now carries
     * an Authorization header the agent did not add ({@code present} is not {@code added}: one
     * the chain wrote after the lease, such as the application's preemptive credentials), else
     * the decision taken before the lease.
     */
    public String headerFor(String present, String added) {
        return Authorizations.isTheApplications(present, added) ? Authorizations.LEAVE_ALONE : header;
    }
}
