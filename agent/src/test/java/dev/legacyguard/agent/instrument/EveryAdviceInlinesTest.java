package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.instrument.classloader.BootDelegation;
import dev.legacyguard.agent.instrument.weave.AdviceInliner;
import dev.legacyguard.agent.instrument.weave.ClassFiles;

/** Every advice class the agent weaves passes the inliner's checks, suppressing Throwable among them. */
class EveryAdviceInlinesTest {

    @Test
    void everyAdviceTheAgentWeavesIsAcceptedByTheInliner() throws Exception {
        List<String> adviceClasses = new ArrayList<>(List.of(BootDelegation.adviceClassName()));
        for (ClientInstrumentation client : AgentInstaller.clients()) {
            for (AdvisedType type : client.advisedTypes()) {
                adviceClasses.add(type.adviceClassName());
            }
        }
        for (String adviceClass : adviceClasses) {
            byte[] classFile = ClassFiles.of(adviceClass.replace('.', '/'), getClass().getClassLoader());
            assertNotNull(classFile, adviceClass);
            assertDoesNotThrow(() -> AdviceInliner.of(classFile), adviceClass);
        }
    }
}
