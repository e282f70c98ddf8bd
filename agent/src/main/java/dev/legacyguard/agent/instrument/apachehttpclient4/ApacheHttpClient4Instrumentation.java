package dev.legacyguard.agent.instrument.apachehttpclient4;

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
 * Apache HttpClient 4.x: every client in the 4.x line (4.0-4.2's DefaultHttpClient and the
 * 4.3+ exec chain alike) sends each request through httpcore's {@code HttpRequestExecutor}.
 * The 4.3+ exec chain is also met where it leases the request's connection, to fail there.
 */
public final class ApacheHttpClient4Instrumentation implements ClientInstrumentation {

    private static final String PACKAGE = ApacheHttpClient4Instrumentation.class.getPackage().getName();
    private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.execchain.MainClientExec";

    @Override
    public String client() {
        return "Apache HttpClient 4.x";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Arrays.asList(new AdvisedType(this, "org.apache.http.protocol.HttpRequestExecutor", PACKAGE + ".ExecuteAdvice"),
                new AdvisedType(this, MAIN_CLIENT_EXEC, PACKAGE + ".LeaseAdvice"));
    }

    @Override
    public ElementMatcher<? super MethodDescription> advisedMethods(String typeName) {
        if (typeName.equals(MAIN_CLIENT_EXEC)) {
            return named("execute").and(isPublic()).and(takesArguments(4))
                    .and(takesArgument(0, named("org.apache.http.conn.routing.HttpRoute")))
                    .and(takesArgument(1, named("org.apache.http.client.methods.HttpRequestWrapper")))
                    .and(takesArgument(2, named("org.apache.http.client.protocol.HttpClientContext")));
        }
        return named("execute").and(isPublic()).and(takesArguments(3))
                .and(takesArgument(0, named("org.apache.http.HttpRequest")))
                .and(takesArgument(2, named("org.apache.http.protocol.HttpContext")));
    }
}
