package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final ClassLoader LOADER = ConfigFileTest.class.getClassLoader();

    @TempDir
    Path dir;

    private static ConfigFile.WebAppResources webAppWith(String path, String content) {
        return p -> p.equals(path) ? new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)) : null;
    }

    @Test
    void defaultLocationIsReadFromTheWebApplication() throws Exception {
        ConfigFile file = ConfigFile.load(null, webAppWith("/WEB-INF/logto.properties", "logto.realm=r"), LOADER);
        assertEquals("r", file.values().get("logto.realm"));
        assertEquals("file /WEB-INF/logto.properties", file.description());
    }

    @Test
    void missingDefaultFileIsAllowedBecauseKeysMayComeFromElsewhere() throws Exception {
        assertTrue(ConfigFile.load(null, webAppWith("/other", ""), LOADER).values().isEmpty());
    }

    @Test
    void missingExplicitFileStopsTheFilter() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFile.load("/WEB-INF/nope.properties", webAppWith("/other", ""), LOADER));
        assertTrue(e.getMessage().startsWith("init-param config = \"/WEB-INF/nope.properties\" names no readable file"));
    }

    @Test
    void classpathLocationIsReadThroughTheClassLoader() throws Exception {
        Path props = dir.resolve("cp-logto.properties");
        Files.write(props, "logto.realm=from-classpath".getBytes(StandardCharsets.UTF_8));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
            assertEquals("from-classpath", ConfigFile.load("classpath:cp-logto.properties", null, loader).values().get("logto.realm"));
        }
    }

    @Test
    void absoluteFilePathIsReadFromTheFileSystem() throws Exception {
        Path props = dir.resolve("logto.properties");
        Files.write(props, "logto.realm=caf\u00e9".getBytes(StandardCharsets.UTF_8));
        ConfigFile file = ConfigFile.load(props.toString(), webAppWith("/x", ""), LOADER);
        assertEquals("caf\u00e9", file.values().get("logto.realm"), "read as UTF-8");
    }

    @Test
    void malformedPropertiesFileIsReportedWithItsLocation() throws Exception {
        Path props = dir.resolve("bad.properties");
        Files.write(props, "logto.realm=\\uZZZZ".getBytes(StandardCharsets.UTF_8));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(props.toString(), null, LOADER));
        assertTrue(e.getMessage().contains("could not be read as a properties file"), e.getMessage());
    }
}
