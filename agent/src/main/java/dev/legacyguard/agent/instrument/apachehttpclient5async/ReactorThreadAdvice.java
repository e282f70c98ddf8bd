package dev.legacyguard.agent.instrument.apachehttpclient5async;

import org.apache.hc.core5.reactor.IOReactor;

import dev.legacyguard.agent.bootstrap.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into httpcore5's {@code IOReactorWorker#run}, the loop of every I/O reactor thread:
 * every callback of an exchange runs inside it. A service that calls {@code execute} from a
 * callback does so on such a thread, where {@link HopAdvice} must not wait for a token either.
 */
final class ReactorThreadAdvice {

    private ReactorThreadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        CallDepth.forClass(IOReactor.class).enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit() {
        CallDepth.forClass(IOReactor.class).exit();
    }
}
