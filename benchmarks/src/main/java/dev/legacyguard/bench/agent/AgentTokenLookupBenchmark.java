package dev.legacyguard.bench.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Run only in a JVM started with the agent: what the instrumented clients ask the agent on every
 * call, {@code BearerHooks.source().authorizationFor(url, hostHeader, throughProxy)} as a plain call
 * asks it, for a URL of the configured resource (cached token) and for one of no resource:
 * without a Host header, as {@code HttpURLConnection} asks when the application set none, and
 * with the one Apache HttpClient 4 and 5 always write by then, naming the URL's own host. The agent's bootstrap classes are on the bootstrap
 * class path, visible to every class loader; they are reached by name because this module does
 * not compile against the agent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentTokenLookupBenchmark {

    @State(Scope.Benchmark)
    public static class Hooks {
        MethodHandle authorizationFor;
        Object source;
        String resourceUrl;
        String otherUrl;
        String hostHeader;

        @Setup(Level.Trial)
        public void find() throws Throwable {
            Class<?> hooks = Class.forName("dev.legacyguard.agent.bootstrap.BearerHooks");
            Class<?> sourceType = Class.forName("dev.legacyguard.agent.bootstrap.BearerSource");
            source = hooks.getMethod("source").invoke(null);
            if (source == null) {
                throw new IllegalStateException("the agent installed no token source; is -javaagent set and configured?");
            }
            authorizationFor = MethodHandles.publicLookup()
                    .findVirtual(sourceType, "authorizationFor",
                            MethodType.methodType(String.class, String.class, String.class, boolean.class))
                    .asType(MethodType.methodType(Object.class, Object.class, String.class, String.class, boolean.class));
            int port = Integer.getInteger(AgentCallBenchmark.PORT_PROPERTY);
            resourceUrl = "http://127.0.0.1:" + port + LoopbackApi.PATH;
            otherUrl = "http://127.0.0.1:" + port + "/elsewhere/items";
            hostHeader = "127.0.0.1:" + port;
            Object header = (Object) authorizationFor.invokeExact(source, resourceUrl, (String) null, false);
            if (!(header instanceof String) || !((String) header).startsWith("Bearer ")) {
                throw new IllegalStateException("the agent gave no bearer token for " + resourceUrl + ": " + header);
            }
        }
    }

    @Benchmark
    public Object configuredResource(Hooks hooks) throws Throwable {
        return (Object) hooks.authorizationFor.invokeExact(hooks.source, hooks.resourceUrl, (String) null, false);
    }

    @Benchmark
    public Object configuredResourceWithHostHeader(Hooks hooks) throws Throwable {
        return (Object) hooks.authorizationFor.invokeExact(hooks.source, hooks.resourceUrl, hooks.hostHeader, false);
    }

    @Benchmark
    public Object urlOfNoResource(Hooks hooks) throws Throwable {
        return (Object) hooks.authorizationFor.invokeExact(hooks.source, hooks.otherUrl, (String) null, false);
    }
}
