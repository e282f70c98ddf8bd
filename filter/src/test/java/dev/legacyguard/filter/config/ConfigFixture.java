package dev.legacyguard.filter.config;

import java.util.HashMap;
import java.util.Map;

import dev.legacyguard.core.config.ConfigException;

/** Four mutable source maps, so a test sets exactly the keys it talks about. */
final class ConfigFixture {
    final Map<String, String> systemProperties = new HashMap<>();
    final Map<String, String> environment = new HashMap<>();
    final Map<String, String> initParams = new HashMap<>();
    final Map<String, String> file = new HashMap<>();

    /** The two required keys, in the file. */
    static ConfigFixture minimal() {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.endpoint", "https://tenant.logto.app");
        f.file.put("logto.audience", "https://api.example.com");
        return f;
    }

    ConfigSources sources() {
        return new ConfigSources(systemProperties, environment, initParams, file, "file /WEB-INF/logto.properties");
    }

    FilterSettings load() throws ConfigException {
        return SettingsLoader.load(sources());
    }
}
