package dev.legacyguard.agent.instrument.apachehttpclient5async;

/**
 * Where the advice keeps, in the exchange's context, the Authorization header it added and the
 * URL it added it for: the next hop recognises its own header by it, and the answer is reported
 * for that URL. Compile-time constants, so that the advice inlined into the client holds their
 * values and never refers to this class, which the client's class loader cannot see.
 */
final class ContextAttributes {

    static final String ADDED_HEADER = "dev.legacyguard.agent.apachehttpclient5async.added-authorization";
    static final String ADDED_FOR_URL = "dev.legacyguard.agent.apachehttpclient5async.added-authorization-url";
    /** The hop decided before its lease ({@code LeasedHop}) and the header it is to carry, until the client's interceptors have run. */
    static final String PENDING_HOP = "dev.legacyguard.agent.apachehttpclient5async.pending-hop";
    static final String PENDING_HEADER = "dev.legacyguard.agent.apachehttpclient5async.pending-authorization";

    private ContextAttributes() {
    }
}
