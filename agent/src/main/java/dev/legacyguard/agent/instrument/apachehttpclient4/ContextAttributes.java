package dev.legacyguard.agent.instrument.apachehttpclient4;

/**
 * Where the advice keeps, in the request's context, the Authorization header it added: the next
 * hop recognises its own header by it. (The answer to a hop is reported from what that hop's own
 * advice added, kept in advice locals: a request the application makes with the same context
 * inside the hop would otherwise change it.) Compile-time constants, so that the advice inlined
 * into the client holds their values and never refers to this class, which the client's class
 * loader cannot see.
 */
final class ContextAttributes {

    static final String ADDED_HEADER = "dev.legacyguard.agent.apachehttpclient4.added-authorization";
    /** Where the request goes, worked out before the lease, for the hop that sends the same request. */
    static final String LEASED_HOP = "dev.legacyguard.agent.apachehttpclient4.leased-hop";

    private ContextAttributes() {
    }
}
