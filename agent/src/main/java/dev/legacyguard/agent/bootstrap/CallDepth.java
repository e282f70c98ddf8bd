package dev.legacyguard.agent.bootstrap;

/**
 * How deep the current thread is inside the advice of one key class, so that nested calls (a
 * method calling its own overload or itself on retry) decide only once. Advice names its key
 * class, normally the class it is woven into:
 * {@code CallDepth.forClass(sun.net.www.protocol.http.HttpURLConnection.class)}.
 * A client's copy in each class loader is its own key, and its entry goes when that class is
 * unloaded.
 */
public final class CallDepth {

    // Classes, not lambdas: the first lambda a Java 8 JVM links costs milliseconds of
    // bootstrapping, which the service's first outgoing call would pay.
    private static final ClassValue<ThreadLocal<CallDepth>> PER_THREAD = new ClassValue<ThreadLocal<CallDepth>>() {
        @Override
        protected ThreadLocal<CallDepth> computeValue(Class<?> key) {
            return new PerThread();
        }
    };

    private int depth;

    private CallDepth() {
    }

    /**
     * The current thread's depth inside the advice keyed by {@code key}. A ClassValue and a
     * ThreadLocal: two lookups that neither lock nor hash a name, on every call the advice sees.
     */
    public static CallDepth forClass(Class<?> key) {
        return PER_THREAD.get(key).get();
    }

    /** Enters one level; true when this is the outermost call, the one that acts. */
    public boolean enter() {
        return ++depth == 1;
    }

    /** Whether the current thread is inside a call counted here: advice elsewhere asks what this thread is doing. */
    public boolean inside() {
        return depth > 0;
    }

    /** Leaves one level; true when the outermost call is leaving. */
    public boolean exit() {
        return --depth == 0;
    }

    private static final class PerThread extends ThreadLocal<CallDepth> {
        @Override
        protected CallDepth initialValue() {
            return new CallDepth();
        }
    }
}
