package dev.legacyguard.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.legacyguard.agent.bootstrap.BearerHooks;
import dev.legacyguard.agent.instrument.classloader.BootDelegation;
import dev.legacyguard.agent.log.AgentLog;

/**
 * Weaves advice into the few client classes and into class loaders as the JVM loads (or
 * retransforms) them. Every other class costs one map lookup and a scan of its class file's
 * tables. Free of ByteBuddy types itself, so that loading it loads none of ByteBuddy.
 */
final class AdviceTransformer implements ClassFileTransformer {

    private final Map<String, AdvisedType> byInternalName;
    /** The same types by binary name, as {@code Class.getName} gives it. */
    private final Set<String> byName = new HashSet<>();
    private final AdviceWeaver weaver;
    private final ClassLoader agentLoader;
    private final AgentLog log;

    AdviceTransformer(Map<String, AdvisedType> byInternalName, AdviceWeaver weaver, ClassLoader agentLoader, AgentLog log) {
        this.byInternalName = byInternalName;
        for (AdvisedType type : byInternalName.values()) {
            byName.add(type.typeName());
        }
        this.weaver = weaver;
        this.agentLoader = agentLoader;
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null || loader == agentLoader) {
            return null;
        }
        AdvisedType type = byInternalName.get(internalName);
        try {
            if (type != null) {
                byte[] woven = weaver.weave(type.typeName(), type.adviceClassName(),
                        type.client().advisedMethods(type.typeName()), loader, classFile);
                if (woven != null && loader != null) {
                    warnUnlessTheBootstrapPackageIsReachable(type.typeName(), loader);
                }
                return woven;
            }
            if (BootDelegation.wants(internalName, classFile)) {
                return weaver.weave(internalName.replace('/', '.'), BootDelegation.adviceClassName(),
                        BootDelegation.loadClassMethods(), loader, classFile);
            }
            return null;
        } catch (Throwable t) {
            // The JVM would drop the exception silently; the class then loads as it was.
            cannotInstrument(internalName.replace('/', '.'), t);
            return null;
        }
    }

    /**
     * Weaves the classes loaded before the agent started (always some when it is attached to a
     * running service): class loaders first, so that a client class they loaded reaches the
     * bootstrap package when it is woven. One pass over the thousand or so classes a JVM has
     * loaded by then: arrays are skipped before their name is asked for, and the names compared
     * as {@code Class.getName} gives them, without making a copy of each.
     */
    void retransformLoadedClasses(Instrumentation instrumentation) {
        List<Class<?>> loaders = new ArrayList<>();
        List<Class<?>> clients = new ArrayList<>();
        for (Class<?> each : instrumentation.getAllLoadedClasses()) {
            if (each.isArray() || each.isPrimitive()) {
                continue;
            }
            if (BootDelegation.wants(each) && instrumentation.isModifiableClass(each)) {
                loaders.add(each);
            }
            if (byName.contains(each.getName())) {
                clients.add(each);
            }
        }
        for (Class<?> loader : loaders) {
            retransform(instrumentation, loader);
        }
        for (Class<?> client : clients) {
            retransform(instrumentation, client);
        }
    }

    private void retransform(Instrumentation instrumentation, Class<?> loaded) {
        try {
            instrumentation.retransformClasses(loaded);
        } catch (Exception | LinkageError e) {
            cannotInstrument(loaded.getName(), e);
        }
    }

    /**
     * The advice just woven into {@code typeName} links to the bootstrap package through the
     * class's own loader, which the boot delegation makes reach it, unless the loader could not
     * be woven (a hidden class) and refuses the package: then the requests go out unchanged.
     */
    private void warnUnlessTheBootstrapPackageIsReachable(String typeName, ClassLoader loader) {
        Class<?> reached;
        try {
            reached = Class.forName(BearerHooks.class.getName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            reached = null;
        }
        if (reached != BearerHooks.class) {
            log.warnOnce("bootstrap:" + typeName, "the class loader " + loader.getClass().getName() + " of " + typeName
                    + " does not reach the agent's package " + BearerHooks.class.getPackage().getName()
                    + " in the bootstrap class loader; requests it sends go out without a token");
        }
    }

    private void cannotInstrument(String typeName, Throwable t) {
        log.warnOnce("transform:" + typeName, "could not instrument " + typeName + " (" + t + "); "
                + (byInternalName.containsKey(typeName.replace('.', '/'))
                        ? "requests it sends go out without a token"
                        : "HTTP clients this class loader loads may not reach the agent; their requests then go out without a token"));
    }
}
