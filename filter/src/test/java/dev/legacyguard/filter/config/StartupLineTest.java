package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupLineTest {

    @Test
    void namesTheSourceOfEverySecuritySettingAndTheDefaults() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.rule.10", "GET /health : public");
        f.file.put("logto.rule.20", "GET /api/** : read");
        assertEquals("issuer https://tenant.logto.app/oidc (logto.endpoint, file), keys https://tenant.logto.app/oidc/jwks"
                + " (logto.endpoint, file), audiences [https://api.example.com] (file), 2 rules (file), unmatched requests"
                + " authenticated (default), algorithms [ES384, ES256, ES512, RS256] (default), clock skew 60s (default),"
                + " typ at+jwt required (default), CORS preflights judged (default), organization tokens refused (default)",
                StartupLine.of(f.load()));
    }

    @Test
    void namesEachSourceWhereTheyDiffer() throws Exception {
        ConfigFixture f = new ConfigFixture();
        f.systemProperties.put("logto.endpoint", "https://tenant.logto.app");
        f.initParams.put("logto.jwks-uri", "https://keys.example.com/jwks");
        f.environment.put("LOGTO_AUDIENCE", "https://api.example.com,https://api.example.com/v2");
        f.file.put("logto.rule.10", "GET /health : public");
        f.environment.put("LOGTO_RULE_5", "GET /status : public");
        f.file.put("logto.rule.30", "GET /api/** : read");
        f.systemProperties.put("logto.unmatched", "deny");
        f.initParams.put("logto.algorithms", "ES384");
        f.environment.put("LOGTO_CLOCK_SKEW", "5s");
        f.file.put("logto.require-typ", "false");
        f.initParams.put("logto.cors.preflight", "pass");
        f.environment.put("LOGTO_ORGANIZATION_TOKENS", "accept");
        assertEquals("issuer https://tenant.logto.app/oidc (logto.endpoint, system property), keys"
                + " https://keys.example.com/jwks (init-param), audiences [https://api.example.com,"
                + " https://api.example.com/v2] (environment), 3 rules (environment 5; file 10, 30), unmatched requests"
                + " deny (system property), algorithms [ES384] (init-param), clock skew 5s (environment), typ not checked"
                + " (file), CORS preflights passed (init-param), organization tokens accepted on organization paths"
                + " (environment)", StartupLine.of(f.load()));
    }

    @Test
    void writesTheClockSkewInSecondsOrElseInTheMillisecondsItActsOn() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.clock-skew", "10m");
        assertTrue(StartupLine.of(f.load()).contains(", clock skew 600s (file),"));
        f.file.put("logto.clock-skew", "1500ms");
        assertTrue(StartupLine.of(f.load()).contains(", clock skew 1500ms (file),"));
    }

    @Test
    void anExplicitIssuerIsNamedByItsOwnSource() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.initParams.put("logto.issuer", "https://auth.example.com/oidc");
        String line = StartupLine.of(f.load());
        assertEquals("issuer https://auth.example.com/oidc (init-param), keys https://tenant.logto.app/oidc/jwks"
                + " (logto.endpoint, file), ", line.substring(0, line.indexOf("audiences")));
    }

    @Test
    void listsEveryIssuer() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", "https://tenant.logto.app,https://auth.example.com");
        String line = StartupLine.of(f.load());
        assertEquals("issuers [https://tenant.logto.app/oidc, https://auth.example.com/oidc] (logto.endpoint, file), keys"
                + " https://tenant.logto.app/oidc/jwks (logto.endpoint, file), ", line.substring(0, line.indexOf("audiences")));
    }
}
