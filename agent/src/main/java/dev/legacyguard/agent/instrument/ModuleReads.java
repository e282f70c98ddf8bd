package dev.legacyguard.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.legacyguard.agent.bootstrap.BearerHooks;

/**
 * Advice inlined into a class of a named module of the JDK (java.base's HttpURLConnection,
 * java.net.http's exchange) calls the bootstrap package, in the boot loader's unnamed module,
 * which a named module does not read by itself (Java 9+). A class of the class path, or of any
 * other unnamed module, reads every module already. By plain reflection: ByteBuddy's
 * JavaModule would first generate dispatcher classes and proxies (~40 ms).
 *
 * <p>Finding which module of the boot layer holds a package means asking each of them for its
 * packages: most of what the edge costs, and the load of the woven class, on the application's
 * thread, would pay it. The warm-up finds it ahead ({@link #findAhead}); the load then only adds
 * the edge. The edge itself is added only when a woven class of the package is defined.
 */
final class ModuleReads {

    /** A package held by no module of the boot layer (or Java 8): no edge to add. */
    private static final Object NO_MODULE = new Object();

    private final Instrumentation instrumentation;
    private final ConcurrentMap<String, Object> modules = new ConcurrentHashMap<String, Object>();
    private final Set<String> reading = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    /** @param instrumentation what adds the edge; null where no woven class is ever defined (unit tests) */
    ModuleReads(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** Finds the module of {@code typeName}'s package ahead of the class's load, off the application's thread. */
    void findAhead(String typeName) throws ReflectiveOperationException {
        String packageName = packageOf(typeName);
        if (instrumentation != null && packageName != null) {
            moduleOf(packageName);
        }
    }

    /** Lets the module holding {@code typeName}, if the JDK's, read the bootstrap package. */
    void letRead(String typeName) throws ReflectiveOperationException {
        String packageName = packageOf(typeName);
        if (instrumentation == null || packageName == null || reading.contains(packageName)) {
            return;
        }
        Object module = moduleOf(packageName);
        if (module != NO_MODULE) {
            Object bootstrap = Modules.GET_MODULE.invoke(BearerHooks.class);
            if (!(Boolean) Modules.CAN_READ.invoke(module, bootstrap)) {
                Modules.REDEFINE_MODULE.invoke(instrumentation, module, Collections.singleton(bootstrap),
                        Collections.emptyMap(), Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
            }
        }
        // Marked only once the edge is there: a thread weaving the same package meanwhile (the
        // warm-up's and the application's) adds it again, which changes nothing, rather than
        // defining a class whose advice cannot reach the bootstrap package.
        reading.add(packageName);
    }

    private Object moduleOf(String packageName) throws ReflectiveOperationException {
        Object module = modules.get(packageName);
        if (module == null) {
            module = Modules.GET_MODULE == null ? NO_MODULE : bootLayerModuleOf(packageName);
            modules.putIfAbsent(packageName, module);
        }
        return module;
    }

    /** The module of the boot layer (the JDK's) that holds {@code packageName}, else {@link #NO_MODULE}. */
    private static Object bootLayerModuleOf(String packageName) throws ReflectiveOperationException {
        Object bootLayer = Modules.BOOT_LAYER.invoke(null);
        for (Object module : (Set<?>) Modules.LAYER_MODULES.invoke(bootLayer)) {
            if (((Set<?>) Modules.PACKAGES.invoke(module)).contains(packageName)) {
                return module;
            }
        }
        return NO_MODULE;
    }

    private static String packageOf(String typeName) {
        int lastDot = typeName.lastIndexOf('.');
        return lastDot < 0 ? null : typeName.substring(0, lastDot);
    }

    /** The Java 9+ methods, looked up once, by the first thread that needs them; all null on Java 8. */
    private static final class Modules {
        static final Method GET_MODULE;
        static final Method CAN_READ;
        static final Method PACKAGES;
        static final Method BOOT_LAYER;
        static final Method LAYER_MODULES;
        static final Method REDEFINE_MODULE;

        static {
            Method getModule;
            try {
                getModule = Class.class.getMethod("getModule");
            } catch (NoSuchMethodException java8) {
                getModule = null;
            }
            GET_MODULE = getModule;
            if (getModule == null) {
                CAN_READ = null;
                PACKAGES = null;
                BOOT_LAYER = null;
                LAYER_MODULES = null;
                REDEFINE_MODULE = null;
            } else {
                try {
                    Class<?> moduleType = getModule.getReturnType();
                    Class<?> layerType = Class.forName("java.lang.ModuleLayer");
                    CAN_READ = moduleType.getMethod("canRead", moduleType);
                    PACKAGES = moduleType.getMethod("getPackages");
                    BOOT_LAYER = layerType.getMethod("boot");
                    LAYER_MODULES = layerType.getMethod("modules");
                    REDEFINE_MODULE = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class,
                            Map.class, Set.class, Map.class);
                } catch (ReflectiveOperationException e) {
                    // Java 9+ has every one of them: a JVM without them is not one the agent can weave into.
                    throw new LinkageError("the module API of this JVM is not Java 9's", e);
                }
            }
        }

        private Modules() {
        }
    }
}
