package dev.legacyguard.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.legacyguard.agent.bootstrap.BearerHooks;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines a client's advice into the class file the JVM is loading. Only method bodies
 * change (decoration, no implementation context), so the result also suits retransformation
 * of a class that is already loaded.
 */
final class AdviceWeaver {

    private final ClassLoader agentLoader;
    private final Instrumentation instrumentation;
    private final Set<String> checkedPackages = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

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
     * {@code typeName}, or null when it declares none of them.
     */
    byte[] weave(String typeName, String adviceClassName, ElementMatcher<? super MethodDescription> methods,
            ClassLoader loader, byte[] classFile) throws ReflectiveOperationException {
        // Advice needs no class injection, so keep ByteBuddy off sun.misc.Unsafe: Java 24+ warns
        // on stderr about every library that touches it. The property name is relocated with
        // ByteBuddy, so it cannot affect the application's own ByteBuddy.
        if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
            System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        }
        letItsModuleReadTheBootstrapPackage(typeName);
        // The class being loaded, the types it and the advice refer to (from its own loader),
        // and the advice's bytes (from the agent's loader; the advice class is never loaded).
        // The JDK's classes from the boot loader too: a module's loader (JBoss Modules, OSGi) may
        // not show them as resources.
        ClassFileLocator classFiles = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(typeName, classFile),
                ClassFileLocator.ForClassLoader.of(loader),
                ClassFileLocator.ForClassLoader.ofBootLoader(),
                ClassFileLocator.ForClassLoader.of(agentLoader));
        TypePool types = TypePool.Default.of(classFiles);
        // Advice straight through ASM, not ByteBuddy's type writer (decorate().make()): the result
        // is the same for a class whose methods only get advice, but the type writer loads ~180
        // more ByteBuddy classes, and the process's first outgoing call waits for them. Reading
        // into a writer built on the reader copies every method without advice unchanged.
        TypeDescription woven = types.describe(typeName).resolve();
        if (woven.getDeclaredMethods().filter(methods).isEmpty()) {
            return null;
        }
        TypeDescription adviceType = types.describe(adviceClassName).resolve();
        SuppressedAdvice.require(adviceType);
        AsmVisitorWrapper advice = Advice.to(adviceType, classFiles).on(methods);
        int writerFlags = advice.mergeWriter(AsmVisitorWrapper.NO_FLAGS);
        int readerFlags = advice.mergeReader(AsmVisitorWrapper.NO_FLAGS);
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, writerFlags);
        reader.accept(advice.wrap(woven, writer,
                new Implementation.Context.Disabled(woven, ClassFileVersion.ofClassFile(classFile),
                        (readerFlags & ClassReader.EXPAND_FRAMES) != 0
                                ? Implementation.Context.FrameGeneration.EXPAND
                                : Implementation.Context.FrameGeneration.GENERATE) {
                    // Only its constructor is protected: the context that refuses to add members.
                }, types,
                woven.getDeclaredFields(), woven.getDeclaredMethods(), writerFlags, readerFlags), readerFlags);
        return writer.toByteArray();
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
