package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ReservedThreadTest {

    /** What the executor's thread held while it ran its first task. */
    private record Seen(ClassLoader contextLoader, Object inherited, boolean daemon, String name) {
    }

    @Test
    void threadStartedForAnApplicationsCallHoldsNothingOfThatApplication() throws Exception {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new ReservedThread("logto-agent-test"));
        InheritableThreadLocal<Object> applicationValue = new InheritableThreadLocal<>();
        AtomicReference<Seen> seen = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (URLClassLoader webAppLoader = new URLClassLoader(new URL[0])) {
            // The first task reaches the executor from a web app's request thread.
            Thread webAppThread = new Thread(() -> {
                Thread.currentThread().setContextClassLoader(webAppLoader);
                applicationValue.set(new Object());
                try {
                    executor.schedule(() -> seen.set(new Seen(Thread.currentThread().getContextClassLoader(),
                            applicationValue.get(), Thread.currentThread().isDaemon(), Thread.currentThread().getName())),
                            1, TimeUnit.MILLISECONDS).get();
                } catch (Exception e) {
                    failure.set(e);
                }
            });
            webAppThread.start();
            webAppThread.join();
        } finally {
            executor.shutdownNow();
        }
        assertNull(failure.get());
        assertEquals(new Seen(null, null, true, "logto-agent-test"), seen.get());
    }

    @Test
    void givesItsOneThreadOnceAndNoneAfterwards() {
        ReservedThread factory = new ReservedThread("logto-agent-test");
        List<Thread> threads = new ArrayList<>();
        threads.add(factory.newThread(() -> { }));
        threads.add(factory.newThread(() -> { }));
        assertNotNull(threads.get(0));
        assertTrue(threads.get(0).isDaemon());
        assertNull(threads.get(1), "a second thread would be made on the caller's thread");
    }
}
