package dev.legacyguard.filter.it.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.legacyguard.testissuer.TestIssuer;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The Logto tenant of the integration tests: a products API, an API it does not protect, an
 * API whose tokens live one second, M2M apps holding different scopes, and two organizations,
 * the reader a member of the first.
 */
public final class ProductsTenant implements AutoCloseable {

    public static final String API = "https://api.example.com/products";
    public static final String OTHER_API = "https://billing.example.com";
    public static final String SHORT_LIVED_API = "https://short.example.com";
    public static final String READ = "read:products";
    public static final String WRITE = "write:products";
    /** Granted by the reader's organization role in {@link #ORG_A}: as an organization permission and on the API. */
    public static final String READ_PROJECTS = "read:projects";
    public static final String ORG_A = "org-a";
    public static final String ORG_B = "org-b";

    private final TestIssuer issuer;

    private ProductsTenant(TestIssuer issuer) {
        this.issuer = issuer;
    }

    public static ProductsTenant start() {
        return new ProductsTenant(TestIssuer.builder()
                .resource(API, 3600, READ, WRITE, READ_PROJECTS)
                .resource(OTHER_API, 3600, READ)
                .resource(SHORT_LIVED_API, 1, READ)
                .app("reader", "reader-secret", API, READ)
                .app("reader", "reader-secret", OTHER_API, READ)
                .app("reader", "reader-secret", SHORT_LIVED_API, READ)
                .app("writer", "writer-secret", API, READ, WRITE)
                .organization(ORG_A, READ_PROJECTS)
                .organization(ORG_B, READ_PROJECTS)
                .organizationMember(ORG_A, "reader", READ_PROJECTS)
                .organizationGrant(ORG_A, "reader", API, READ_PROJECTS)
                .start());
    }

    public TestIssuer issuer() {
        return issuer;
    }

    /** {@code logto.audience}: the APIs whose tokens the test apps accept. */
    public static String audiences() {
        return API + "," + SHORT_LIVED_API;
    }

    /** The WAR configured to trust this tenant: its endpoint and {@link #audiences()} appended to logto.properties. */
    public ExplodedWar trustedBy(ExplodedWar war) {
        return war.property("logto.endpoint", issuer.endpoint()).property("logto.audience", audiences());
    }

    public String readToken() {
        return issuer.accessToken("reader", "reader-secret", API, READ);
    }

    public String writeToken() {
        return issuer.accessToken("writer", "writer-secret", API, READ, WRITE);
    }

    /** A token for the API in {@code organization} (claim organization_id) with {@link #READ_PROJECTS}. */
    public String tokenInOrganization(String organization) {
        return issuer.accessTokenIn(organization, "reader", "reader-secret", API, READ_PROJECTS);
    }

    /** An organization token (aud urn:logto:organization:...) with the organization permission {@link #READ_PROJECTS}. */
    public String organizationToken(String organization) {
        return issuer.accessTokenIn(organization, "reader", "reader-secret", null, READ_PROJECTS);
    }

    /** A valid token, but for an API this app does not serve. */
    public String otherApiToken() {
        return issuer.accessToken("reader", "reader-secret", OTHER_API, READ);
    }

    /** A token whose {@code exp} is one second after its {@code iat}. */
    public String shortLivedToken() {
        return issuer.accessToken("reader", "reader-secret", SHORT_LIVED_API, READ);
    }

    /**
     * An opaque access token as Logto hands out to a user's sign-in without a resource: 43
     * base64url characters, not a JWT. Client credentials cannot get one (Logto 1.42 answers a
     * request without resource 400 invalid_target, and so does the test issuer), so it is made here.
     */
    public String opaqueToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public void close() {
        issuer.close();
    }

    /** The claims of a token, read without verifying it: for test bookkeeping only. */
    public static Map<String, Object> claimsOf(String jwt) {
        return json(jwt.split("\\.")[1]);
    }

    public static Map<String, Object> headerOf(String jwt) {
        return json(jwt.split("\\.")[0]);
    }

    /** The same token with its header's {@code kid} replaced: the signature no longer matters. */
    public static String withKid(String jwt, String kid) {
        Map<String, Object> header = new LinkedHashMap<>(headerOf(jwt));
        header.put("kid", kid);
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
        return encoded + jwt.substring(jwt.indexOf('.'));
    }

    private static Map<String, Object> json(String base64url) {
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new IllegalStateException("not a JSON token part: " + base64url, e);
        }
    }
}
