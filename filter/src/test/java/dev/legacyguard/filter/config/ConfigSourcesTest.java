package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Setting;

class ConfigSourcesTest {

    @Test
    void systemPropertyWinsOverEverything() {
        ConfigFixture f = new ConfigFixture();
        f.systemProperties.put("logto.realm", "sys");
        f.environment.put("LOGTO_REALM", "env");
        f.initParams.put("logto.realm", "init");
        f.file.put("logto.realm", "file");
        assertEquals("sys", f.sources().get("logto.realm").value());
    }

    @Test
    void environmentWinsOverInitParamAndFile() {
        ConfigFixture f = new ConfigFixture();
        f.environment.put("LOGTO_REALM", "env");
        f.initParams.put("logto.realm", "init");
        f.file.put("logto.realm", "file");
        assertEquals("env", f.sources().get("logto.realm").value());
    }

    @Test
    void initParamWinsOverFile() {
        ConfigFixture f = new ConfigFixture();
        f.initParams.put("logto.realm", "init");
        f.file.put("logto.realm", "file");
        assertEquals("init", f.sources().get("logto.realm").value());
    }

    @Test
    void fileIsTheLastResort() {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.realm", "file");
        assertEquals("file /WEB-INF/logto.properties", f.sources().get("logto.realm").source());
    }

    @Test
    void environmentNameReplacesDotsAndDashesAndUpperCases() {
        assertEquals("LOGTO_AUDIENCE", ConfigKeys.environmentName("logto.audience"));
        assertEquals("LOGTO_JWKS_REFRESH_INTERVAL", ConfigKeys.environmentName("logto.jwks.refresh-interval"));
        assertEquals("LOGTO_RULE_10", ConfigKeys.environmentName("logto.rule.10"));
    }

    @Test
    void sourceNamesTheEnvironmentVariable() {
        ConfigFixture f = new ConfigFixture();
        f.environment.put("LOGTO_JWKS_STALE_FOR", "1h");
        assertEquals("environment variable LOGTO_JWKS_STALE_FOR", f.sources().get("logto.jwks.stale-for").source());
    }

    @Test
    void blankValueCountsAsUnset() {
        ConfigFixture f = new ConfigFixture();
        f.environment.put("LOGTO_REALM", "  ");
        f.file.put("logto.realm", "file");
        assertEquals("file", f.sources().get("logto.realm").value());
        f.file.put("logto.realm", "");
        assertNull(f.sources().get("logto.realm"));
    }

    @Test
    void rulesFromAllSourcesAreOrderedByNumber() throws Exception {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.rule.10", "GET /c : c");
        f.initParams.put("logto.rule.2", "GET /b : b");
        f.environment.put("LOGTO_RULE_1", "GET /a : a");
        f.systemProperties.put("logto.rule.10", "GET /override : c");
        Map<Integer, Setting> rules = f.sources().rules();
        assertEquals(Arrays.asList(1, 2, 10), new ArrayList<>(rules.keySet()));
        assertEquals("GET /override : c", rules.get(10).value());
    }

    @Test
    void ruleNumberMustBeAWholeNumber() {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.rule.first", "GET /a : a");
        ConfigException e = assertThrows(ConfigException.class, () -> f.sources().rules());
        assertTrue(e.getMessage().startsWith("logto.rule.first is not a valid rule key"), e.getMessage());
    }

    @Test
    void unknownKeysComeFromInitParamsAndTheFileOnly() {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.audiance", "x");
        f.initParams.put("logto.jwks.refresh", "x");
        f.systemProperties.put("logto.app-id", "belongs to the agent");
        f.environment.put("LOGTO_APP_SECRET", "belongs to the agent");
        assertEquals(2, f.sources().unknownKeys().size());
    }

    @Test
    void nearestKnownKeyIsSuggestedForATypo() {
        assertEquals("did you mean logto.audience?", ConfigKeys.hint("logto.audiance"));
        assertEquals("did you mean logto.jwks.refresh-interval?", ConfigKeys.hint("logto.jwks.refresh-intervall"));
        assertEquals("did you mean logto.rule.1?", ConfigKeys.hint("logto.rules.1"));
    }

    /** The agent's rule too: a far-off key is no typo of any, so the warning lists the keys instead. */
    @Test
    void noKeyIsSuggestedForAnUnrelatedName() {
        String hint = ConfigKeys.hint("logto.completely-unrelated-setting-name");
        assertTrue(hint.startsWith("known keys are logto.endpoint, "), hint);
        assertTrue(hint.endsWith(" and logto.rule.N"), hint);
    }
}
