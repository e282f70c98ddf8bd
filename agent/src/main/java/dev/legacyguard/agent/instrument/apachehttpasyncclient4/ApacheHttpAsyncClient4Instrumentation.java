package dev.legacyguard.agent.instrument.apachehttpasyncclient4;


import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

/**
 * Apache HttpAsyncClient 4.x ({@code HttpAsyncClients.createDefault()} and its builder): its
 * {@code MainClientExec} prepares every hop, the first in {@code prepare} on the caller's thread,
 * each redirect in {@code responseCompleted} on an I/O reactor thread, before the exchange asks
 * for a connection or for output; httpcore-nio's event loops mark the reactor threads, where
 * an application may call {@code execute} from a callback. The minimal client
 * ({@code createMinimal()}) is not instrumented.
 */
public final class ApacheHttpAsyncClient4Instrumentation implements ClientInstrumentation {

    private static final String PACKAGE = ApacheHttpAsyncClient4Instrumentation.class.getPackage().getName();
    private static final String INTERNAL_STATE = "org.apache.http.impl.nio.client.InternalState";
    private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.nio.client.MainClientExec";

    @Override
    public String client() {
        return "Apache HttpAsyncClient 4.x";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Arrays.asList(new AdvisedType(this, MAIN_CLIENT_EXEC, PACKAGE + ".HopAdvice"),
                new AdvisedType(this, "org.apache.http.impl.nio.reactor.BaseIOReactor", PACKAGE + ".ReactorThreadAdvice"),
                new AdvisedType(this, "org.apache.http.impl.nio.reactor.AbstractMultiworkerIOReactor",
                        PACKAGE + ".ReactorThreadAdvice"));
    }

    @Override
    public MethodShape advisedMethods(String typeName) {
        if (!typeName.equals(MAIN_CLIENT_EXEC)) {
            return MethodShape.named("execute").isPublic().takesArguments(1)
                    .takesArgument(0, "org.apache.http.nio.reactor.IOEventDispatch");
        }
        return MethodShape.named("prepare").isPublic().takesArguments(4)
                .takesArgument(0, "org.apache.http.HttpHost")
                .takesArgument(1, "org.apache.http.HttpRequest")
                .takesArgument(2, INTERNAL_STATE)
                .or(MethodShape.named("responseCompleted").isPublic().takesArguments(2).takesArgument(0, INTERNAL_STATE));
    }
}
