package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.junit.jupiter.api.Test;

/** System properties and environment variables reach every web app in a container; the warnings say when that matters. */
class JvmWideWarningsTest {
    private static final String REACH = "system properties and environment variables reach every web app in this JVM;"
            + " if the value is meant for another one, set it in that web app's file or init-params instead";

    @Test
    void systemPropertyOverridingTheFileIsAWarningNamingBothValues() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.unmatched", "deny");
        f.systemProperties.put("logto.unmatched", "public");
        assertEquals(Collections.singletonList("logto.unmatched = \"public\" (system property logto.unmatched) overrides"
                + " this web app's \"deny\" (file /WEB-INF/logto.properties): " + REACH), f.load().warnings());
    }

    @Test
    void environmentVariableOverridingAnInitParamIsAWarning() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.initParams.put("logto.clock-skew", "5s");
        f.file.put("logto.clock-skew", "30s");
        f.environment.put("LOGTO_CLOCK_SKEW", "10m");
        assertEquals(Collections.singletonList("logto.clock-skew = \"10m\" (environment variable LOGTO_CLOCK_SKEW) overrides"
                + " this web app's \"5s\" (filter init-param logto.clock-skew): " + REACH), f.load().warnings());
    }

    @Test
    void ruleFromTheEnvironmentOverridingTheFilesRuleIsAWarning() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.rule.20", "* /api/admin/** : admin");
        f.environment.put("LOGTO_RULE_20", "* /** : public");
        assertEquals(Collections.singletonList("logto.rule.20 = \"* /** : public\" (environment variable LOGTO_RULE_20)"
                + " overrides this web app's \"* /api/admin/** : admin\" (file /WEB-INF/logto.properties): " + REACH),
                f.load().warnings());
    }

    @Test
    void requiredKeysOverriddenByTheJvmAreWarningsToo() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.systemProperties.put("logto.audience", "https://other-app.example.com");
        assertEquals(Collections.singletonList("logto.audience = \"https://other-app.example.com\" (system property"
                + " logto.audience) overrides this web app's \"https://api.example.com\" (file /WEB-INF/logto.properties): "
                + REACH), f.load().warnings());
    }

    @Test
    void theSameValueInTheJvmAndTheWebAppIsNoWarning() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.unmatched", "deny");
        f.environment.put("LOGTO_UNMATCHED", "deny");
        f.systemProperties.put("logto.endpoint", "https://tenant.logto.app");
        assertEquals(Collections.emptyList(), f.load().warnings());
    }

    @Test
    void endpointAndAudienceFromTheJvmAloneAreNoWarning() throws Exception {
        ConfigFixture f = new ConfigFixture();
        f.environment.put("LOGTO_ENDPOINT", "https://tenant.logto.app");
        f.systemProperties.put("logto.audience", "https://api.example.com");
        f.file.put("logto.rule.10", "GET /health : public");
        assertEquals(Collections.emptyList(), f.load().warnings());
    }

    @Test
    void settingsOnlyTheJvmSetsReplaceDefaultsAndAreListedInOneWarning() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.rule.10", "GET /health : public");
        f.systemProperties.put("logto.unmatched", "public");
        f.environment.put("LOGTO_RULE_5", "* /** : public");
        f.environment.put("LOGTO_JWKS_STALE_FOR", "720h");
        assertEquals(Collections.singletonList("set only by system properties or environment variables, which reach"
                + " every web app in this JVM that does not set them itself: logto.unmatched = \"public\" (system property"
                + " logto.unmatched), logto.jwks.stale-for = \"720h\" (environment variable LOGTO_JWKS_STALE_FOR),"
                + " logto.rule.5 = \"* /** : public\" (environment variable LOGTO_RULE_5); write the ones meant for this"
                + " web app into its file or init-params too (the same value ends this warning), and move the others into"
                + " the file of the web app they are meant for"), f.load().warnings());
    }

    @Test
    void settingsOfTheWebAppItselfAreNoWarning() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.initParams.put("logto.unmatched", "deny");
        f.file.put("logto.unmatched", "public");
        f.file.put("logto.rule.10", "GET /health : public");
        assertEquals(Collections.emptyList(), f.load().warnings());
    }
}
