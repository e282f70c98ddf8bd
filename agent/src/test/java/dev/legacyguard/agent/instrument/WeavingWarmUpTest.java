package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.instrument.httpurlconnection.HttpUrlConnectionInstrumentation;
import dev.legacyguard.agent.instrument.weave.ClassFiles;
import dev.legacyguard.agent.instrument.weave.MethodShape;
import dev.legacyguard.agent.log.AgentLog;

class WeavingWarmUpTest {

    private static final String CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = AgentLog.to(new PrintStream(logged, true));
    // The agent's loader in the agent; here the test's, which holds the advice classes too.
    private final AdviceWeaver weaver = new AdviceWeaver(getClass().getClassLoader(), null);

    @Test
    void runsOnceOnADaemonThreadThatHoldsNoContextClassLoader() throws InterruptedException {
        WeavingWarmUp warmUp = new WeavingWarmUp(weaver, Collections.<ClientInstrumentation>emptyList(), log);
        Thread thread = warmUp.start();
        assertNotNull(thread);
        assertEquals(WeavingWarmUp.THREAD_NAME, thread.getName());
        assertTrue(thread.isDaemon());
        assertNull(thread.getContextClassLoader(), "a web app's loader would stay pinned by it");
        assertNull(warmUp.start(), "started a second time");
        thread.join();
    }

    @Test
    void weavesTheJdksOwnClientWithoutComplaint() throws InterruptedException {
        new WeavingWarmUp(weaver, Collections.<ClientInstrumentation>singletonList(new HttpUrlConnectionInstrumentation()), log)
                .start().join();
        assertEquals("", logged.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailureIsLoggedOnceAndWeavingStillWorksAfterIt() throws Exception {
        ClientInstrumentation broken = new ClientInstrumentation() {
            @Override
            public String client() {
                return "broken";
            }

            @Override
            public List<AdvisedType> advisedTypes() {
                // Two JDK classes with an advice class that does not exist: the first fails the warm-up.
                return Arrays.asList(new AdvisedType(this, CONNECTION, "no.such.Advice"),
                        new AdvisedType(this, "sun.net.www.http.HttpClient", "no.such.Advice"));
            }

            @Override
            public MethodShape advisedMethods(String typeName) {
                return MethodShape.named("writeRequests");
            }
        };
        new WeavingWarmUp(weaver, Collections.singletonList(broken), log).start().join();
        String lines = logged.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines.split("\n").length, lines);
        assertTrue(lines.startsWith("[logto-agent] WARN the weaving warm-up failed ("), lines);
        assertTrue(lines.contains("the first outgoing call weaves its client as it would without it"), lines);

        ClientInstrumentation jdkClient = new HttpUrlConnectionInstrumentation();
        byte[] original = ClassFiles.ofJdk(CONNECTION.replace('.', '/'));
        byte[] woven = weaver.weave(CONNECTION, jdkClient.advisedTypes().get(0).adviceClassName(),
                jdkClient.advisedMethods(CONNECTION), ClassLoader.getSystemClassLoader(), original);
        assertNotNull(woven);
        assertFalse(Arrays.equals(original, woven));
    }
}
