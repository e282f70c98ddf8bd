package dev.legacyguard.agent.instrument.apachehttpclient5;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Apache HttpClient 5.x classic: its exec chain sends each request through httpcore5's
 * blocking {@code HttpRequestExecutor} (the three-argument overload calls this one). The exec
 * chain is also met where it acquires the request's connection, to fail there.
 */
public final class ApacheHttpClient5Instrumentation implements ClientInstrumentation {

    private static final String PACKAGE = ApacheHttpClient5Instrumentation.class.getPackage().getName();
    private static final String CONNECT_EXEC = "org.apache.hc.client5.http.impl.classic.ConnectExec";

    @Override
    public String client() {
        return "Apache HttpClient 5.x classic";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Arrays.asList(new AdvisedType(this, "org.apache.hc.core5.http.impl.io.HttpRequestExecutor",
                PACKAGE + ".ExecuteAdvice"), new AdvisedType(this, CONNECT_EXEC, PACKAGE + ".LeaseAdvice"));
    }

    @Override
    public ElementMatcher<? super MethodDescription> advisedMethods(String typeName) {
        if (typeName.equals(CONNECT_EXEC)) {
            return named("execute").and(isPublic()).and(takesArguments(3))
                    .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                    .and(takesArgument(1, named("org.apache.hc.client5.http.classic.ExecChain$Scope")));
        }
        return named("execute").and(isPublic()).and(takesArguments(4))
                .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                .and(takesArgument(3, named("org.apache.hc.core5.http.protocol.HttpContext")));
    }
}
