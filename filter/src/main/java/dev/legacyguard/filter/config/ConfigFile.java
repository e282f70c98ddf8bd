package dev.legacyguard.filter.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Setting;

/**
 * Reads the properties file named by the init-param {@code config}: a path inside the web
 * application ({@code /WEB-INF/logto.properties}, the default), {@code classpath:NAME}, or an
 * absolute file path. A path inside the web application wins over a file of the same name.
 */
public final class ConfigFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    public static final String INIT_PARAM = "config";
    public static final String DEFAULT_LOCATION = "/WEB-INF/logto.properties";
    private static final String CLASSPATH = "classpath:";

    /** How the web application's own resources are opened; the filter passes its ServletContext. */
    public interface WebAppResources {
        /** The resource's content, or null when the web application has no such resource. */
        InputStream open(String path) throws IOException;
    }

    private final Map<String, String> values;
    private final String description;

    private ConfigFile(Map<String, String> values, String description) {
        this.values = values;
        this.description = description;
    }

    public Map<String, String> values() {
        return values;
    }

    /** E.g. {@code file /WEB-INF/logto.properties}, used in error messages. */
    public String description() {
        return description;
    }

    /**
     * Loads {@code location}; null means the default, which may be absent (every key can come
     * from elsewhere). A location that was named explicitly must exist.
     */
    public static ConfigFile load(String location, WebAppResources webApp, ClassLoader classLoader) throws ConfigException {
        boolean explicit = location != null && !location.trim().isEmpty();
        String where = explicit ? location.trim() : DEFAULT_LOCATION;
        String description = "file " + where;
        try (InputStream in = open(where, webApp, classLoader)) {
            if (in == null) {
                if (explicit) {
                    throw new ConfigException("init-param " + INIT_PARAM + " = \"" + Setting.printable(where)
                            + "\" names no readable file: expected a path inside the web application (e.g. "
                            + DEFAULT_LOCATION + "), classpath:NAME, or an absolute file path");
                }
                return new ConfigFile(Collections.<String, String>emptyMap(), description);
            }
            return new ConfigFile(values(PropertyLines.parse(read(in)), description), description);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("init-param " + INIT_PARAM + " = \"" + Setting.printable(where)
                    + "\" could not be read as a properties file: " + Setting.printable(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The entries as a map, refusing a {@code logto.*} key set twice: {@link java.util.Properties} would
     * keep the last silently, and an administrator's rule would vanish. Other keys are left to
     * whoever else reads the file.
     */
    private static Map<String, String> values(List<PropertyLines.Entry> entries, String description) throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (PropertyLines.Entry entry : entries) {
            Integer first = lines.get(entry.key);
            if (first != null && entry.key.startsWith(ConfigKeys.PREFIX)) {
                throw new ConfigException(description + " sets " + Setting.printable(entry.key) + " twice, on line "
                        + first + " and on line " + entry.line + "; only one can apply: remove one of them"
                        + (entry.key.startsWith(ConfigKeys.RULE_PREFIX) ? " or give each rule its own number" : ""));
            }
            lines.put(entry.key, entry.line);
            values.put(entry.key, entry.value);
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * The file's text. A byte order mark (Windows Notepad writes one) is dropped: kept, it would
     * become part of the first key, which then no longer starts with {@code logto.} and would be
     * ignored without even an unknown-key warning.
     */
    private static String read(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[4096];
        for (int n; (n = reader.read(buffer)) > 0; ) {
            text.append(buffer, 0, n);
        }
        if (text.length() > 0 && text.charAt(0) == BYTE_ORDER_MARK) {
            text.deleteCharAt(0);
        }
        return text.toString();
    }

    private static InputStream open(String where, WebAppResources webApp, ClassLoader classLoader) throws IOException {
        if (where.startsWith(CLASSPATH)) {
            String name = where.substring(CLASSPATH.length());
            while (name.startsWith("/")) {
                name = name.substring(1);
            }
            return classLoader.getResourceAsStream(name);
        }
        if (webApp != null && where.startsWith("/")) {
            InputStream in = webApp.open(where);
            if (in != null) {
                return in;
            }
        }
        Path path = Paths.get(where);
        if (path.isAbsolute() && Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        return null;
    }
}
