package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Organization tokens (aud urn:logto:organization:<id>) at the audience check, with and without logto.organization-tokens. */
class OrganizationTokenTest extends SharedVerifierTest {
    private static final String ORG_AUDIENCE = "urn:logto:organization:org-a";

    private static TokenVerifier accepting;

    @BeforeAll
    static void startAcceptingVerifier() {
        accepting = TokenVerifier.create(fixture.options().acceptOrganizationTokens(true).build());
    }

    @AfterAll
    static void stopAcceptingVerifier() {
        accepting.close();
    }

    private static String organizationToken() {
        return fixture.token(fixture.es384).claim("aud", ORG_AUDIENCE).claim("scope", "read:inventory").sign();
    }

    @Test
    void organizationTokenIsRefusedByDefaultSayingHowToAcceptIt() {
        Failure failure = rejected(verifier, organizationToken());
        assertEquals("aud", failure.check());
        assertTrue(failure.description().startsWith("audience 'urn:logto:organization:org-a' is an organization token,"
                + " not accepted (accepted: " + VerifierFixture.AUDIENCE + ")"), failure.description());
        assertTrue(failure.description().contains("logto.organization-tokens=accept"), failure.description());
    }

    @Test
    void acceptedOrganizationTokenNamesItsOrganizationFromTheAudience() {
        AccessToken token = accepting.verify(organizationToken()).token();
        assertTrue(token.isOrganizationToken());
        assertEquals("org-a", token.organizationId());
        assertTrue(token.hasScope("read:inventory"));
    }

    @Test
    void organizationTokenWhoseOrganizationIdNamesAnotherOrganizationIsRefused() {
        String token = fixture.token(fixture.es384).claim("aud", ORG_AUDIENCE).claim("organization_id", "org-b").sign();
        Failure failure = rejected(accepting, token);
        assertEquals("aud", failure.check());
        assertTrue(failure.description().contains("'org-a' but its organization_id is 'org-b'"), failure.description());
    }

    @Test
    void anOrganizationAudienceWithoutAnIdIsNoOrganizationToken() {
        assertEquals("aud", rejected(accepting,
                fixture.token(fixture.es384).claim("aud", "urn:logto:organization:").sign()).check());
    }

    @Test
    void anOrganizationAudienceBesideAnotherIsNoOrganizationToken() {
        assertEquals("aud", rejected(accepting,
                fixture.token(fixture.es384).claim("aud", List.of(ORG_AUDIENCE, "https://other")).sign()).check());
    }

    @Test
    void aTokenForTheApiThatAlsoListsAnOrganizationAudienceTakesItsOrganizationOnlyFromTheClaim() {
        AccessToken token = accepting.verify(fixture.token(fixture.es384)
                .claim("aud", List.of(VerifierFixture.AUDIENCE, ORG_AUDIENCE)).sign()).token();
        assertFalse(token.isOrganizationToken());
        assertNull(token.organizationId());
    }

    @Test
    void aTokenForTheApiNamesTheOrganizationOfItsClaim() {
        AccessToken token = accepting.verify(fixture.token(fixture.es384).claim("organization_id", "org-b").sign()).token();
        assertFalse(token.isOrganizationToken());
        assertEquals("org-b", token.organizationId());
    }
}
