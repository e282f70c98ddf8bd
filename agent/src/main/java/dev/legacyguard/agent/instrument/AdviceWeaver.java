package dev.legacyguard.agent.instrument;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentMap;

import dev.legacyguard.agent.bootstrap.BearerHooks;
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
    private final Instrumentation instrumentation;
    private final Set<String> checkedPackages = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private final ConcurrentMap<String, AdviceInliner> inliners = new ConcurrentHashMap<String, AdviceInliner>();
    private final ConcurrentMap<String, WeavingAhead> wovenAhead = new ConcurrentHashMap<String, WeavingAhead>();

    /**
     * @param instrumentation what gives a JDK module its read edge to the bootstrap package; null
     *     where no woven class is ever defined (unit tests weave and inspect bytes only)
     */
    AdviceWeaver(ClassLoader agentLoader, Instrumentation instrumentation) {
        this.agentLoader = agentLoader;
        this.instrumentation = instrumentation;
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
            if (done != null && Arrays.equals(done[0], classFile)) {
                woven = done[1];
            }
        }
        if (woven == null) {
            woven = inliner(adviceClassName).inline(classFile, methods, loader);
        }
        if (woven != null) {
            letItsModuleReadTheBootstrapPackage(typeName);
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
                return woven == null ? null : new byte[][] {classFile, woven};
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

    /**
     * Advice inlined into a class of a named module of the JDK (java.base's HttpURLConnection,
     * java.net.http's exchange) calls the bootstrap package, in the boot loader's unnamed module,
     * which a named module does not read by itself (Java 9+). A class of the class path, or of
     * any other unnamed module, reads every module already. By plain reflection: ByteBuddy's
     * JavaModule would first generate dispatcher classes and proxies (~40 ms). Each package is
     * looked up once: it belongs to at most one module of the boot layer.
     */
    private void letItsModuleReadTheBootstrapPackage(String typeName) throws ReflectiveOperationException {
        int lastDot = typeName.lastIndexOf('.');
        if (instrumentation == null || lastDot < 0) {
            return;
        }
        String packageName = typeName.substring(0, lastDot);
        if (checkedPackages.contains(packageName)) {
            return;
        }
        Method getModule;
        try {
            getModule = Class.class.getMethod("getModule");
        } catch (NoSuchMethodException java8) {
            return;
        }
        Class<?> moduleType = getModule.getReturnType();
        Object module = bootLayerModuleOf(packageName, moduleType);
        if (module != null) {
            Object bootstrap = getModule.invoke(BearerHooks.class);
            if (!(Boolean) moduleType.getMethod("canRead", moduleType).invoke(module, bootstrap)) {
                Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class, Map.class, Set.class,
                        Map.class).invoke(instrumentation, module, Collections.singleton(bootstrap), Collections.emptyMap(),
                                Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
            }
        }
        // Marked only once the edge is there: a thread weaving the same package meanwhile (the
        // warm-up's and the application's) adds it again, which changes nothing, rather than
        // defining a class whose advice cannot reach the bootstrap package.
        checkedPackages.add(packageName);
    }

    /** The module of the boot layer (the JDK's) that holds {@code packageName}, or null. */
    private static Object bootLayerModuleOf(String packageName, Class<?> moduleType) throws ReflectiveOperationException {
        Class<?> layerType = Class.forName("java.lang.ModuleLayer");
        Object bootLayer = layerType.getMethod("boot").invoke(null);
        Method packages = moduleType.getMethod("getPackages");
        for (Object module : (Set<?>) layerType.getMethod("modules").invoke(bootLayer)) {
            if (((Set<?>) packages.invoke(module)).contains(packageName)) {
                return module;
            }
        }
        return null;
    }
}
