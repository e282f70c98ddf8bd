package dev.legacyguard.agent.instrument;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.instrument.weave.ClassFiles;

/**
 * Weaves once, and throws the result away, on a daemon thread started with the agent, so that
 * the process's first outgoing call finds the weaving code (the inliner and ASM) loaded, instead
 * of loading and verifying it itself while the application waits. The
 * application's {@code main} runs meanwhile. It weaves the advised classes whose class files
 * the JDK holds (the clients built into the JVM): no class is defined or retransformed; the
 * JDK modules holding them get the read edge to the bootstrap package their first woven class
 * would give them. The thread holds no context class loader, so it pins no web app, and ends
 * when done. A failure is logged once and changes nothing else: the first woven class then pays
 * as before.
 */
final class WeavingWarmUp implements Runnable {

    static final String THREAD_NAME = "logto-agent-warm-up";

    private final AdviceWeaver weaver;
    private final List<ClientInstrumentation> clients;
    private final AgentLog log;
    private final AtomicBoolean started = new AtomicBoolean();

    WeavingWarmUp(AdviceWeaver weaver, List<ClientInstrumentation> clients, AgentLog log) {
        this.weaver = weaver;
        this.clients = clients;
        this.log = log;
    }

    /** Starts the thread the first time only; null when it was started before. */
    Thread start() {
        if (!started.compareAndSet(false, true)) {
            return null;
        }
        Thread thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            // Woven as if the application's loader had loaded it: that loader sees the same JDK
            // classes, and java.base's module is left as it is.
            ClassLoader application = ClassLoader.getSystemClassLoader();
            for (ClientInstrumentation client : clients) {
                for (AdvisedType type : client.advisedTypes()) {
                    byte[] classFile = ClassFiles.ofJdk(type.typeName().replace('.', '/'));
                    if (classFile != null) {
                        weaver.weave(type.typeName(), type.adviceClassName(), client.advisedMethods(type.typeName()),
                                application, classFile);
                    }
                }
            }
        } catch (Throwable t) {
            log.warn("the weaving warm-up failed (" + t + "); the first outgoing call weaves its client as it would"
                    + " without it");
        }
    }
}
