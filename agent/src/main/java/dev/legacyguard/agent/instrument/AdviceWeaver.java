package dev.legacyguard.agent.instrument;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentMap;

import dev.legacyguard.agent.instrument.weave.AdviceInliner;
import dev.legacyguard.agent.instrument.weave.ClassFiles;
import dev.legacyguard.agent.instrument.weave.MethodShape;

/**
 * Inlines a client's advice into the class file the JVM is loading, and lets the class's module
 * reach the bootstrap package the advice calls.
 */
final class AdviceWeaver {

    private static final long AHEAD_WAIT_MILLIS = 3_000;

    private final ClassLoader agentLoader;
    private final ModuleReads moduleReads;
    private final ConcurrentMap<String, AdviceInliner> inliners = new ConcurrentHashMap<String, AdviceInliner>();
    private final ConcurrentMap<String, WeavingAhead> wovenAhead = new ConcurrentHashMap<String, WeavingAhead>();

    /**
     * @param instrumentation what gives a JDK module its read edge to the bootstrap package; null
     *     where no woven class is ever defined (unit tests weave and inspect bytes only)
     */
    AdviceWeaver(ClassLoader agentLoader, Instrumentation instrumentation) {
        this.agentLoader = agentLoader;
        this.moduleReads = new ModuleReads(instrumentation);
    }

    /**
     * The class file with {@code adviceClassName}'s advice inlined into the {@code methods} of
     * {@code typeName}, or null when it declares none of them. A class queued to be woven ahead
     * takes that result, waiting for it if the warm-up is weaving it now, or weaving it here if
     * the warm-up has not begun it; the result serves only the very bytes it was woven from.
     */
    byte[] weave(String typeName, String adviceClassName, MethodShape methods, ClassLoader loader, byte[] classFile)
            throws ReflectiveOperationException, IOException {
        byte[] woven = null;
        WeavingAhead ahead = wovenAhead.remove(typeName);
        if (ahead != null) {
            ahead.run();
            byte[][] done = resultOf(ahead);
            if (done != null && ClassFiles.same(done[0], classFile)) {
                woven = done[1];
            }
        }
        if (woven == null) {
            woven = inliner(adviceClassName).inline(classFile, methods, loader);
        }
        if (woven != null) {
            moduleReads.letRead(typeName);
        }
        return woven;
    }

    /**
     * Queues the weaving of one of the JDK's own class files ahead of its load, for
     * {@link WeavingWarmUp} to run, or the load itself if it comes first. Its result is kept
     * until the class loads: a few tens of kilobytes per class.
     */
    WeavingAhead queueAhead(final String typeName, final String adviceClassName, final MethodShape methods) {
        WeavingAhead task = new WeavingAhead(new Callable<byte[][]>() {
            @Override
            public byte[][] call() throws Exception {
                byte[] classFile = ClassFiles.ofJdk(typeName.replace('.', '/'));
                byte[] woven = classFile == null ? null : inliner(adviceClassName).inline(classFile, methods, null);
                if (woven == null) {
                    return null;
                }
                moduleReads.findAhead(typeName);
                return new byte[][] {classFile, woven};
            }
        });
        wovenAhead.put(typeName, task);
        return task;
    }

    /**
     * The class file and its woven copy, or null when the weaving ahead failed, found nothing to
     * weave, or has not ended within a few seconds: the loading thread, which holds the class's
     * loading lock, then weaves it itself rather than wait on.
     */
    private static byte[][] resultOf(WeavingAhead ahead) {
        try {
            return ahead.resultWithin(AHEAD_WAIT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The advice's class file comes from the agent's loader; the advice class itself is never loaded. */
    private AdviceInliner inliner(String adviceClassName) throws IOException {
        AdviceInliner inliner = inliners.get(adviceClassName);
        if (inliner == null) {
            byte[] classFile = ClassFiles.of(adviceClassName.replace('.', '/'), agentLoader);
            if (classFile == null) {
                throw new IllegalStateException("the agent has no advice class " + adviceClassName);
            }
            inliner = AdviceInliner.of(classFile);
            inliners.putIfAbsent(adviceClassName, inliner);
        }
        return inliner;
    }
}
