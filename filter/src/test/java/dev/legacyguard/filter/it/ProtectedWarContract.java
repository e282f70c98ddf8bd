package dev.legacyguard.filter.it;

import static dev.legacyguard.filter.it.support.ProductsTenant.API;
import static dev.legacyguard.filter.it.support.ProductsTenant.ORG_A;
import static dev.legacyguard.filter.it.support.ProductsTenant.ORG_B;
import static dev.legacyguard.filter.it.support.ProductsTenant.OTHER_API;
import static dev.legacyguard.filter.it.support.ProductsTenant.READ;
import static dev.legacyguard.filter.it.support.ProductsTenant.READ_PROJECTS;
import static dev.legacyguard.filter.it.support.ProductsTenant.WRITE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.Http;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every container must show for the test WAR (the filter declared in its web.xml, the
 * shaded jar in WEB-INF/lib, tokens from the real issuer). Subclasses start one issuer and
 * one container per class; the javax flavour's tests run it too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProtectedWarContract {

    protected static final String ALLOWED_ORIGIN = "https://shop.example.com";

    protected final Http http = new Http();

    /** The running issuer the app trusts. */
    protected abstract ProductsTenant tenant();

    /** The app's root, ending in "/". */
    protected abstract URI app();

    /** The root of another copy of the app whose logto.properties says {@code logto.cors.preflight = pass}. */
    protected abstract URI preflightPassingApp();

    /** The root of another copy of the app behind the container's own CORS filter or handler, allowing {@link #ALLOWED_ORIGIN}. */
    protected abstract URI corsFrontedApp();

    /** The drop-in jar the test WAR holds in {@code WEB-INF/lib}. */
    protected Path dropInJar() {
        return BuildOutputs.allJar();
    }

    protected URI products() {
        return app().resolve("api/products/42");
    }

    @Test
    void letsAGetWithTheReadScopeThroughToTheApp() {
        Reply reply = http.get(products(), tenant().readToken());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("GET", reply.echo().get("method"));
    }

    @Test
    void showsTheAppTheCallerAsPrincipalWithItsScopesAsRoles() {
        Map<String, String> seen = http.get(products(), tenant().readToken()).echo();

        assertAll(
                () -> assertEquals("reader", seen.get("principal")),
                () -> assertEquals("reader", seen.get("remoteUser")),
                () -> assertEquals("true", seen.get("role." + READ)),
                () -> assertEquals("false", seen.get("role." + WRITE)),
                () -> assertEquals("reader", seen.get("token.subject")),
                () -> assertEquals("reader", seen.get("token.clientId")),
                () -> assertEquals(READ, seen.get("token.scopes")),
                () -> assertEquals(API, seen.get("token.audiences")),
                () -> assertEquals(tenant().issuer().issuer(), seen.get("token.issuer")));
    }

    @Test
    void runsTheFilterFromTheShadedJarInWebInfLib() {
        Map<String, String> seen = http.get(products(), tenant().readToken()).echo();

        String codeSource = seen.get("token.codeSource");
        assertTrue(codeSource.endsWith("WEB-INF/lib/" + dropInJar().getFileName()), codeSource);
    }

    @Test
    void showsAnAsyncServletTheCallerAfterItsAsyncDispatch() {
        Reply reply = http.get(app().resolve("async/dispatch"), tenant().readToken());

        assertEquals(200, reply.status(), reply::toString);
        Map<String, String> seen = reply.echo();
        assertAll(
                () -> assertEquals("ASYNC", seen.get("dispatcherType")),
                () -> assertEquals("reader", seen.get("principal")),
                () -> assertEquals("true", seen.get("role." + READ)),
                () -> assertEquals("false", seen.get("role." + WRITE)),
                () -> assertEquals(READ, seen.get("token.scopes")));
    }

    @Test
    void showsAnAsyncServletTheCallerOnItsOwnThreadUntilItCompletes() {
        Reply reply = http.get(app().resolve("async/complete"), tenant().readToken());

        assertEquals(200, reply.status(), reply::toString);
        Map<String, String> seen = reply.echo();
        assertAll(
                () -> assertEquals("reader", seen.get("principal")),
                () -> assertEquals("true", seen.get("role." + READ)),
                () -> assertEquals(READ, seen.get("token.scopes")));
    }

    @Test
    void judgesAnAsyncRequestOnceSoTheAppMayDispatchItToAnInternalPath() {
        assertEquals(403, http.get(app().resolve("internal/status"), tenant().readToken()).status(),
                "a client may not call the internal path itself");

        Map<String, String> seen = http.get(app().resolve("async/dispatch?to=/internal/status"), tenant().readToken()).echo();

        assertAll(
                () -> assertEquals("ASYNC", seen.get("dispatcherType")),
                () -> assertTrue(seen.get("path").endsWith("/internal/status"), seen::toString),
                () -> assertEquals("reader", seen.get("principal")),
                () -> assertEquals("true", seen.get("role." + READ)));
    }

    @Test
    void challengesAnAsyncServletsRequestWithoutToken() {
        Reply reply = http.get(app().resolve("async/dispatch"), null);

        assertEquals(401, reply.status(), reply::toString);
        assertFalse(reply.bearerChallenge().containsKey("error"), reply::toString);
    }

    @Test
    void letsAPostWithTheWriteScopeThrough() {
        Reply reply = http.post(products(), tenant().writeToken(), "{}");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("POST", reply.echo().get("method"));
    }

    @Test
    void challengesARequestWithoutTokenWithRealmAndResourceMetadata() {
        Reply reply = http.get(products(), null);

        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertAll(
                () -> assertNotNull(challenge.get("realm"), challenge::toString),
                () -> assertTrue(challenge.getOrDefault("resource_metadata", "")
                        .endsWith("/.well-known/oauth-protected-resource"), challenge::toString),
                () -> assertFalse(challenge.containsKey("error"), "no token is not an error (RFC 6750 §3.1)"));
    }

    @Test
    void rejectsAGarbledTokenAsInvalidWithoutEchoingIt() {
        // Well-formed as a Bearer credential, but its header is cut-off JSON.
        String garbled = "eyJub3QiOiJqc29u.bm90IGpzb24.c2lnbmF0dXJl";
        Reply reply = http.get(products(), garbled);

        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertEquals("invalid_token", challenge.get("error"), challenge::toString);
        assertFalse(reply.header("WWW-Authenticate").contains(garbled), reply::toString);
        assertFalse(reply.body().contains(garbled), reply::toString);
    }

    @Test
    void answersAnInvalidTokenWithAJsonBodyBesideTheHeader() {
        Reply reply = http.get(products(), "not-a-token");

        assertEquals(401, reply.status(), reply::toString);
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/json"), reply::toString);
        assertTrue(reply.body().contains("\"error\"") && reply.body().contains("invalid_token"), reply::toString);
        assertTrue(reply.body().contains("\"error_description\""), reply::toString);
    }

    @Test
    void answersItsRefusalsItselfEvenWhereTheAppHasErrorPagesForThem() {
        Reply unauthorized = http.get(products(), "not-a-token");
        Reply forbidden = http.post(products(), tenant().readToken(), "{}");

        for (Reply reply : new Reply[] {unauthorized, forbidden}) {
            assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/json"), reply::toString);
            assertFalse(reply.body().contains("dispatcherType=ERROR"), reply::toString);
        }
        assertEquals(401, unauthorized.status(), unauthorized::toString);
        assertEquals(403, forbidden.status(), forbidden::toString);
    }

    @Test
    void rejectsATokenIssuedForAnotherApiNamingItsAudience() {
        Reply reply = http.get(products(), tenant().otherApiToken());

        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertEquals("invalid_token", challenge.get("error"), challenge::toString);
        assertTrue(challenge.getOrDefault("error_description", "").contains(OTHER_API), challenge::toString);
    }

    @Test
    void rejectsAnOpaqueTokenSayingToRequestAnApiResource() {
        Reply reply = http.get(products(), tenant().opaqueToken());

        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertEquals("invalid_token", challenge.get("error"), challenge::toString);
        assertTrue(challenge.getOrDefault("error_description", "").contains("resource"), challenge::toString);
    }

    @Test
    void forbidsAPostWithAReadOnlyTokenNamingTheMissingScope() {
        Reply reply = http.post(products(), tenant().readToken(), "{}");

        assertEquals(403, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertEquals("insufficient_scope", challenge.get("error"), challenge::toString);
        assertEquals(WRITE, challenge.get("scope"), challenge::toString);
    }

    @Test
    void servesTheResourceMetadataTheChallengePointsTo() {
        String metadataUrl = http.get(products(), null).bearerChallenge().get("resource_metadata");

        Reply metadata = http.get(URI.create(metadataUrl), null);

        assertEquals(200, metadata.status(), metadata::toString);
        assertTrue(metadata.body().contains("\"resource\"") && metadata.body().contains(API), metadata::toString);
        assertTrue(metadata.body().contains(tenant().issuer().issuer()), "authorization_servers: " + metadata);
    }

    /** Anyone can send what looks like a preflight; an app answering OPTIONS as a normal request must not see it unjudged. */
    @Test
    void judgesACorsPreflightLikeAnyRequestByDefault() {
        Reply reply = http.preflight(products(), ALLOWED_ORIGIN, "POST");

        assertEquals(401, reply.status(), reply::toString);
        assertFalse(reply.body().contains("method=OPTIONS"), reply::toString);
    }

    @Test
    void passesACorsPreflightToTheAppWhenTheAppOptsIn() {
        Reply reply = http.preflight(preflightPassingApp().resolve("api/products/42"), ALLOWED_ORIGIN, "POST");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("OPTIONS", reply.echo().get("method"));
        assertEquals(401, http.get(preflightPassingApp().resolve("api/products/42"), null).status(),
                "only preflights pass");
    }

    @Test
    void aCorsFilterDeclaredInFrontAnswersRealPreflightsItself() {
        URI products = corsFrontedApp().resolve("api/products/42");

        Reply preflight = http.preflight(products, ALLOWED_ORIGIN, "POST");

        assertTrue(preflight.status() == 200 || preflight.status() == 204, preflight::toString);
        assertEquals(ALLOWED_ORIGIN, preflight.header("Access-Control-Allow-Origin"), preflight::toString);
        assertFalse(preflight.body().contains("method=OPTIONS"), "the app answered: " + preflight);
        Reply refused = http.get(products, null, "Origin", ALLOWED_ORIGIN);
        assertEquals(401, refused.status(), "the calls themselves still need a token");
        assertEquals(ALLOWED_ORIGIN, refused.header("Access-Control-Allow-Origin"), "a browser can read the 401: " + refused);
        assertEquals(200, http.get(products, tenant().readToken(), "Origin", ALLOWED_ORIGIN).status());
    }

    /** Frameworks differ in which value of a repeated override header they take: every value is judged. */
    @Test
    void judgesEveryValueOfARepeatedMethodOverrideHeader() {
        Reply reply = http.get(products(), tenant().readToken(),
                "X-HTTP-Method-Override", "GET", "X-HTTP-Method-Override", "POST");

        assertEquals(403, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertEquals("insufficient_scope", challenge.get("error"), challenge::toString);
        assertTrue(challenge.getOrDefault("scope", "").contains(WRITE), challenge::toString);
        assertEquals(200, http.get(products(), tenant().writeToken(),
                "X-HTTP-Method-Override", "GET", "X-HTTP-Method-Override", "POST").status());
    }

    /** Routers that trim segments (Spring's AntPathMatcher 3.2-4.2) would serve these as api/products/42. */
    @Test
    void refusesAPathSegmentPaddedWithWhiteSpace() {
        for (String padded : new String[] {"api/products%20/42", "api/%20products/42"}) {
            Reply reply = http.get(app().resolve(padded), tenant().writeToken());

            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.body().contains("invalid_request") && reply.body().contains("white space"), reply::toString);
        }
    }

    @Test
    void servesAPublicPathWithoutToken() {
        Map<String, String> seen = http.get(app().resolve("health"), null).echo();

        assertEquals("", seen.get("principal"));
        assertEquals("false", seen.get("role." + READ));
    }

    protected URI projectsOf(String organization) {
        return app().resolve("orgs/" + organization + "/projects/7");
    }

    @Test
    void letsATokenForThePathsOrganizationThroughAndShowsTheAppTheOrganization() {
        Reply reply = http.get(projectsOf(ORG_A), tenant().tokenInOrganization(ORG_A));

        assertEquals(200, reply.status(), reply::toString);
        Map<String, String> seen = reply.echo();
        assertAll(
                () -> assertEquals(ORG_A, seen.get("token.organization")),
                () -> assertEquals(API, seen.get("token.audiences")),
                () -> assertEquals("true", seen.get("role." + READ_PROJECTS)));
    }

    @Test
    void forbidsATokenForAnotherOrganizationNamingBoth() {
        Reply reply = http.get(projectsOf(ORG_B), tenant().tokenInOrganization(ORG_A));

        assertEquals(403, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        String description = challenge.getOrDefault("error_description", "");
        assertAll(
                () -> assertEquals("insufficient_scope", challenge.get("error"), challenge::toString),
                () -> assertEquals(READ_PROJECTS, challenge.get("scope"), challenge::toString),
                () -> assertTrue(description.contains("the token is for organization 'org-a' but the path names"
                        + " organization 'org-b'"), description),
                () -> assertTrue(description.contains("organization_id=org-b"), description),
                () -> assertTrue(reply.body().contains("insufficient_scope"), reply::toString));
    }

    @Test
    void forbidsATokenForNoOrganizationOnAPathThatNamesOne() {
        Reply reply = http.get(projectsOf(ORG_A), tenant().readToken());

        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.bearerChallenge().getOrDefault("error_description", "").contains("for no organization"),
                reply::toString);
    }

    @Test
    void letsAnOrganizationTokenThroughOnItsOrganizationsPathWithItsPermissionsAsRoles() {
        Reply reply = http.get(projectsOf(ORG_A), tenant().organizationToken(ORG_A));

        assertEquals(200, reply.status(), reply::toString);
        Map<String, String> seen = reply.echo();
        assertAll(
                () -> assertEquals(ORG_A, seen.get("token.organization")),
                () -> assertEquals("urn:logto:organization:" + ORG_A, seen.get("token.audiences")),
                () -> assertEquals("true", seen.get("role." + READ_PROJECTS)),
                () -> assertEquals(403, http.get(projectsOf(ORG_B), tenant().organizationToken(ORG_A)).status()));
    }

    @Test
    void refusesAnOrganizationTokenOnAPathThatNamesNoOrganization() {
        Reply reply = http.get(products(), tenant().organizationToken(ORG_A));

        assertEquals(401, reply.status(), reply::toString);
        assertEquals("invalid_token", reply.bearerChallenge().get("error"), reply::toString);
    }
}
