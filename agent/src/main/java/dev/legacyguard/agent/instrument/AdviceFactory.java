package dev.legacyguard.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Builds advice transformers from advice class names. The advice is never loaded as a class:
 * ByteBuddy reads its bytes from the agent's loader and describes the client types it refers
 * to from the instrumented class's own loader, so advice may be written against client APIs
 * (and JDK internals) the agent's loader cannot see.
 */
public final class AdviceFactory {

    private final ClassLoader agentLoader;

    AdviceFactory(ClassLoader agentLoader) {
        this.agentLoader = agentLoader;
    }

    public AgentBuilder.Transformer advice(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
        return new AgentBuilder.Transformer.ForAdvice()
                .include(agentLoader)
                .advice(methods, adviceClassName);
    }
}
