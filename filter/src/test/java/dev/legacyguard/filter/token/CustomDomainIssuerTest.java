package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.testissuer.TestIssuer;

/** Tokens of one tenant requested on its own domain and on a custom domain: two issuers, one JWKS. */
class CustomDomainIssuerTest {
    private static final String API = "https://api.example.com";

    private static TestIssuer issuer;
    private static String tenantToken;
    private static String customDomainToken;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products")
                .app("reader", "reader-secret", API, "read:products")
                .customDomain()
                .start();
        tenantToken = issuer.accessToken("reader", "reader-secret", API, "read:products");
        customDomainToken = issuer.accessTokenOnCustomDomain("reader", "reader-secret", API, "read:products");
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    private static TokenVerifier verifier(List<String> issuers) {
        return TokenVerifier.create(VerifierOptions.builder().issuers(issuers).jwksUri(issuer.jwksUri())
                .audiences(List.of(API)).build());
    }

    @Test
    void bothIssuersAreAcceptedWithTheTenantsOneJwks() {
        try (TokenVerifier verifier = verifier(List.of(issuer.issuer(), issuer.customDomainEndpoint() + "/oidc"))) {
            assertEquals(issuer.issuer(), verifier.verify(tenantToken).token().issuer());
            assertEquals(issuer.customDomainEndpoint() + "/oidc", verifier.verify(customDomainToken).token().issuer());
        }
    }

    @Test
    void aCustomDomainsTokenIsRefusedUntilItsIssuerIsConfigured() {
        try (TokenVerifier verifier = verifier(List.of(issuer.issuer()))) {
            Failure failure = verifier.verify(customDomainToken).failure();
            assertEquals("iss", failure.check());
            assertTrue(failure.description().contains("not accepted (expected " + issuer.issuer() + ";"),
                    failure.description());
        }
    }

    @Test
    void aRefusedIssuerIsToldEveryAcceptedOne() {
        try (TokenVerifier verifier = verifier(List.of("https://tenant.example/oidc", "https://auth.example.com/oidc"))) {
            Failure failure = verifier.verify(tenantToken).failure();
            assertEquals("iss", failure.check());
            assertTrue(failure.description().contains("(expected one of https://tenant.example/oidc,"
                    + " https://auth.example.com/oidc;"), failure.description());
        }
    }

    @Test
    void eachIssuersKeysComeOnlyFromItsOwnJwks() {
        try (TestIssuer other = TestIssuer.builder().resource(API, 3600, "read:products")
                .app("reader", "reader-secret", API, "read:products").start()) {
            String otherToken = other.accessToken("reader", "reader-secret", API, "read:products");
            List<String> issuers = List.of(issuer.issuer(), other.issuer());
            try (TokenVerifier paired = TokenVerifier.create(VerifierOptions.builder().issuers(issuers)
                    .jwksUris(List.of(issuer.jwksUri(), other.jwksUri())).audiences(List.of(API)).build());
                 TokenVerifier swapped = TokenVerifier.create(VerifierOptions.builder().issuers(issuers)
                    .jwksUris(List.of(other.jwksUri(), issuer.jwksUri())).audiences(List.of(API)).build())) {
                assertTrue(paired.verify(tenantToken).valid());
                assertTrue(paired.verify(otherToken).valid());
                // Each key is published, but by the other issuer's JWKS: it vouches for no token of this one.
                assertEquals("key", swapped.verify(tenantToken).failure().check());
                assertEquals("key", swapped.verify(otherToken).failure().check());
            }
        }
    }
}
