package dev.legacyguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.lang.instrument.Instrumentation;
import java.util.List;

import dev.legacyguard.agent.bootstrap.BearerHooks;
import dev.legacyguard.agent.log.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.utility.JavaModule;

/** Installs every client's advice with one ByteBuddy agent builder. */
final class Instrumentations {

    private Instrumentations() {
    }

    static void install(Instrumentation instrumentation, List<ClientInstrumentation> clients, AgentLog log) {
        // Advice needs no class injection, so keep ByteBuddy off sun.misc.Unsafe: Java 24+ warns
        // on stderr about every library that touches it. The property name is relocated with
        // ByteBuddy, so it cannot affect the application's own ByteBuddy.
        if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
            System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        }
        AdviceFactory advice = new AdviceFactory(Instrumentations.class.getClassLoader());
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                // Classes such as HttpURLConnection may be loaded before the agent starts.
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureListener(log))
                // The default ignores JDK classes, which is where HttpURLConnection lives; the
                // agent's own classes (and its relocated ByteBuddy) are never instrumented.
                .ignore(nameStartsWith("dev.legacyguard.agent.").or(isSynthetic()))
                // Advice inlined into named modules (java.base) calls the bootstrap package.
                .assureReadEdgeTo(instrumentation, BearerHooks.class);
        for (ClientInstrumentation client : clients) {
            builder = client.instrument(builder, advice);
        }
        builder.installOn(instrumentation);
    }

    /** A class the agent could not transform: its client's calls go out without tokens. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        private final AgentLog log;

        FailureListener(AgentLog log) {
            this.log = log;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            log.warnOnce("transform:" + typeName, "could not instrument " + typeName + " (" + throwable
                    + "); requests it sends go out without a token");
        }
    }
}
