package dev.legacyguard.filter.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.decision.RequestDecision.Outcome;
import dev.legacyguard.filter.rules.AccessRule;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.rules.RejectedPathException;
import dev.legacyguard.filter.rules.RequestPath;
import dev.legacyguard.filter.rules.UnmatchedPolicy;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.VerifierOptions;
import dev.legacyguard.testissuer.TestIssuer;

/** Rules that name {organization}, judged with the test issuer's organization tokens and tokens for the API. */
class OrganizationDecisionTest {
    static final String API = "https://api.example.com";
    static final String ORG_A = "org-a";
    static final String ORG_B = "org-b";

    static TestIssuer issuer;
    static TokenVerifier refusing;
    static TokenVerifier accepting;
    /** For the API, in organization A, with read:projects. */
    static String tokenInA;
    /** For the API, in organization A, without scopes. */
    static String tokenInAWithoutScope;
    /** For the API, in no organization, with read:products and read:projects. */
    static String tokenInNoOrganization;
    /** An organization token for A with the organization permission read:projects. */
    static String organizationTokenForA;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products", "read:projects")
                .app("member", "member-secret", API, "read:products", "read:projects")
                .organization(ORG_A, "read:projects")
                .organization(ORG_B, "read:projects")
                .organizationMember(ORG_A, "member", "read:projects")
                .organizationGrant(ORG_A, "member", API, "read:projects")
                .start();
        tokenInA = issuer.accessTokenIn(ORG_A, "member", "member-secret", API, "read:projects");
        tokenInAWithoutScope = issuer.accessTokenIn(ORG_A, "member", "member-secret", API);
        tokenInNoOrganization = issuer.accessToken("member", "member-secret", API, "read:products", "read:projects");
        organizationTokenForA = issuer.accessTokenIn(ORG_A, "member", "member-secret", null, "read:projects");
        VerifierOptions options = VerifierOptions.builder().issuer(issuer.issuer()).jwksUri(issuer.jwksUri())
                .audiences(List.of(API)).build();
        refusing = TokenVerifier.create(options);
        accepting = TokenVerifier.create(options.toBuilder().acceptOrganizationTokens(true).build());
    }

    @AfterAll
    static void stop() {
        refusing.close();
        accepting.close();
        issuer.close();
    }

    private static RequestDecision decide(TokenVerifier verifier, String rawPath, String token) {
        List<AccessRule> rules = List.of(
                AccessRule.parse(10, "GET /orgs/{organization}/projects/** : read:projects"),
                AccessRule.parse(20, "GET /api/** : read:products"));
        try {
            return new Decider(new AccessRules(rules, UnmatchedPolicy.AUTHENTICATED), verifier, false, false)
                    .decide("GET", RequestPath.normalize(rawPath), null, token);
        } catch (RejectedPathException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTokenForThePathsOrganizationPassesAndTheApplicationSeesTheOrganization() {
        RequestDecision decision = decide(refusing, "/orgs/org-a/projects/7", tokenInA);

        assertEquals(Outcome.PASS_AUTHENTICATED, decision.outcome());
        assertEquals(ORG_A, decision.token().organizationId());
        assertEquals(ORG_A, decision.requirement().organization());
    }

    @Test
    void aTokenForOrganizationAOnAPathOfOrganizationBIsRefusedNamingBoth() {
        RequestDecision decision = decide(refusing, "/orgs/org-b/projects/7", tokenInA);

        assertEquals(Outcome.WRONG_ORGANIZATION, decision.outcome());
        assertEquals("organization", decision.check());
        assertEquals("the token is for organization 'org-a' but the path names organization 'org-b' (logto.rule.10);"
                + " request a token with organization_id=org-b", decision.description());
    }

    @Test
    void aTokenForNoOrganizationNeverPassesARuleThatNamesOne() {
        RequestDecision decision = decide(refusing, "/orgs/org-a/projects", tokenInNoOrganization);

        assertEquals(Outcome.WRONG_ORGANIZATION, decision.outcome());
        assertTrue(decision.description().startsWith("the token is for no organization (it has no organization_id claim)"
                + " but the path names organization 'org-a'"), decision.description());
    }

    @Test
    void theOrganizationIsJudgedBeforeTheScopes() {
        assertEquals(Outcome.WRONG_ORGANIZATION, decide(refusing, "/orgs/org-b/projects", tokenInAWithoutScope).outcome());
        RequestDecision decision = decide(refusing, "/orgs/org-a/projects", tokenInAWithoutScope);
        assertEquals(Outcome.INSUFFICIENT_SCOPE, decision.outcome());
        assertEquals(List.of("read:projects"), decision.missingScopes());
    }

    @Test
    void theOrganizationIsComparedExactlyAfterThePathIsDecoded() {
        assertEquals(Outcome.PASS_AUTHENTICATED, decide(refusing, "/orgs/org%2Da/projects", tokenInA).outcome());
        assertEquals(Outcome.PASS_AUTHENTICATED, decide(refusing, "/orgs/org-a;o=org-b/projects", tokenInA).outcome());
        assertEquals(Outcome.WRONG_ORGANIZATION, decide(refusing, "/orgs/ORG-A/projects", tokenInA).outcome());
        assertEquals(Outcome.WRONG_ORGANIZATION, decide(refusing, "/orgs/org-a%20x/projects", tokenInA).outcome());
    }

    @Test
    void anEncodedSlashCannotMakeTwoSegmentsLookLikeOneOrganization() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/orgs/org-b%2F..%2Forg-a/projects"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/orgs/org-a%2Fprojects"));
    }

    @Test
    void anOrganizationTokenIsRefusedAsNotForThisApiWhenTheKeyIsOff() {
        RequestDecision decision = decide(refusing, "/orgs/org-a/projects", organizationTokenForA);

        assertEquals(Outcome.INVALID_TOKEN, decision.outcome());
        assertEquals("aud", decision.check());
    }

    @Test
    void anOrganizationTokenPassesOnItsOrganizationsPathWithItsPermissionsAsScopes() {
        RequestDecision decision = decide(accepting, "/orgs/org-a/projects/7", organizationTokenForA);

        assertEquals(Outcome.PASS_AUTHENTICATED, decision.outcome());
        assertTrue(decision.token().isOrganizationToken());
        assertEquals(ORG_A, decision.token().organizationId());
        assertEquals(Set.of("read:projects"), decision.token().scopes());
    }

    @Test
    void anOrganizationTokenForAIsRefusedOnAPathOfB() {
        assertEquals(Outcome.WRONG_ORGANIZATION, decide(accepting, "/orgs/org-b/projects", organizationTokenForA).outcome());
    }

    @Test
    void anOrganizationTokenIsRefusedOnPathsWhoseRuleNamesNoOrganization() {
        RequestDecision scoped = decide(accepting, "/api/products", organizationTokenForA);
        assertEquals(Outcome.INVALID_TOKEN, scoped.outcome());
        assertEquals("aud", scoped.check());
        assertTrue(scoped.description().contains("logto.rule.20 does not"), scoped.description());

        RequestDecision unmatched = decide(accepting, "/elsewhere", organizationTokenForA);
        assertEquals(Outcome.INVALID_TOKEN, unmatched.outcome());
        assertTrue(unmatched.description().contains("logto.unmatched=authenticated does not"), unmatched.description());
    }

    @Test
    void tokensForTheApiStillPassWhereOrganizationTokensAreAccepted() {
        assertEquals(Outcome.PASS_AUTHENTICATED, decide(accepting, "/api/products", tokenInNoOrganization).outcome());
        assertEquals(Outcome.PASS_AUTHENTICATED, decide(accepting, "/orgs/org-a/projects", tokenInA).outcome());
    }
}
