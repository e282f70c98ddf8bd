package dev.legacyguard.agent.token;

import java.util.concurrent.ThreadFactory;

/**
 * The one thread of a single-thread executor, made when the agent starts and started only when
 * the executor first needs it. A thread takes its context class loader, inheritable thread
 * locals and (Java 8-16) access-control context from the thread that constructs it; made
 * lazily, on the first caller's thread, it would keep whatever web app called first reachable
 * for as long as the JVM runs, and a container would report that app's thread as leaked. Made
 * on the agent's start-up thread, with no context class loader, it holds nothing of any
 * application. ({@code Thread}'s constructor that skips inheriting thread locals is Java 9+.)
 *
 * <p>The executor asks for a thread again only when its worker dies; task failures never
 * kill it (they end in the task's future), so a second request gets null, which the executor
 * takes as "no more threads" rather than making one on an application's thread.
 */
final class ReservedThread implements ThreadFactory {

    private final Thread thread;
    // Guarded by this, not an AtomicReference: initialising that class links VarHandles, on the
    // premain path.
    private Runnable worker;

    ReservedThread(String name) {
        // Anonymous class, not a lambda, on the premain path: see Clock.MONOTONIC.
        thread = new Thread(new Runnable() {
            @Override
            public void run() {
                workerTaken().run();
            }
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
    }

    @Override
    public synchronized Thread newThread(Runnable executorWorker) {
        if (worker != null) {
            return null;
        }
        worker = executorWorker;
        return thread;
    }

    private synchronized Runnable workerTaken() {
        return worker;
    }
}
