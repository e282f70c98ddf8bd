package dev.legacyguard.agent.instrument.apachehttpasyncclient4;

import org.apache.http.nio.reactor.IOReactor;

import dev.legacyguard.agent.bootstrap.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into httpcore-nio's event loops, {@code BaseIOReactor#execute} (the I/O dispatcher
 * threads) and {@code AbstractMultiworkerIOReactor#execute} (the thread that connects): every
 * callback of an exchange runs inside one of them. A service that calls {@code execute} from a
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
