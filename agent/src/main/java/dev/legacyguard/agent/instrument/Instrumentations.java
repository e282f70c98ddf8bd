package dev.legacyguard.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.legacyguard.agent.log.AgentLog;

/**
 * Installs every client's advice. Start-up pays only for a name lookup per loaded class:
 * ByteBuddy loads when the first client class is woven. (ByteBuddy's AgentBuilder, used
 * before, loaded some 890 of its classes and generated a class of its own on every start.)
 */
final class Instrumentations {

    private Instrumentations() {
    }

    static void install(Instrumentation instrumentation, List<ClientInstrumentation> clients, AgentLog log) {
        Map<String, AdvisedType> byInternalName = new HashMap<>();
        for (ClientInstrumentation client : clients) {
            for (AdvisedType type : client.advisedTypes()) {
                byInternalName.put(type.typeName().replace('.', '/'), type);
            }
        }
        ClientTransformer transformer = new ClientTransformer(byInternalName,
                new AdviceWeaver(Instrumentations.class.getClassLoader(), instrumentation), log);
        instrumentation.addTransformer(transformer, true);
        // Classes such as HttpURLConnection may be loaded before the agent starts (always so
        // when it is attached to a running service).
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (byInternalName.containsKey(loaded.getName().replace('.', '/'))) {
                transformer.retransform(instrumentation, loaded);
            }
        }
    }
}
