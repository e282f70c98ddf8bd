package dev.legacyguard.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.legacyguard.agent.log.AgentLog;

/**
 * Installs every client's advice, and the class loaders' delegation of the bootstrap package
 * that lets the advice run in any class loader. Start-up pays only for a name lookup and a
 * scan of the tables of each loaded class: the weaving code loads on the {@link WeavingWarmUp}
 * thread, or when the first client class or class loader is woven if that comes first.
 */
final class Instrumentations {

    private final Instrumentation instrumentation;
    private final AdviceTransformer transformer;

    private Instrumentations(Instrumentation instrumentation, AdviceTransformer transformer) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
    }

    /**
     * Starts weaving the JDK's own clients ahead, on the warm-up thread, while the agent reads its
     * settings and starts; nothing is installed yet, and nothing is if the agent does not start.
     */
    static Instrumentations prepare(Instrumentation instrumentation, List<ClientInstrumentation> clients, AgentLog log) {
        Map<String, AdvisedType> byInternalName = new HashMap<>();
        for (ClientInstrumentation client : clients) {
            for (AdvisedType type : client.advisedTypes()) {
                byInternalName.put(type.typeName().replace('.', '/'), type);
            }
        }
        ClassLoader agentLoader = Instrumentations.class.getClassLoader();
        AdviceWeaver weaver = new AdviceWeaver(agentLoader, instrumentation);
        new WeavingWarmUp(weaver, clients, log).start();
        return new Instrumentations(instrumentation, new AdviceTransformer(byInternalName, weaver, agentLoader, log));
    }

    void install() {
        instrumentation.addTransformer(transformer, true);
        // Classes such as HttpURLConnection may be loaded before the agent starts, and so may a
        // container's class loaders.
        transformer.retransformLoadedClasses(instrumentation);
    }
}
