package dev.legacyguard.agent.instrument.apachehttpclient5async;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

import dev.legacyguard.agent.bootstrap.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code InternalAbstractHttpAsyncClient#doExecute}, which every {@code execute}
 * of the client calls on the application's thread and which runs the exec chain up to the
 * first hop's lease there: while it runs, {@link HopAdvice} may wait for a token on this
 * thread. Hops decided anywhere else run on an I/O reactor thread (or the client's scheduler).
 */
final class CallersThreadAdvice {

    private CallersThreadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        CallDepth.forClass(CloseableHttpAsyncClient.class).enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit() {
        CallDepth.forClass(CloseableHttpAsyncClient.class).exit();
    }
}
