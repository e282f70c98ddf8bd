package dev.legacyguard.agent.bootstrap;

/**
 * How deep the current thread is inside one instrumented client's advice, so that nested
 * calls (a method calling its own overload or itself on retry) decide only once.
 */
public final class CallDepth {

    public static final CallDepth HTTP_URL_CONNECTION_SEND = new CallDepth();
    public static final CallDepth HTTP_URL_CONNECTION_RESPONSE = new CallDepth();
    public static final CallDepth APACHE_HTTPCLIENT_4 = new CallDepth();
    public static final CallDepth APACHE_HTTPCLIENT_5 = new CallDepth();

    private final ThreadLocal<int[]> depth = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    private CallDepth() {
    }

    /** Enters one level; true when this is the outermost call, the one that acts. */
    public boolean enter() {
        return ++depth.get()[0] == 1;
    }

    /** Leaves one level; true when the outermost call is leaving. */
    public boolean exit() {
        return --depth.get()[0] == 0;
    }
}
