package dev.legacyguard.agent.instrument.apachehttpclient5;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.legacyguard.agent.instrument.AdviceFactory;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Apache HttpClient 5.x classic: its exec chain sends each request through httpcore5's
 * blocking {@code HttpRequestExecutor} (the three-argument overload calls this one).
 */
public final class ApacheHttpClient5Instrumentation implements ClientInstrumentation {

    @Override
    public String client() {
        return "Apache HttpClient 5.x classic";
    }

    @Override
    public AgentBuilder instrument(AgentBuilder builder, AdviceFactory advice) {
        return builder
                .type(named("org.apache.hc.core5.http.impl.io.HttpRequestExecutor"))
                .transform(advice.advice(named("execute").and(isPublic()).and(takesArguments(4))
                                .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                                .and(takesArgument(3, named("org.apache.hc.core5.http.protocol.HttpContext"))),
                        ApacheHttpClient5Instrumentation.class.getPackage().getName() + ".ExecuteAdvice"));
    }
}
