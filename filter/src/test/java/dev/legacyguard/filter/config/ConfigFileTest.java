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

import dev.legacyguard.core.config.ConfigException;

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
    void aByteOrderMarkIsNotPartOfTheFirstKey() throws Exception {
        ConfigFile file = ConfigFile.load(null, webAppWith("/WEB-INF/logto.properties",
                "\uFEFFlogto.unmatched=deny\nlogto.realm=r"), LOADER);
        assertEquals("deny", file.values().get("logto.unmatched"));
        assertEquals(2, file.values().size());
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

    private static ConfigException repeated(String content) {
        return assertThrows(ConfigException.class,
                () -> ConfigFile.load(null, webAppWith("/WEB-INF/logto.properties", content), LOADER));
    }

    @Test
    void repeatedRuleStopsTheStartUpNamingBothLines() {
        ConfigException e = repeated("logto.endpoint=https://tenant.logto.app\n"
                + "logto.rule.10=GET /health : public\n"
                + "logto.rule.20=* /api/admin/** : admin\n"
                + "logto.rule.20=GET /api/** : read\n");
        assertEquals("file /WEB-INF/logto.properties sets logto.rule.20 twice, on line 3 and on line 4; only one can"
                + " apply: remove one of them or give each rule its own number", e.getMessage());
    }

    @Test
    void repeatedSettingStopsTheStartUp() {
        ConfigException e = repeated("logto.unmatched=deny\nlogto.unmatched=public\n");
        assertEquals("file /WEB-INF/logto.properties sets logto.unmatched twice, on line 1 and on line 2; only one can"
                + " apply: remove one of them", e.getMessage());
    }

    @Test
    void lineNumbersCountCommentsBlankLinesAndEveryContinuationLine() {
        ConfigException e = repeated("# rules\n"
                + "! old style comment, ending in a backslash that continues nothing \\\n"
                + "\n"
                + "   \t\n"
                + "logto.rule.20 = GET,HEAD /api/products/** \\\n"
                + "                : read:products\n"
                + "logto.rule.30 = POST /api/products/** \\\n"
                + "    \\\n"
                + "    : write:products\n"
                + "  logto.rule.20 : DELETE /api/** : admin\n");
        assertTrue(e.getMessage().contains("on line 5 and on line 10"), e.getMessage());
    }

    @Test
    void lineNumbersCountWindowsAndOldMacLineBreaksOnce() {
        ConfigException e = repeated("a=1\r\nb=2\rlogto.realm=r\r\n\r\nc=\\\r\n  3\rlogto.realm=s");
        assertTrue(e.getMessage().contains("on line 3 and on line 7"), e.getMessage());
    }

    @Test
    void aContinuationLineStartingWithAHashIsPartOfTheValue() throws Exception {
        ConfigFile file = ConfigFile.load(null, webAppWith("/WEB-INF/logto.properties",
                "logto.realm=a\\\n  #b\nlogto.audience=x"), LOADER);
        assertEquals("a#b", file.values().get("logto.realm"));
        assertEquals("x", file.values().get("logto.audience"));
    }

    @Test
    void keysAreComparedAsPropertiesReadsThemWithAnySeparatorOrEscape() {
        ConfigException e = repeated("logto.rule.1=GET /a : a\n"
                + "logto\\u002erule.1 GET /b : b\n");
        assertTrue(e.getMessage().contains("sets logto.rule.1 twice, on line 1 and on line 2"), e.getMessage());
        e = repeated("logto.realm:r\nlogto\\.realm\ts\n");
        assertTrue(e.getMessage().contains("sets logto.realm twice, on line 1 and on line 2"), e.getMessage());
    }

    @Test
    void keysThatOnlyDifferAfterAnEscapedSeparatorAreDifferentKeys() throws Exception {
        ConfigFile file = ConfigFile.load(null, webAppWith("/WEB-INF/logto.properties",
                "logto.realm=r\nlogto.realm\\=x=y\n"), LOADER);
        assertEquals("r", file.values().get("logto.realm"));
        assertEquals("y", file.values().get("logto.realm=x"));
    }

    @Test
    void repeatedKeyOutsideTheFiltersPrefixIsLeftToWhoeverReadsIt() throws Exception {
        ConfigFile file = ConfigFile.load(null, webAppWith("/WEB-INF/logto.properties",
                "app.mode=a\nlogto.realm=r\napp.mode=b\n"), LOADER);
        assertEquals("b", file.values().get("app.mode"), "the last one, as java.util.Properties keeps it");
    }

    @Test
    void malformedEscapeIsReportedWithItsLine() throws Exception {
        Path props = dir.resolve("bad.properties");
        Files.write(props, "# ok\nlogto.realm=r\nlogto.audience=\\u12G4".getBytes(StandardCharsets.UTF_8));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(props.toString(), null, LOADER));
        assertTrue(e.getMessage().contains("could not be read as a properties file: line 3: "), e.getMessage());
    }
}
