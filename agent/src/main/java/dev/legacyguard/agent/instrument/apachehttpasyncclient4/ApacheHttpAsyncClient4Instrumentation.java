package dev.legacyguard.agent.instrument.apachehttpasyncclient4;

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
    public ElementMatcher<? super MethodDescription> advisedMethods(String typeName) {
        if (!typeName.equals(MAIN_CLIENT_EXEC)) {
            return named("execute").and(isPublic()).and(takesArguments(1))
                    .and(takesArgument(0, named("org.apache.http.nio.reactor.IOEventDispatch")));
        }
        return isPublic().and(named("prepare").and(takesArguments(4))
                        .and(takesArgument(0, named("org.apache.http.HttpHost")))
                        .and(takesArgument(1, named("org.apache.http.HttpRequest")))
                        .and(takesArgument(2, named(INTERNAL_STATE)))
                .or(named("responseCompleted").and(takesArguments(2)).and(takesArgument(0, named(INTERNAL_STATE)))));
    }
}
