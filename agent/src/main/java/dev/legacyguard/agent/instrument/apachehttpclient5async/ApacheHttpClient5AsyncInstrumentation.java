package dev.legacyguard.agent.instrument.apachehttpclient5async;


import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

/**
 * Apache HttpClient 5.x async ({@code HttpAsyncClients.createDefault()}, {@code custom()}, the
 * HTTP/2 clients): its exec chain's {@code AsyncProtocolExec} sees every hop (its redirect exec
 * sends each redirect through it again) with the hop's route, before the connection is leased;
 * the callback it hands down sees each hop's answer. {@code doExecute} marks the application's
 * thread, where the first hop is decided, and httpcore5's {@code IOReactorWorker} the reactor
 * threads, where an application may call {@code execute} from a callback. The minimal clients ({@code createMinimal()}) have no
 * exec chain and are not instrumented.
 */
public final class ApacheHttpClient5AsyncInstrumentation implements ClientInstrumentation {

    private static final String PACKAGE = ApacheHttpClient5AsyncInstrumentation.class.getPackage().getName();
    private static final String PROTOCOL_EXEC = "org.apache.hc.client5.http.impl.async.AsyncProtocolExec";
    /** The callback AsyncProtocolExec passes down the chain for one hop (an anonymous class in 5.0 to 5.6). */
    private static final String PROTOCOL_EXEC_CALLBACK = PROTOCOL_EXEC + "$1";
    private static final String CLIENT_BASE = "org.apache.hc.client5.http.impl.async.InternalAbstractHttpAsyncClient";
    /** httpcore5's processor: the client's request interceptors, after which the agent's header is added. */
    private static final String PROCESSOR = "org.apache.hc.core5.http.protocol.DefaultHttpProcessor";
    /** httpcore5's loop of every I/O reactor thread. */
    private static final String REACTOR_WORKER = "org.apache.hc.core5.reactor.IOReactorWorker";

    @Override
    public String client() {
        return "Apache HttpClient 5.x async";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Arrays.asList(new AdvisedType(this, PROTOCOL_EXEC, PACKAGE + ".HopAdvice"),
                new AdvisedType(this, PROTOCOL_EXEC_CALLBACK, PACKAGE + ".AnswerAdvice"),
                new AdvisedType(this, CLIENT_BASE, PACKAGE + ".CallersThreadAdvice"),
                new AdvisedType(this, REACTOR_WORKER, PACKAGE + ".ReactorThreadAdvice"),
                new AdvisedType(this, PROCESSOR, PACKAGE + ".ProcessedRequestAdvice"));
    }

    @Override
    public MethodShape advisedMethods(String typeName) {
        if (typeName.equals(PROTOCOL_EXEC_CALLBACK)) {
            return MethodShape.named("handleResponse").isPublic().takesArguments(2)
                    .takesArgument(0, "org.apache.hc.core5.http.HttpResponse");
        }
        if (typeName.equals(PROCESSOR)) {
            return MethodShape.named("process").isPublic().takesArguments(3)
                    .takesArgument(0, "org.apache.hc.core5.http.HttpRequest");
        }
        if (typeName.equals(REACTOR_WORKER)) {
            return MethodShape.named("run").isPublic().takesArguments(0);
        }
        if (typeName.equals(CLIENT_BASE)) {
            return MethodShape.named("doExecute").isProtected().takesArguments(6)
                    .takesArgument(1, "org.apache.hc.core5.http.nio.AsyncRequestProducer");
        }
        return MethodShape.named("execute").isPublic().takesArguments(5)
                .takesArgument(0, "org.apache.hc.core5.http.HttpRequest")
                .takesArgument(2, "org.apache.hc.client5.http.async.AsyncExecChain$Scope")
                .takesArgument(4, "org.apache.hc.client5.http.async.AsyncExecCallback");
    }
}
