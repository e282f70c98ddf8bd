package dev.legacyguard.filter.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.decision.RequestDecision.Outcome;
import dev.legacyguard.filter.rules.AccessRule;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.rules.UnmatchedPolicy;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.VerifierOptions;
import dev.legacyguard.testissuer.TestIssuer;

/** Decisions judged as values, without a servlet: method, path, method overrides and token in, decision out. */
class DeciderTest {
    static final String API = "https://api.example.com";

    static TestIssuer issuer;
    static TokenVerifier verifier;
    static String readerToken;
    static String writerToken;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products", "write:products")
                .app("reader", "reader-secret", API, "read:products")
                .app("writer", "writer-secret", API, "read:products", "write:products")
                .start();
        readerToken = issuer.accessToken("reader", "reader-secret", API, "read:products");
        writerToken = issuer.accessToken("writer", "writer-secret", API, "read:products", "write:products");
        verifier = TokenVerifier.create(options(issuer.jwksUri()));
    }

    @AfterAll
    static void stop() {
        if (verifier != null) {
            verifier.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    private static VerifierOptions options(String jwksUri) {
        return VerifierOptions.builder().issuer(issuer.issuer()).jwksUri(jwksUri).audiences(List.of(API)).build();
    }

    private static Decider decider(UnmatchedPolicy unmatched) {
        return decider(unmatched, verifier);
    }

    private static Decider decider(UnmatchedPolicy unmatched, TokenVerifier tokens) {
        List<AccessRule> rules = new ArrayList<>();
        rules.add(AccessRule.parse(1, "* /health : public"));
        rules.add(AccessRule.parse(2, "GET,HEAD /api/products/** : read:products"));
        rules.add(AccessRule.parse(3, "POST,PUT,DELETE /api/products/** : write:products"));
        rules.add(AccessRule.parse(4, "POST /api/orders/** : public"));
        rules.add(AccessRule.parse(5, "DELETE /api/orders/** : write:products"));
        return new Decider(new AccessRules(rules, unmatched), tokens, true, false);
    }

    private static RequestDecision decide(String method, String path, List<String> overrides, String token) {
        return decider(UnmatchedPolicy.AUTHENTICATED).decide(method, path, overrides, token);
    }

    @Test
    void publicRulePassesWithoutToken() {
        RequestDecision decision = decide("GET", "/health", null, null);

        assertEquals(Outcome.PASS_PUBLIC, decision.outcome());
        assertEquals("logto.rule.1", decision.requirement().origin());
    }

    @Test
    void tokenWithTheRequiredScopePassesAuthenticatedWithTheCaller() {
        RequestDecision decision = decide("GET", "/api/products/1", null, readerToken);

        assertEquals(Outcome.PASS_AUTHENTICATED, decision.outcome());
        assertEquals("reader", decision.token().clientId());
    }

    @Test
    void protectedPathWithoutTokenIsMissingToken() {
        assertEquals(Outcome.MISSING_TOKEN, decide("GET", "/api/products/1", null, null).outcome());
    }

    @Test
    void tokenWithoutTheRequiredScopeIsInsufficientScopeNamingWhatIsMissing() {
        RequestDecision decision = decide("DELETE", "/api/products/1", null, readerToken);

        assertEquals(Outcome.INSUFFICIENT_SCOPE, decision.outcome());
        assertEquals(List.of("write:products"), decision.missingScopes());
        assertEquals("logto.rule.3", decision.requirement().origin());
    }

    @Test
    void anOverrideMethodsScopesAreRequiredTooAsTheUnion() {
        RequestDecision decision = decide("GET", "/api/products/1", List.of("DELETE"), readerToken);

        assertEquals(Outcome.INSUFFICIENT_SCOPE, decision.outcome());
        assertEquals(List.of("read:products", "write:products"), decision.requirement().scopes());
        assertEquals(List.of("write:products"), decision.missingScopes());
        assertEquals("logto.rule.2 for GET and logto.rule.3 for DELETE", decision.requirement().origin());
        assertEquals(Outcome.PASS_AUTHENTICATED, decide("GET", "/api/products/1", List.of("DELETE"), writerToken).outcome());
    }

    @Test
    void everyOverrideValueIsJudgedNotOnlyTheFirst() {
        RequestDecision decision = decide("GET", "/api/products/1", List.of("GET", "DELETE"), readerToken);

        assertEquals(Outcome.INSUFFICIENT_SCOPE, decision.outcome());
        assertEquals(List.of("write:products"), decision.missingScopes());
    }

    @Test
    void aPublicMethodWithAProtectedOverrideNeedsTheOverridesToken() {
        assertEquals(Outcome.PASS_PUBLIC, decide("POST", "/api/orders/1", null, null).outcome());
        RequestDecision decision = decide("POST", "/api/orders/1", List.of("DELETE"), null);

        assertEquals(Outcome.MISSING_TOKEN, decision.outcome());
        assertEquals("logto.rule.5", decision.requirement().origin());
    }

    @Test
    void publicOnlyWhenEveryOverrideIsPublicToo() {
        assertEquals(Outcome.PASS_PUBLIC, decide("POST", "/health", List.of("DELETE", "PUT"), null).outcome());
        RequestDecision unmatched = decide("POST", "/api/orders/1", List.of("PATCH"), null);

        assertEquals(Outcome.MISSING_TOKEN, unmatched.outcome());
        assertEquals("logto.unmatched=authenticated", unmatched.requirement().origin());
    }

    @Test
    void deniedWhenAnyOverrideIsDeniedWhateverTheToken() {
        Decider denying = decider(UnmatchedPolicy.DENY);
        assertEquals(Outcome.PASS_AUTHENTICATED, denying.decide("GET", "/api/products/1", null, writerToken).outcome());

        RequestDecision decision = denying.decide("GET", "/api/products/1", List.of("PATCH"), writerToken);

        assertEquals(Outcome.DENIED, decision.outcome());
        assertEquals("logto.unmatched=deny", decision.requirement().origin());
        assertNull(decision.token());
    }

    @Test
    void tamperedTokenIsInvalidTokenNamingTheCheck() {
        String tampered = readerToken.substring(0, readerToken.length() - 4)
                + (readerToken.endsWith("AAAA") ? "BBBB" : "AAAA");

        RequestDecision decision = decide("GET", "/api/products/1", null, tampered);

        assertEquals(Outcome.INVALID_TOKEN, decision.outcome());
        assertEquals("signature", decision.check());
        assertEquals(tampered, decision.compactToken(), "kept for the log line's fingerprint");
    }

    @Test
    void credentialThatIsNotOneB64TokenIsInvalidRequest() {
        RequestDecision decision = decide("GET", "/api/products/1", null, "not a token");

        assertEquals(Outcome.INVALID_REQUEST, decision.outcome());
        assertTrue(decision.description().contains("malformed"), decision.description());
    }

    @Test
    void tokenThatCannotBeCheckedForWantOfKeysIsKeysUnavailable() {
        try (TokenVerifier noKeys = TokenVerifier.create(options("http://127.0.0.1:1/oidc/jwks"))) {
            RequestDecision decision = decider(UnmatchedPolicy.AUTHENTICATED, noKeys)
                    .decide("GET", "/api/products/1", null, readerToken);

            assertEquals(Outcome.KEYS_UNAVAILABLE, decision.outcome());
            assertTrue(decision.retryAfterSeconds() >= 1, decision.toString());
        }
    }
}
