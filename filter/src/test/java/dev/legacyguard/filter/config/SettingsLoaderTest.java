package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.filter.token.VerifierOptions;

class SettingsLoaderTest {

    private static String failure(ConfigFixture f) {
        String message = assertThrows(ConfigException.class, f::load).getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        return message;
    }

    @Test
    void issuerAndJwksUriAreDerivedFromTheEndpoint() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", "https://tenant.logto.app/");
        VerifierOptions o = f.load().verifierOptions();
        assertEquals("https://tenant.logto.app/oidc", o.issuer());
        assertEquals("https://tenant.logto.app/oidc/jwks", o.jwksUri());
    }

    @Test
    void issuerAndJwksUriOverridesReplaceTheEndpoint() throws Exception {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.issuer", "https://auth.example.com/oidc");
        f.file.put("logto.jwks-uri", "https://keys.example.com/jwks");
        f.file.put("logto.audience", "https://api.example.com");
        VerifierOptions o = f.load().verifierOptions();
        assertEquals("https://auth.example.com/oidc", o.issuer());
        assertEquals("https://keys.example.com/jwks", o.jwksUri());
    }

    @Test
    void defaultsMatchTheDocumentation() throws Exception {
        FilterSettings s = ConfigFixture.minimal().load();
        VerifierOptions o = s.verifierOptions();
        assertEquals(Duration.ofSeconds(60), o.clockSkew());
        assertEquals(Arrays.asList("ES384", "ES256", "ES512", "RS256"), o.algorithms());
        assertTrue(o.requireTyp());
        assertEquals(Duration.ofSeconds(300), o.jwksRefreshInterval());
        assertEquals(Duration.ofSeconds(30), o.jwksMinRefetchInterval());
        assertEquals(Duration.ofSeconds(2), o.jwksConnectTimeout());
        assertEquals(Duration.ofSeconds(3), o.jwksReadTimeout());
        assertEquals(Duration.ofHours(24), o.jwksStaleFor());
        assertEquals(Duration.ofSeconds(1), o.jwksWait());
        assertEquals(10000, o.cacheSize());
        assertEquals("https://api.example.com", s.realm());
        assertTrue(s.resourceMetadata());
        assertFalse(s.passCorsPreflights());
        assertFalse(o.acceptOrganizationTokens());
        assertEquals(0, s.rules().size());
        assertEquals(Collections.emptyList(), s.warnings());
    }

    @Test
    void verifierOptionsCarryEverySetting() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.audience", "https://a, https://b");
        f.file.put("logto.clock-skew", "1500ms");
        f.file.put("logto.algorithms", "rs256");
        f.file.put("logto.require-typ", "FALSE");
        f.file.put("logto.jwks.refresh-interval", "5m");
        f.file.put("logto.jwks.min-refetch-interval", "1500ms");
        f.file.put("logto.jwks.connect-timeout", "500ms");
        f.file.put("logto.jwks.read-timeout", "1s");
        f.file.put("logto.jwks.stale-for", "3599999ms");
        f.file.put("logto.jwks.wait", "250ms");
        f.file.put("logto.token-cache.size", "0");
        VerifierOptions o = f.load().verifierOptions();
        assertEquals(Arrays.asList("https://a", "https://b"), o.audiences());
        assertEquals(Duration.ofMillis(1500), o.clockSkew(), "kept to the millisecond, not rounded to seconds");
        assertEquals(Collections.singletonList("RS256"), o.algorithms());
        assertFalse(o.requireTyp());
        assertEquals(Duration.ofMinutes(5), o.jwksRefreshInterval());
        assertEquals(Duration.ofMillis(1500), o.jwksMinRefetchInterval());
        assertEquals(Duration.ofMillis(500), o.jwksConnectTimeout());
        assertEquals(Duration.ofSeconds(1), o.jwksReadTimeout());
        assertEquals(Duration.ofMillis(3_599_999), o.jwksStaleFor());
        assertEquals(Duration.ofMillis(250), o.jwksWait());
        assertEquals(0, o.cacheSize());
    }

    @Test
    void missingEndpointNamesTheKeyAndTheAlternatives() {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.audience", "https://api.example.com");
        f.file.put("logto.issuer", "https://auth.example.com/oidc");
        assertEquals("logto.endpoint is missing: set it to your Logto tenant endpoint, e.g. https://your-tenant.logto.app"
                + " (or set both logto.issuer and logto.jwks-uri)", failure(f));
    }

    @Test
    void missingAudienceIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.remove("logto.audience");
        assertTrue(failure(f).startsWith("logto.audience is missing"));
    }

    @Test
    void endpointThatIsNotAnHttpUrlIsRefusedWithItsValueAndSource() {
        ConfigFixture f = ConfigFixture.minimal();
        f.environment.put("LOGTO_ENDPOINT", "tenant.logto.app");
        assertEquals("logto.endpoint = \"tenant.logto.app\" (from environment variable LOGTO_ENDPOINT) is invalid:"
                + " expected an absolute http(s) URL without query or fragment, e.g. https://your-tenant.logto.app"
                + " (several: comma separated, e.g. the tenant's domain and its custom domain)", failure(f));
    }

    @Test
    void audienceWithAnEmptyEntryIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.audience", "https://a,,https://b");
        assertTrue(failure(f).startsWith("logto.audience = \"https://a,,https://b\""));
    }

    @Test
    void durationWithoutUnitIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.initParams.put("logto.clock-skew", "60");
        assertEquals("logto.clock-skew = \"60\" (from filter init-param logto.clock-skew) is invalid:"
                + " expected a duration such as 500ms, 60s, 5m or 24h", failure(f));
    }

    @Test
    void durationOutOfRangeNamesTheRange() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.jwks.min-refetch-interval", "0s");
        assertTrue(failure(f).endsWith("expected a duration such as 500ms, 60s, 5m or 24h from 1s to 1h"));
    }

    @Test
    void excessiveClockSkewIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.clock-skew", "1h");
        assertTrue(failure(f).startsWith("logto.clock-skew = \"1h\""));
    }

    @Test
    void algorithmNoneIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.algorithms", "ES384,none");
        assertTrue(failure(f).contains("none is refused: it is not an asymmetric algorithm"));
    }

    @Test
    void symmetricAlgorithmIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.algorithms", "HS256");
        assertTrue(failure(f).contains("HS256 is refused"));
    }

    @Test
    void unknownAlgorithmIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.algorithms", "ES385");
        assertTrue(failure(f).contains("\"ES385\" is not a supported algorithm"));
    }

    @Test
    void booleanMustBeTrueOrFalse() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.require-typ", "yes");
        assertTrue(failure(f).endsWith("is invalid: expected true or false"));
    }

    @Test
    void cacheSizeMustBeANumberInRange() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.token-cache.size", "-1");
        assertTrue(failure(f).endsWith("expected a whole number from 0 to 1000000"));
    }

    @Test
    void unmatchedMustBeOneOfThreeWords() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.unmatched", "allow");
        assertTrue(failure(f).endsWith("expected authenticated, deny or public"));
    }

    @Test
    void badRuleNamesItsKeyAndTheSyntax() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.rule.3", "GET /api/*.json : read");
        String message = failure(f);
        assertTrue(message.startsWith("logto.rule.3 = \"GET /api/*.json : read\" (from file /WEB-INF/logto.properties)"
                + " is invalid: the path \"/api/*.json\" has \"*.json\""), message);
    }

    @Test
    void controlCharactersInAValueDoNotBreakTheOneLineMessage() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.unmatched", "deny\r\nX-Injected: 1");
        assertTrue(failure(f).startsWith("logto.unmatched = \"deny??X-Injected: 1\""));
    }

    @Test
    void unknownKeyIsAWarningThatNamesTheNearestKnownKey() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.clock-skw", "30s");
        assertEquals(Collections.singletonList("unknown key logto.clock-skw (in file /WEB-INF/logto.properties) is ignored;"
                + " did you mean logto.clock-skew?"), f.load().warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://auth.internal:3001", "http://127.auth.internal:3001", "http://localhost.auth.internal"})
    void plainHttpToARemoteHostIsAWarning(String endpoint) throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", endpoint);
        assertTrue(f.load().warnings().get(0).contains("uses plain http to a remote host"));
    }

    @Test
    void plainHttpToLoopbackIsFine() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", "http://127.0.0.1:3001");
        assertEquals(Collections.emptyList(), f.load().warnings());
    }

    @Test
    void realmCanBeSet() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.systemProperties.put("logto.realm", "products");
        assertEquals("products", f.load().realm());
    }

    @Test
    void resourceMetadataCanBeTurnedOff() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.resource-metadata", "false");
        assertFalse(f.load().resourceMetadata());
    }

    @Test
    void corsPreflightPassIsAWarningSayingWhatItLetsThrough() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.cors.preflight", "pass");
        FilterSettings s = f.load();
        assertTrue(s.passCorsPreflights());
        assertEquals(1, s.warnings().size(), s.warnings()::toString);
        assertTrue(s.warnings().get(0).startsWith("logto.cors.preflight = pass: every OPTIONS request with Origin and"
                + " Access-Control-Request-Method headers reaches the application without a token"), s.warnings().get(0));
    }

    @Test
    void corsPreflightMustBeJudgeOrPass() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.cors.preflight", "allow");
        assertTrue(failure(f).startsWith("logto.cors.preflight = \"allow\" (from file /WEB-INF/logto.properties) is invalid:"
                + " expected judge"), failure(f));
    }

    @Test
    void organizationTokensAreAcceptedOnlyWhenTheKeySaysAccept() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.rule.10", "GET /orgs/{organization}/** : read:projects");
        f.file.put("logto.organization-tokens", "accept");
        FilterSettings s = f.load();
        assertTrue(s.verifierOptions().acceptOrganizationTokens());
        assertEquals(Collections.emptyList(), s.warnings());
        f.file.put("logto.organization-tokens", "refuse");
        assertFalse(f.load().verifierOptions().acceptOrganizationTokens());
    }

    @Test
    void organizationTokensWithoutARuleThatNamesAnOrganizationIsAWarning() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.organization-tokens", "accept");
        FilterSettings s = f.load();
        assertEquals(1, s.warnings().size(), s.warnings()::toString);
        assertTrue(s.warnings().get(0).startsWith("logto.organization-tokens = accept, but no rule names {organization}"),
                s.warnings().get(0));
    }

    @Test
    void organizationTokensMustBeRefuseOrAccept() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.organization-tokens", "true");
        assertTrue(failure(f).startsWith("logto.organization-tokens = \"true\" (from file /WEB-INF/logto.properties) is"
                + " invalid: expected refuse"), failure(f));
    }

    @Test
    void severalEndpointsAreSeveralIssuersWithTheFirstOnesJwks() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", "https://tenant.logto.app, https://auth.example.com/");
        VerifierOptions o = f.load().verifierOptions();
        assertEquals(Arrays.asList("https://tenant.logto.app/oidc", "https://auth.example.com/oidc"), o.issuers());
        assertEquals("https://tenant.logto.app/oidc/jwks", o.jwksUri());
    }

    @Test
    void severalIssuersCanBeListedWithOneJwksUri() throws Exception {
        ConfigFixture f = new ConfigFixture();
        f.file.put("logto.audience", "https://api.example.com");
        f.file.put("logto.issuer", "https://tenant.logto.app/oidc,https://auth.example.com/oidc");
        f.file.put("logto.jwks-uri", "https://tenant.logto.app/oidc/jwks");
        VerifierOptions o = f.load().verifierOptions();
        assertEquals(Arrays.asList("https://tenant.logto.app/oidc", "https://auth.example.com/oidc"), o.issuers());
        assertEquals("https://tenant.logto.app/oidc/jwks", o.jwksUri());
    }

    @Test
    void oneJwksUriPerIssuerIsPairedInOrder() throws Exception {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", "https://tenant.logto.app,https://auth.example.com");
        f.file.put("logto.jwks-uri", "https://tenant.logto.app/oidc/jwks, https://auth.example.com/oidc/jwks");
        VerifierOptions o = f.load().verifierOptions();
        assertEquals(Arrays.asList("https://tenant.logto.app/oidc/jwks", "https://auth.example.com/oidc/jwks"),
                o.jwksUris());
    }

    @Test
    void jwksUrisThatAreNeitherOneNorOnePerIssuerAreRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.jwks-uri", "https://tenant.logto.app/oidc/jwks,https://auth.example.com/oidc/jwks");
        assertTrue(failure(f).contains("is invalid: expected one JWKS URL for every issuer, or one per issuer in the"
                + " order of the 1 issuers [https://tenant.logto.app/oidc]"), failure(f));
    }

    @Test
    void anEmptyEntryInTheEndpointListIsRefused() {
        ConfigFixture f = ConfigFixture.minimal();
        f.file.put("logto.endpoint", "https://tenant.logto.app,");
        assertTrue(failure(f).startsWith("logto.endpoint = "), failure(f));
    }
}
