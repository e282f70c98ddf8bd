package dev.legacyguard.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;

import dev.legacyguard.agent.log.AgentLog;

/**
 * Weaves advice into the few client classes as the JVM loads (or retransforms) them, and
 * leaves every other class alone after one map lookup. Free of ByteBuddy types itself, so
 * that loading it loads none of ByteBuddy.
 */
final class ClientTransformer implements ClassFileTransformer {

    private final Map<String, AdvisedType> byInternalName;
    private final AdviceWeaver weaver;
    private final AgentLog log;

    ClientTransformer(Map<String, AdvisedType> byInternalName, AdviceWeaver weaver, AgentLog log) {
        this.byInternalName = byInternalName;
        this.weaver = weaver;
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        AdvisedType type = internalName == null ? null : byInternalName.get(internalName);
        if (type == null) {
            return null;
        }
        try {
            return weaver.weave(type, loader, classFile);
        } catch (Throwable t) {
            // The JVM would drop the exception silently; the class then loads as it was.
            cannotInstrument(type.typeName(), t);
            return null;
        }
    }

    void retransform(Instrumentation instrumentation, Class<?> loaded) {
        try {
            instrumentation.retransformClasses(loaded);
        } catch (Exception | LinkageError e) {
            cannotInstrument(loaded.getName(), e);
        }
    }

    private void cannotInstrument(String typeName, Throwable t) {
        log.warnOnce("transform:" + typeName, "could not instrument " + typeName + " (" + t
                + "); requests it sends go out without a token");
    }
}
