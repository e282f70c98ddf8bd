package dev.legacyguard.agent.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import dev.legacyguard.core.config.Setting;
import dev.legacyguard.core.config.SourceKind;

/**
 * The three places a key can be set, asked in order of precedence: system property,
 * environment variable ({@code logto.resource.shop.urls} is {@code LOGTO_RESOURCE_SHOP_URLS}),
 * then the properties file. A blank value counts as not set.
 */
final class ConfigSources {

    static final String RESOURCE_PREFIX = "logto.resource.";
    private static final String ENV_RESOURCE_PREFIX = "LOGTO_RESOURCE_";

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileName;
    private final String fileOrigin;

    ConfigSources(Properties systemProperties, Map<String, String> environment, Properties file, String fileName) {
        this.systemProperties = logtoKeys(systemProperties);
        this.environment = environment;
        this.file = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            this.file.put(key, file.getProperty(key));
        }
        this.fileName = fileName;
        this.fileOrigin = "file " + fileName;
    }

    /** The properties file's path as the agent argument named it. */
    String fileName() {
        return fileName;
    }

    private static Map<String, String> logtoKeys(Properties properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("logto.")) {
                keys.put(key, properties.getProperty(key));
            }
        }
        return keys;
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value with the highest precedence, or null when the key is set nowhere. */
    Setting get(String key) {
        String value = systemProperties.get(key);
        if (isSet(value)) {
            return new Setting(key, value.trim(), "system property " + key, SourceKind.SYSTEM_PROPERTY);
        }
        String envName = environmentName(key);
        value = environment.get(envName);
        if (isSet(value)) {
            return new Setting(key, value.trim(), "environment variable " + envName, SourceKind.ENVIRONMENT);
        }
        value = file.get(key);
        if (isSet(value)) {
            return new Setting(key, value.trim(), fileOrigin, SourceKind.FILE);
        }
        return null;
    }

    /** Where {@code key} came from when it was named in a system property or the file. */
    String originOfNamedKey(String key) {
        return systemProperties.containsKey(key) ? "system property " + key : fileOrigin;
    }

    /** Keys named in system properties and the file (the environment is shared with other software). */
    Set<String> namedKeys() {
        Set<String> keys = new TreeSet<>(file.keySet());
        keys.addAll(systemProperties.keySet());
        return keys;
    }

    /**
     * NAME of every {@code logto.resource.NAME.ATTRIBUTE} in any source. An environment
     * variable names a resource already known from another source when their environment
     * spellings agree; otherwise its NAME is the lower-case middle part.
     */
    Set<String> resourceNames(Set<String> attributes) {
        Set<String> names = new TreeSet<>();
        for (String key : namedKeys()) {
            String name = resourceName(key, attributes);
            if (name != null) {
                names.add(name);
            }
        }
        Map<String, String> byEnvironmentSpelling = new LinkedHashMap<>();
        for (String name : names) {
            byEnvironmentSpelling.put(environmentName(name), name);
        }
        for (String variable : environment.keySet()) {
            if (!variable.startsWith(ENV_RESOURCE_PREFIX) || !isSet(environment.get(variable))) {
                continue;
            }
            for (String attribute : attributes) {
                String suffix = "_" + environmentName(attribute);
                if (variable.endsWith(suffix) && variable.length() > ENV_RESOURCE_PREFIX.length() + suffix.length()) {
                    String spelled = variable.substring(ENV_RESOURCE_PREFIX.length(), variable.length() - suffix.length());
                    if (!byEnvironmentSpelling.containsKey(spelled)) {
                        String name = spelled.toLowerCase(Locale.ROOT);
                        byEnvironmentSpelling.put(spelled, name);
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /** NAME in {@code logto.resource.NAME.ATTRIBUTE} when ATTRIBUTE is one of {@code attributes}, else null. */
    static String resourceName(String key, Set<String> attributes) {
        if (!key.startsWith(RESOURCE_PREFIX)) {
            return null;
        }
        int dot = key.lastIndexOf('.');
        if (dot <= RESOURCE_PREFIX.length() || !attributes.contains(key.substring(dot + 1))) {
            return null;
        }
        return key.substring(RESOURCE_PREFIX.length(), dot);
    }

    private static boolean isSet(String value) {
        return value != null && !value.trim().isEmpty();
    }
}
