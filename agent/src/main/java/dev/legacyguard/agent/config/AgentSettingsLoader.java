package dev.legacyguard.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.core.config.Setting;

/**
 * Reads the agent's configuration from the agent argument's properties file, environment
 * variables and system properties (that order of increasing precedence), and has it validated
 * as a whole before the agent does anything.
 */
public final class AgentSettingsLoader {

    private AgentSettingsLoader() {
    }

    /**
     * Reads the configuration the way the running agent does.
     *
     * @param agentArgs {@code PATH} or {@code config=PATH}; null or empty: only system
     *     properties and environment variables
     */
    public static AgentSettings load(String agentArgs) throws ConfigException {
        return load(agentArgs, System.getenv(), System.getProperties(), AgentLog.stderr());
    }

    /** As {@link #load(String)}, with the environment and system properties given; warnings go to {@code log}. */
    public static AgentSettings load(String agentArgs, Map<String, String> environment, Properties systemProperties,
            AgentLog log) throws ConfigException {
        // Known before the file is read, so that an unreadable file can stop the service too.
        boolean failFastOutsideFile = asksToFailFast(
                new ConfigSources(systemProperties, environment, new Properties(), "(none)").get(AgentKeys.FAIL_FAST.name()));
        String path = configPath(agentArgs, failFastOutsideFile);
        Properties file = path == null ? new Properties() : readFile(path, failFastOutsideFile);
        ConfigSources sources = new ConfigSources(systemProperties, environment, file, path);
        return new AgentSettingsValidator(sources, log).read();
    }

    /** A value other than {@code false} counts as asking, so that a mistyped one still stops the service. */
    static boolean asksToFailFast(Setting failFast) {
        return failFast != null && !failFast.value().equals("false");
    }

    private static String configPath(String agentArgs, boolean failFast) throws ConfigException {
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return null;
        }
        String path = agentArgs.trim();
        if (path.startsWith("config=")) {
            path = path.substring("config=".length()).trim();
            if (path.isEmpty()) {
                throw new ConfigException("agent argument 'config=' names no file; expected "
                        + "-javaagent:logto-agent.jar=config=/path/to/logto-agent.properties", failFast);
            }
        }
        return path;
    }

    private static Properties readFile(String path, boolean failFast) throws ConfigException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(path));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("config file '" + path + "' (the agent argument) cannot be read: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; expected a readable properties file with logto.* keys", failFast);
        }
        return properties;
    }
}
