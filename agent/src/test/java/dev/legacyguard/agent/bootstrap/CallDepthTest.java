package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class CallDepthTest {

    @Test
    void onlyTheOutermostCallOnAThreadActs() {
        CallDepth depth = CallDepth.APACHE_HTTPCLIENT_5;
        assertTrue(depth.enter());
        assertFalse(depth.enter(), "a nested call must not act again");
        assertFalse(depth.exit());
        assertTrue(depth.exit(), "the outermost call is leaving");
        assertTrue(depth.enter(), "the next call acts again");
        assertTrue(depth.exit());
    }

    @Test
    void eachThreadCountsItsOwnDepth() throws Exception {
        CallDepth depth = CallDepth.APACHE_HTTPCLIENT_4;
        assertTrue(depth.enter());
        try {
            assertTrue(CompletableFuture.supplyAsync(() -> {
                boolean outermost = depth.enter();
                depth.exit();
                return outermost;
            }).get(), "another thread's call is outermost on that thread");
        } finally {
            depth.exit();
        }
    }
}
