package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    private static final String NO_ADVICE = "no.such.Advice";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = AgentLog.to(new PrintStream(logged, true));
    // The agent's loader in the agent; here the test's, which holds the advice classes too.
    private final AdviceWeaver weaver = new AdviceWeaver(getClass().getClassLoader(), null);
    private final MethodShape writeRequests = new HttpUrlConnectionInstrumentation().advisedMethods(CONNECTION);

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
    void theJdksClientIsWovenAheadAndItsLoadTakesTheResult() throws Exception {
        new WeavingWarmUp(weaver, Collections.<ClientInstrumentation>singletonList(new HttpUrlConnectionInstrumentation()), log)
                .start().join();
        assertEquals("", logged.toString(StandardCharsets.UTF_8));

        byte[] original = ClassFiles.ofJdk(CONNECTION.replace('.', '/'));
        // An advice that does not exist: only a result woven ahead can answer.
        byte[] woven = weaver.weave(CONNECTION, NO_ADVICE, writeRequests, null, original);
        assertNotNull(woven);
        assertFalse(Arrays.equals(original, woven));
        assertThrows(IllegalStateException.class, () -> weaver.weave(CONNECTION, NO_ADVICE, writeRequests, null, original),
                "the result woven ahead serves one load only");
    }

    @Test
    void theResultServesOnlyTheBytesItWasWovenFrom() throws Exception {
        new WeavingWarmUp(weaver, Collections.<ClientInstrumentation>singletonList(new HttpUrlConnectionInstrumentation()), log)
                .start().join();
        byte[] other = ClassFiles.ofJdk("sun/net/www/http/HttpClient");

        IllegalStateException wovenAgain = assertThrows(IllegalStateException.class,
                () -> weaver.weave(CONNECTION, NO_ADVICE, writeRequests, null, other));
        assertTrue(wovenAgain.getMessage().contains("the agent has no advice class no.such.Advice"), wovenAgain.getMessage());
    }

    @Test
    void aLoadBeforeTheWarmUpWeavesItOnItsOwnThread() throws Exception {
        WeavingWarmUp warmUp = new WeavingWarmUp(weaver,
                Collections.<ClientInstrumentation>singletonList(new HttpUrlConnectionInstrumentation()), log);

        byte[] original = ClassFiles.ofJdk(CONNECTION.replace('.', '/'));
        assertNotNull(weaver.weave(CONNECTION, NO_ADVICE, writeRequests, null, original), "the queued weaving, run here");
        warmUp.start().join();
        assertEquals("", logged.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailureIsLoggedOnceAndTheLoadWeavesAsUsual() throws Exception {
        ClientInstrumentation broken = new ClientInstrumentation() {
            @Override
            public String client() {
                return "broken";
            }

            @Override
            public List<AdvisedType> advisedTypes() {
                // Two JDK classes with an advice class that does not exist: the first fails the warm-up.
                return Arrays.asList(new AdvisedType(this, CONNECTION, NO_ADVICE),
                        new AdvisedType(this, "sun.net.www.http.HttpClient", NO_ADVICE));
            }

            @Override
            public MethodShape advisedMethods(String typeName) {
                return MethodShape.named("writeRequests");
            }
        };
        new WeavingWarmUp(weaver, Collections.singletonList(broken), log).start().join();
        String lines = logged.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines.split("\n").length, lines);
        assertTrue(lines.startsWith("[logto-agent] WARN the weaving warm-up failed (java.lang.IllegalStateException: "), lines);
        assertTrue(lines.contains("the JDK's clients are woven when the application first uses them"), lines);

        ClientInstrumentation jdkClient = new HttpUrlConnectionInstrumentation();
        byte[] original = ClassFiles.ofJdk(CONNECTION.replace('.', '/'));
        byte[] woven = weaver.weave(CONNECTION, jdkClient.advisedTypes().get(0).adviceClassName(), writeRequests, null, original);
        assertNotNull(woven);
        assertFalse(Arrays.equals(original, woven));
    }
}
