package dev.legacyguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An operator configures the agent from docs/agent.md alone, so every key the agent reads has a
 * row in its key table there (meaning and default). Per-resource keys are documented with the
 * placeholder {@code NAME}.
 */
class AgentDocsTest {

    private static final Path REFERENCE =
            Path.of(System.getProperty("basedir", ".")).resolve("../docs/agent.md").normalize();

    @Test
    void everyKeyTheAgentReadsHasARowInTheReferenceTable() throws IOException {
        List<String> read = new ArrayList<>(AgentSettings.KEYS);
        AgentSettings.RESOURCE_ATTRIBUTES.forEach(a -> read.add(ConfigSources.RESOURCE_PREFIX + "NAME." + a));
        String reference = Files.readString(REFERENCE);
        read.removeIf(key -> reference.contains("\n| `" + key + "` |"));
        assertEquals(List.of(), read, "keys the agent reads without a row '| `key` |' in " + REFERENCE);
    }
}
