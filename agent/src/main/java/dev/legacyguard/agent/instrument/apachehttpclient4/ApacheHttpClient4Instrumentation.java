package dev.legacyguard.agent.instrument.apachehttpclient4;


import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

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
    public MethodShape advisedMethods(String typeName) {
        if (typeName.equals(MAIN_CLIENT_EXEC)) {
            return MethodShape.named("execute").isPublic().takesArguments(4)
                    .takesArgument(0, "org.apache.http.conn.routing.HttpRoute")
                    .takesArgument(1, "org.apache.http.client.methods.HttpRequestWrapper")
                    .takesArgument(2, "org.apache.http.client.protocol.HttpClientContext");
        }
        return MethodShape.named("execute").isPublic().takesArguments(3)
                .takesArgument(0, "org.apache.http.HttpRequest")
                .takesArgument(2, "org.apache.http.protocol.HttpContext");
    }
}
