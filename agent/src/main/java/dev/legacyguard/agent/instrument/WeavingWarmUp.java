package dev.legacyguard.agent.instrument;

import java.util.ArrayList;
import java.util.List;

import dev.legacyguard.agent.instrument.weave.ClassFiles;
import dev.legacyguard.agent.log.AgentLog;

/**
 * Weaves the advised classes whose class files the JDK holds (the clients built into the JVM,
 * such as {@code HttpURLConnection}'s) ahead, on a daemon thread started as the agent starts,
 * while it reads its settings and the application's {@code main} begins: the process's first
 * outgoing call then finds its client's class file woven (its load compares the bytes, see
 * {@link AdviceWeaver#weave}) and the weaving code loaded, or waits only for the rest of that
 * class's weaving. No class is defined or retransformed here; the JDK modules holding them get
 * the read edge to the bootstrap package when a woven class is used. The thread holds no context
 * class loader, so it pins no web app, and ends when done. A failure is logged once and changes
 * nothing else: that class is then woven when it loads.
 */
final class WeavingWarmUp implements Runnable {

    static final String THREAD_NAME = "logto-agent-warm-up";

    private final List<WeavingAhead> queued = new ArrayList<WeavingAhead>();
    private final AgentLog log;
    // Guarded by this, not an AtomicBoolean: see WeavingAhead.
    private boolean started;

    /**
     * Queues every advised class of a JDK package at once, so that a load that comes before the
     * thread takes its own. A library's classes are left out: the JDK has no class file of them,
     * and their load would only look for one.
     */
    WeavingWarmUp(AdviceWeaver weaver, List<ClientInstrumentation> clients, AgentLog log) {
        for (ClientInstrumentation client : clients) {
            for (AdvisedType type : client.advisedTypes()) {
                if (ClassFiles.isSharedByEveryLoader(type.typeName().replace('.', '/'))) {
                    queued.add(weaver.queueAhead(type.typeName(), type.adviceClassName(),
                            client.advisedMethods(type.typeName())));
                }
            }
        }
        this.log = log;
    }

    /** Starts the thread the first time only; null when it was started before. */
    Thread start() {
        synchronized (this) {
            if (started) {
                return null;
            }
            started = true;
        }
        Thread thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.start();
        return thread;
    }

    /** Weaves each queued class in turn; one that fails is logged (the first only) and the others still woven. */
    @Override
    public void run() {
        boolean warned = false;
        for (WeavingAhead task : queued) {
            try {
                task.run();
                Throwable failure = task.failure();
                if (failure != null) {
                    warned = warnOnce(warned, failure);
                }
            } catch (Throwable t) {
                warned = warnOnce(warned, t);
            }
        }
    }

    private boolean warnOnce(boolean warned, Throwable t) {
        if (!warned) {
            log.warn("the weaving warm-up failed (" + t + "); the JDK's clients are woven when the application first uses them");
        }
        return true;
    }
}
