package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class CallDepthTest {

    // Key classes no other test uses, so that each test starts at depth zero.
    private static final class SendingClass {
    }

    private static final class OtherSendingClass {
    }

    private static final class ThreadedClass {
    }

    @Test
    void onlyTheOutermostCallOnAThreadActs() {
        CallDepth depth = CallDepth.forClass(SendingClass.class);
        assertTrue(depth.enter());
        assertFalse(depth.enter(), "a nested call must not act again");
        assertFalse(depth.exit());
        assertTrue(depth.exit(), "the outermost call is leaving");
        assertTrue(depth.enter(), "the next call acts again");
        assertTrue(depth.exit());
    }

    @Test
    void enterAndExitOfOneCallMeetTheSameCounter() {
        // Advice looks the depth up again where it has no local to carry it from enter to exit.
        assertTrue(CallDepth.forClass(OtherSendingClass.class).enter());
        assertSame(CallDepth.forClass(OtherSendingClass.class), CallDepth.forClass(OtherSendingClass.class));
        assertTrue(CallDepth.forClass(OtherSendingClass.class).exit());
    }

    @Test
    void eachKeyClassCountsItsOwnDepth() {
        CallDepth sending = CallDepth.forClass(SendingClass.class);
        assertTrue(sending.enter());
        try {
            assertTrue(CallDepth.forClass(OtherSendingClass.class).enter(),
                    "a call into another client inside this one is the outermost of its own");
            assertTrue(CallDepth.forClass(OtherSendingClass.class).exit());
        } finally {
            sending.exit();
        }
    }

    @Test
    void eachThreadCountsItsOwnDepth() throws Exception {
        CallDepth depth = CallDepth.forClass(ThreadedClass.class);
        assertTrue(depth.enter());
        try {
            assertTrue(CompletableFuture.supplyAsync(() -> {
                CallDepth onThatThread = CallDepth.forClass(ThreadedClass.class);
                boolean outermost = onThatThread.enter();
                onThatThread.exit();
                return outermost;
            }).get(), "another thread's call is outermost on that thread");
        } finally {
            depth.exit();
        }
    }
}
