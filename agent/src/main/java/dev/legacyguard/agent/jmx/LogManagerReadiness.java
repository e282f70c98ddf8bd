package dev.legacyguard.agent.jmx;

import java.lang.instrument.Instrumentation;

/**
 * Says when {@code java.util.logging} may be initialised without taking the application's
 * choice of log manager from it. The JDK reads {@code java.util.logging.manager} once, when
 * anything first touches logging, and keeps what it found; JBoss Modules (WildFly) sets that
 * property itself, some time after the agent started, and needs its LogManager to be the one.
 * So: while a log manager is named, wait until its class has been loaded (the JDK loads it
 * as it initialises logging), and the MBean server builder the application names, if any,
 * then two seconds more; under JBoss Modules, wait for the name too; otherwise a short delay,
 * so that an application's main that names one early is still in time.
 */
final class LogManagerReadiness {

    static final String MANAGER_PROPERTY = "java.util.logging.manager";
    static final String BUILDER_PROPERTY = "javax.management.builder.initial";
    private static final long SETTLE_MILLIS = 2_000;
    private static final long FIRST_DELAY_MILLIS = 1_000;
    private static final long POLL_MILLIS = 250;
    /** JBoss Modules that never names a log manager (a plain modular application) gets its beans after this. */
    private static final long JBOSS_MODULES_UNNAMED_MILLIS = 60_000;
    private static final long GIVE_UP_MILLIS = 10 * 60_000;

    private final Instrumentation instrumentation;
    /** When the named classes were first all seen loaded, in ms since the wait began; -1 before. */
    private long loadedAtMillis = -1;

    LogManagerReadiness(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** Blocks until it is safe (true), or the wait is given up or interrupted (false). */
    boolean await() {
        long start = System.nanoTime();
        try {
            Thread.sleep(FIRST_DELAY_MILLIS);
            while (!ready(millisSince(start))) {
                if (millisSince(start) > GIVE_UP_MILLIS) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean ready(long waitedMillis) {
        String manager = System.getProperty(MANAGER_PROPERTY);
        if (manager == null || manager.isEmpty()) {
            return !underJBossModules() || waitedMillis > JBOSS_MODULES_UNNAMED_MILLIS;
        }
        if (!loaded(manager)) {
            loadedAtMillis = -1;
            return false;
        }
        // The platform MBean server is made by the builder the application names, from a class
        // only its own loaders see (WildFly's lives in a module): wait until the application
        // has loaded it, so that it makes that server first and the agent just finds it.
        String builder = System.getProperty(BUILDER_PROPERTY);
        if (builder != null && !builder.isEmpty() && !loaded(builder)) {
            return false;
        }
        // The class is loaded a moment before logging is initialised with it.
        if (loadedAtMillis < 0) {
            loadedAtMillis = waitedMillis;
        }
        return waitedMillis - loadedAtMillis >= SETTLE_MILLIS;
    }

    private boolean loaded(String className) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** {@code java -jar jboss-modules.jar} (WildFly's standalone.sh) or its main class named. */
    private static boolean underJBossModules() {
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith("org.jboss.modules.Main") || command.contains("jboss-modules.jar");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
