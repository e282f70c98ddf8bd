package dev.legacyguard.agent.instrument.apachehttpclient5;


import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

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
    public MethodShape advisedMethods(String typeName) {
        if (typeName.equals(CONNECT_EXEC)) {
            return MethodShape.named("execute").isPublic().takesArguments(3)
                    .takesArgument(0, "org.apache.hc.core5.http.ClassicHttpRequest")
                    .takesArgument(1, "org.apache.hc.client5.http.classic.ExecChain$Scope");
        }
        return MethodShape.named("execute").isPublic().takesArguments(4)
                .takesArgument(0, "org.apache.hc.core5.http.ClassicHttpRequest")
                .takesArgument(3, "org.apache.hc.core5.http.protocol.HttpContext");
    }
}
