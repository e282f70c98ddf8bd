package dev.legacyguard.devissuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.http.DevIssuer;
import dev.legacyguard.testissuer.TestIssuer;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends the same token requests to the development issuer and to the real oidc-provider test
 * issuer (configured like Logto) with the same apps, resources and roles, and checks that both
 * answer in the same shape: status, JSON fields and their types, JWT header and claims, and the
 * meaning of {@code aud}, {@code sub}, {@code client_id}, {@code scope} and {@code expires_in}.
 */
class LogtoShapeComparisonTest {

    static final String PRODUCTS = "https://products.legacy.example/api";
    static final String REPORTS = "https://reports.legacy.example/api";
    static final String ORG = "195o7u492pqf";

    private static TestIssuer reference;
    private static DevIssuer dev;

    @BeforeAll
    static void startBothIssuers() throws Exception {
        reference = TestIssuer.builder()
                .resource(PRODUCTS, 3600, "read:products", "write:products")
                .resource(REPORTS, 60, "read:reports")
                .app("reader", "reader-secret", PRODUCTS, "read:products")
                .app("editor", "editor-secret", PRODUCTS, "read:products", "write:products")
                .app("editor", "editor-secret", REPORTS, "read:reports")
                .app("outsider", "outsider-secret", REPORTS)
                .organization(ORG, "read:inventory", "write:inventory")
                .organizationMember(ORG, "reader", "read:inventory")
                .organizationGrant(ORG, "reader", PRODUCTS, "read:products")
                .allowTokenExchange("editor")
                .user("alice", "alice-pat-1", PRODUCTS, "read:products")
                .user("alice", "alice-pat-2", REPORTS, "read:reports")
                .start();
        Properties properties = new Properties();
        properties.load(new StringReader(String.join("\n",
                "resource.products.indicator=" + PRODUCTS,
                "resource.products.scopes=read:products write:products",
                "resource.reports.indicator=" + REPORTS,
                "resource.reports.scopes=read:reports",
                "resource.reports.access-token-ttl=60",
                "role.product-reader.products=read:products",
                "role.product-editor.products=read:products write:products",
                "role.report-reader.reports=read:reports",
                "app.reader.secret=reader-secret",
                "app.reader.roles=product-reader",
                "app.editor.secret=editor-secret",
                "app.editor.roles=product-editor, report-reader",
                "app.editor.allow-token-exchange=true",
                "user.alice.personal-access-tokens=alice-pat-1, alice-pat-2",
                "user.alice.roles=product-reader, report-reader",
                "app.outsider.secret=outsider-secret",
                "organization-role.auditor.permissions=read:inventory",
                "organization-role.auditor.products=read:products",
                "organization." + ORG + ".app.reader=auditor")));
        dev = DevIssuer.start(IssuerConfig.parse(properties, "test"), "127.0.0.1", 0,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopBothIssuers() {
        if (dev != null) {
            dev.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    static Stream<TokenRequest> grantedRequests() {
        return Stream.of(
                TokenRequest.named("reader asks for read and write: write is dropped")
                        .basic("reader", "reader-secret").param("resource", PRODUCTS)
                        .param("scope", "read:products write:products"),
                TokenRequest.named("editor asks for write and read: both, in the order asked")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS)
                        .param("scope", "write:products read:products"),
                TokenRequest.named("no scope asked: scope is left out")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS),
                TokenRequest.named("app without a role on the resource: scope is left out")
                        .basic("outsider", "outsider-secret").param("resource", PRODUCTS).param("scope", "read:products"),
                TokenRequest.named("scope unknown to the resource is dropped")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS).param("scope", "delete:products read:products"),
                TokenRequest.named("client_secret_post")
                        .post("reader", "reader-secret").param("resource", PRODUCTS).param("scope", "read:products"),
                TokenRequest.named("organization token: the permissions the organization roles hold, others dropped")
                        .basic("reader", "reader-secret").param("organization_id", ORG)
                        .param("scope", "read:inventory write:inventory"),
                TokenRequest.named("organization_id with a resource: the organization roles' scopes, claim organization_id")
                        .basic("reader", "reader-secret").param("resource", PRODUCTS).param("organization_id", ORG)
                        .param("scope", "read:products write:products"),
                TokenRequest.named("the resource's own token lifetime")
                        .basic("editor", "editor-secret").param("resource", REPORTS).param("scope", "read:reports"));
    }

    static Stream<TokenRequest> exchangeRequests() {
        return Stream.of(
                TokenRequest.exchange("exchange: the user's roles decide, write is dropped", "alice-pat-1")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS)
                        .param("scope", "write:products read:products"),
                TokenRequest.exchange("exchange of the user's second token, the resource's own lifetime", "alice-pat-2")
                        .basic("editor", "editor-secret").param("resource", REPORTS).param("scope", "read:reports"),
                TokenRequest.exchange("exchange without scope: scope is left out", "alice-pat-1")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS),
                TokenRequest.exchange("exchange with client_secret_post", "alice-pat-1")
                        .post("editor", "editor-secret").param("resource", PRODUCTS).param("scope", "read:products"));
    }

    static Stream<TokenRequest> refusedRequests() {
        return Stream.of(
                TokenRequest.exchange("exchange by an app not allowed token exchange", "alice-pat-1")
                        .basic("reader", "reader-secret").param("resource", PRODUCTS),
                TokenRequest.exchange("exchange of an unknown personal access token", "not-a-pat")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS),
                TokenRequest.exchange("exchange without subject_token", "").basic("editor", "editor-secret")
                        .param("resource", PRODUCTS),
                TokenRequest.named("exchange with another subject_token_type").withoutGrantType()
                        .param("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                        .param("subject_token", "alice-pat-1")
                        .param("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                        .basic("editor", "editor-secret").param("resource", PRODUCTS),
                TokenRequest.named("exchange without subject_token_type").withoutGrantType()
                        .param("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                        .param("subject_token", "alice-pat-1").basic("editor", "editor-secret").param("resource", PRODUCTS),
                TokenRequest.exchange("exchange for an unknown resource", "alice-pat-1").basic("editor", "editor-secret")
                        .param("resource", "https://unknown.legacy.example/api"),
                TokenRequest.exchange("exchange without resource", "alice-pat-1").basic("editor", "editor-secret"),
                TokenRequest.exchange("exchange for two resources", "alice-pat-1").basic("editor", "editor-secret")
                        .param("resource", PRODUCTS).param("resource", REPORTS),
                TokenRequest.exchange("exchange for a resource that is not an absolute URI", "alice-pat-1")
                        .basic("editor", "editor-secret").param("resource", "products"),
                TokenRequest.exchange("exchange with a wrong App Secret", "alice-pat-1").basic("editor", "wrong")
                        .param("resource", PRODUCTS),
                TokenRequest.named("unknown resource").basic("reader", "reader-secret")
                        .param("resource", "https://unknown.legacy.example/api"),
                TokenRequest.named("app outside the organization").basic("editor", "editor-secret")
                        .param("organization_id", ORG),
                TokenRequest.named("app outside the organization, with a resource").basic("editor", "editor-secret")
                        .param("organization_id", ORG).param("resource", PRODUCTS),
                TokenRequest.named("unknown organization").basic("reader", "reader-secret").param("organization_id", "nope"),
                TokenRequest.named("no resource").basic("reader", "reader-secret").param("scope", "read:products"),
                TokenRequest.named("two resources").basic("editor", "editor-secret")
                        .param("resource", PRODUCTS).param("resource", REPORTS),
                TokenRequest.named("resource that is not an absolute URI").basic("reader", "reader-secret")
                        .param("resource", "products"),
                TokenRequest.named("resource with a fragment").basic("reader", "reader-secret")
                        .param("resource", PRODUCTS + "#x"),
                TokenRequest.named("unknown App ID").basic("nobody", "reader-secret").param("resource", PRODUCTS),
                TokenRequest.named("wrong App Secret, Basic").basic("reader", "wrong").param("resource", PRODUCTS),
                TokenRequest.named("wrong App Secret, client_secret_post").post("reader", "wrong").param("resource", PRODUCTS),
                TokenRequest.named("App ID in the body without a secret").param("client_id", "reader").param("resource", PRODUCTS),
                TokenRequest.named("no credentials").param("resource", PRODUCTS),
                TokenRequest.named("Basic header that is not base64").authorization("Basic !!!").param("resource", PRODUCTS),
                TokenRequest.named("Bearer instead of Basic").authorization("Bearer abc").param("resource", PRODUCTS),
                TokenRequest.named("empty App Secret in Basic").basic("reader", "").param("resource", PRODUCTS),
                TokenRequest.named("Basic and client_secret_post at once").basic("reader", "reader-secret")
                        .post("reader", "reader-secret").param("resource", PRODUCTS),
                TokenRequest.named("Basic and a different client_id").basic("reader", "reader-secret")
                        .param("client_id", "editor").param("resource", PRODUCTS),
                TokenRequest.named("scope given twice").basic("reader", "reader-secret").param("resource", PRODUCTS)
                        .param("scope", "read:products").param("scope", "write:products"),
                TokenRequest.named("grant type missing").withoutGrantType().basic("reader", "reader-secret")
                        .param("resource", PRODUCTS),
                TokenRequest.named("password grant").withoutGrantType().param("grant_type", "password")
                        .basic("reader", "reader-secret").param("resource", PRODUCTS),
                TokenRequest.named("JSON body").contentType("application/json").basic("reader", "reader-secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grantedRequests")
    void grantsTokensOfTheSameShape(TokenRequest request) throws Exception {
        List<Map<String, Object>> claims = assertSameShape(request);
        for (Map<String, Object> each : claims) {
            assertEquals(each.get("sub"), each.get("client_id"), "sub is the App ID for M2M");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchangeRequests")
    void exchangesPersonalAccessTokensForTokensOfTheSameShape(TokenRequest request) throws Exception {
        List<Map<String, Object>> claims = assertSameShape(request);
        for (Map<String, Object> each : claims) {
            assertEquals("alice", each.get("sub"), "sub is the user whose personal access token was exchanged");
            assertEquals("editor", each.get("client_id"), "client_id is the app that exchanged it");
        }
    }

    /** Both issuers' claims, after checking that the answers and tokens have the same shape and meaning. */
    private static List<Map<String, Object>> assertSameShape(TokenRequest request) throws Exception {
        TokenRequest.Answer expected = request.sendTo(reference.tokenEndpoint());
        TokenRequest.Answer actual = request.sendTo(dev.tokenEndpoint());

        assertEquals(200, expected.status(), "reference issuer: " + expected.body());
        assertEquals(200, actual.status(), "dev issuer: " + actual.body());
        assertEquals(types(expected.body()), types(actual.body()), "token response fields and types");
        assertEquals(expected.body().get("token_type"), actual.body().get("token_type"));
        assertEquals(expected.body().get("expires_in"), actual.body().get("expires_in"));
        assertEquals(expected.body().get("scope"), actual.body().get("scope"), "granted scope");

        JsonWebSignature expectedJws = header(expected.accessToken());
        JsonWebSignature actualJws = header(actual.accessToken());
        assertEquals(JsonUtil.parseJson(expectedJws.getHeaders().getFullHeaderAsJsonString()).keySet(),
                JsonUtil.parseJson(actualJws.getHeaders().getFullHeaderAsJsonString()).keySet(), "JWT header fields");
        assertEquals(expectedJws.getAlgorithmHeaderValue(), actualJws.getAlgorithmHeaderValue());
        assertEquals(expectedJws.getHeader("typ"), actualJws.getHeader("typ"));

        Map<String, Object> expectedClaims = verifiedClaims(reference.jwksUri(), reference.issuer(), expected.accessToken());
        Map<String, Object> actualClaims = verifiedClaims(dev.jwksUri(), dev.issuer(), actual.accessToken());
        assertEquals(types(expectedClaims), types(actualClaims), "claim names and types");
        assertEquals(List.copyOf(expectedClaims.keySet()), List.copyOf(actualClaims.keySet()),
                "claim order");
        assertEquals(expectedClaims.get("sub"), actualClaims.get("sub"));
        assertEquals(expectedClaims.get("client_id"), actualClaims.get("client_id"));
        assertEquals(expectedClaims.get("aud"), actualClaims.get("aud"), "aud is the indicator, as a string");
        assertEquals(expectedClaims.get("scope"), actualClaims.get("scope"));
        assertEquals(actual.body().get("scope"), actualClaims.get("scope"), "token scope equals the response scope");
        assertEquals(((String) expectedClaims.get("jti")).length(), ((String) actualClaims.get("jti")).length());
        assertEquals(lifetime(expectedClaims), lifetime(actualClaims), "exp - iat");
        assertEquals(((Number) actual.body().get("expires_in")).longValue(), lifetime(actualClaims));
        return List.of(expectedClaims, actualClaims);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusesWithTheSameStatusAndError(TokenRequest request) throws Exception {
        TokenRequest.Answer expected = request.sendTo(reference.tokenEndpoint());
        TokenRequest.Answer actual = request.sendTo(dev.tokenEndpoint());

        assertEquals(expected.status(), actual.status(), "status; reference answered " + expected.body()
                + ", dev issuer " + actual.body());
        String answers = "reference answered " + expected.body() + ", dev issuer " + actual.body();
        assertEquals(expected.body().keySet(), actual.body().keySet(), "error fields; " + answers);
        assertEquals(expected.body().get("code"), actual.body().get("code"), answers);
        assertEquals(expected.body().get("error"), actual.body().get("error"), answers);
        assertEquals(expected.body().get("error_description"), actual.body().get("error_description"), answers);
        assertEquals(expected.wwwAuthenticate() == null, actual.wwwAuthenticate() == null, "WWW-Authenticate present");
        if (expected.wwwAuthenticate() != null) {
            assertEquals(expected.wwwAuthenticate().replace(reference.issuer(), "ISSUER"),
                    actual.wwwAuthenticate().replace(dev.issuer(), "ISSUER"));
        }
    }

    @Test
    void publishesTheSigningKeyUnderItsRfc7638Thumbprint() throws Exception {
        String token = TokenRequest.named("a token").basic("reader", "reader-secret").param("resource", PRODUCTS)
                .sendTo(dev.tokenEndpoint()).accessToken();
        JsonWebKeySet jwks = new JsonWebKeySet(get(dev.jwksUri()).body());
        String kid = header(token).getKeyIdHeaderValue();
        JsonWebKey key = jwks.getJsonWebKeys().stream().filter(k -> kid.equals(k.getKeyId())).findFirst().orElseThrow();
        assertEquals(key.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256), kid);
        assertEquals("ES384", key.getAlgorithm());
        assertEquals("sig", key.getUse());
        assertNull(key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).get("d"), "no private part published");
    }

    @Test
    void publishesItsSigningKeyWithTheSameFieldsAsTheReference() throws Exception {
        assertEquals(signingKeyFields(reference.tokenEndpoint(), reference.jwksUri()),
                signingKeyFields(dev.tokenEndpoint(), dev.jwksUri()));
    }

    /** The JWK fields (and the kty, crv, alg and use values) of the key that signed a fresh token. */
    private static Map<String, Object> signingKeyFields(String tokenEndpoint, String jwksUri) throws Exception {
        String token = TokenRequest.named("a token").basic("reader", "reader-secret").param("resource", PRODUCTS)
                .sendTo(tokenEndpoint).accessToken();
        String kid = header(token).getKeyIdHeaderValue();
        Map<String, Object> key = new JsonWebKeySet(get(jwksUri).body()).getJsonWebKeys().stream()
                .filter(k -> kid.equals(k.getKeyId())).findFirst().orElseThrow()
                .toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        Map<String, Object> fields = new TreeMap<>();
        key.forEach((name, value) -> fields.put(name, Set.of("kty", "crv", "alg", "use").contains(name) ? value : "*"));
        return fields;
    }

    @Test
    void servesDiscoveryThatPointsAtItsOwnEndpoints() throws Exception {
        for (String path : new String[] {"openid-configuration", "oauth-authorization-server"}) {
            Map<String, Object> expected = JsonUtil.parseJson(get(reference.issuer() + "/.well-known/" + path).body());
            Map<String, Object> actual = JsonUtil.parseJson(get(dev.issuer() + "/.well-known/" + path).body());
            for (String field : new String[] {"issuer", "jwks_uri", "token_endpoint"}) {
                assertEquals(((String) expected.get(field)).replace(reference.endpoint(), "E"),
                        ((String) actual.get(field)).replace(dev.endpoint(), "E"), field);
            }
            assertEquals(expected.get("token_endpoint_auth_methods_supported"),
                    actual.get("token_endpoint_auth_methods_supported"));
            assertTrue(((List<?>) actual.get("grant_types_supported")).contains("client_credentials"));
        }
    }

    private static Map<String, String> types(Map<String, Object> json) {
        Map<String, String> types = new TreeMap<>();
        json.forEach((name, value) -> types.put(name, value instanceof Number ? "number" : value.getClass().getSimpleName()));
        return types;
    }

    private static long lifetime(Map<String, Object> claims) {
        return ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
    }

    private static JsonWebSignature header(String token) throws Exception {
        assertNotNull(token, "no access_token");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws;
    }

    /** The claims, in the order the issuer wrote them, after checking the signature against its JWKS. */
    private static Map<String, Object> verifiedClaims(String jwksUri, String issuer, String token) throws Exception {
        new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwksUri)))
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setExpectedType(true, "at+jwt")
                .setRequireExpirationTime()
                .build()
                .process(token);
        return JsonUtil.parseJson(header(token).getUnverifiedPayload());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
