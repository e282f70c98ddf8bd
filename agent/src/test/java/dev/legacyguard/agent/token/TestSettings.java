package dev.legacyguard.agent.token;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.Properties;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.AgentSettingsLoader;
import dev.legacyguard.agent.config.ConfigException;
import dev.legacyguard.agent.log.AgentLog;

/** Agent settings from key/value pairs, as if given as system properties. */
final class TestSettings {

    private TestSettings() {
    }

    static AgentSettings of(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        try {
            return AgentSettingsLoader.load(null, Collections.<String, String>emptyMap(), properties,
                    AgentLog.to(new PrintStream(OutputStream.nullOutputStream())));
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
