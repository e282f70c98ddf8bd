package dev.legacyguard.filter.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Setting;
import dev.legacyguard.core.config.SourceKind;

/**
 * The four places a key can be set, in precedence order: system property, environment
 * variable, filter init-param, properties file. Each is a snapshot taken once at start-up;
 * tests pass their own maps instead of the process's.
 */
public final class ConfigSources {
    private static final String RULE_ENV_PREFIX = ConfigKeys.environmentName(ConfigKeys.RULE_PREFIX);

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Map<String, String> initParams;
    private final Map<String, String> file;
    private final String fileDescription;

    public ConfigSources(Map<String, String> systemProperties, Map<String, String> environment,
                         Map<String, String> initParams, Map<String, String> file, String fileDescription) {
        this.systemProperties = copy(systemProperties);
        this.environment = copy(environment);
        this.initParams = copy(initParams);
        this.file = copy(file);
        this.fileDescription = fileDescription;
    }

    /** A snapshot of {@link System#getProperties()} as a string map. */
    public static Map<String, String> systemProperties() {
        return toMap(System.getProperties());
    }

    public static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }

    /** The value with the highest precedence, or null when the key is unset everywhere (blank counts as unset). */
    public Setting get(String key) {
        for (SourceKind kind : SourceKind.values()) {
            Setting setting = in(kind, key);
            if (setting != null) {
                return setting;
            }
        }
        return null;
    }

    /** The web application's own value for the key: its init-param, else its file; null when it sets none. */
    public Setting own(String key) {
        Setting initParam = in(SourceKind.INIT_PARAM, key);
        return initParam != null ? initParam : in(SourceKind.FILE, key);
    }

    /** The key as one source sets it, or null. */
    private Setting in(SourceKind kind, String key) {
        switch (kind) {
            case SYSTEM_PROPERTY:
                return setting(key, systemProperties.get(key), "system property " + key, kind);
            case ENVIRONMENT:
                String env = ConfigKeys.environmentName(key);
                return setting(key, environment.get(env), "environment variable " + env, kind);
            case INIT_PARAM:
                return setting(key, initParams.get(key), "filter init-param " + key, kind);
            default:
                return setting(key, file.get(key), fileDescription, kind);
        }
    }

    private static Setting setting(String key, String value, String source, SourceKind kind) {
        String present = present(value);
        return present == null ? null : new Setting(key, present, source, kind);
    }

    /** Every {@code logto.rule.N} set in any source, keyed by N in ascending order, each resolved by precedence. */
    public Map<Integer, Setting> rules() throws ConfigException {
        TreeMap<Integer, Setting> rules = new TreeMap<>();
        List<String> names = new ArrayList<>();
        names.addAll(prefixed(systemProperties, ConfigKeys.RULE_PREFIX));
        names.addAll(prefixed(initParams, ConfigKeys.RULE_PREFIX));
        names.addAll(prefixed(file, ConfigKeys.RULE_PREFIX));
        for (String env : prefixed(environment, RULE_ENV_PREFIX)) {
            names.add(ConfigKeys.RULE_PREFIX + env.substring(RULE_ENV_PREFIX.length()));
        }
        for (String name : names) {
            int number = ruleNumber(name);
            if (!rules.containsKey(number)) {
                Setting setting = get(name);
                if (setting != null) {
                    rules.put(number, setting);
                }
            }
        }
        return Collections.unmodifiableMap(rules);
    }

    /** Every fixed key, and every {@code logto.rule.N} that some source sets. */
    public List<String> knownKeys() throws ConfigException {
        List<String> keys = new ArrayList<>(ConfigKeys.FIXED);
        for (Setting rule : rules().values()) {
            keys.add(rule.key());
        }
        return keys;
    }

    /**
     * {@code logto.*} keys of the init-params and the file that the filter does not know.
     * System properties and the environment are shared with the rest of the JVM (the agent
     * reads {@code logto.*} there too), so they are not judged.
     */
    public List<Setting> unknownKeys() {
        List<Setting> unknown = new ArrayList<>();
        for (String key : prefixed(initParams, ConfigKeys.PREFIX)) {
            if (!ConfigKeys.isKnown(key)) {
                unknown.add(new Setting(key, initParams.get(key), "filter init-param " + key, SourceKind.INIT_PARAM));
            }
        }
        for (String key : prefixed(file, ConfigKeys.PREFIX)) {
            if (!ConfigKeys.isKnown(key)) {
                unknown.add(new Setting(key, file.get(key), fileDescription, SourceKind.FILE));
            }
        }
        return unknown;
    }

    private static int ruleNumber(String key) throws ConfigException {
        String digits = key.substring(ConfigKeys.RULE_PREFIX.length());
        if (!digits.matches("0|[1-9][0-9]{0,8}")) {
            throw new ConfigException(key + " is not a valid rule key: expected logto.rule.N with N a whole number"
                    + " without leading zeros, e.g. logto.rule.10");
        }
        return Integer.parseInt(digits);
    }

    private static List<String> prefixed(Map<String, String> source, String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : source.keySet()) {
            if (key.startsWith(prefix)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String present(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Collections.<String, String>emptyMap() : new LinkedHashMap<>(map);
    }
}
