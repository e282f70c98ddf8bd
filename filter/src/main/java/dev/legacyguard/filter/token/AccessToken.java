package dev.legacyguard.filter.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A verified Logto access token, as the application sees it (request attribute {@link #REQUEST_ATTRIBUTE}). */
public final class AccessToken {

    public static final String REQUEST_ATTRIBUTE = "dev.legacyguard.filter.token.AccessToken";
    /** How Logto spells the audience of an organization token: this prefix and the organization's id. */
    public static final String ORGANIZATION_AUDIENCE_PREFIX = "urn:logto:organization:";

    private final String subject;
    private final String clientId;
    private final Set<String> scopes;
    private final List<String> audiences;
    private final String organizationId;
    private final boolean organizationToken;
    private final Instant expiresAt;
    private final String issuer;
    private final Map<String, Object> claims;

    private AccessToken(Map<String, Object> claims, List<String> audiences, long expiresAtSeconds) {
        this.claims = claims;
        this.subject = string(claims.get("sub"));
        this.clientId = string(claims.get("client_id"));
        String audienceOrganization = organizationOf(audiences);
        this.organizationToken = audienceOrganization != null;
        this.organizationId = organizationToken ? audienceOrganization : string(claims.get("organization_id"));
        this.issuer = string(claims.get("iss"));
        this.scopes = scopes(claims.get("scope"));
        this.audiences = audiences;
        this.expiresAt = Instant.ofEpochSecond(expiresAtSeconds);
    }

    /**
     * @param claims verified, and unmodifiable all the way down as the shared JSON reader builds
     *     them, so they are kept as they are: copying them cost about a microsecond per new token
     */
    static AccessToken of(Map<String, Object> claims, List<String> audiences, long expiresAtSeconds) {
        return new AccessToken(claims, Collections.unmodifiableList(new ArrayList<>(audiences)), expiresAtSeconds);
    }

    /** {@code sub}: for a machine-to-machine token, the App ID. */
    public String subject() {
        return subject;
    }

    public String clientId() {
        return clientId;
    }

    /** The space-separated {@code scope} claim; empty when absent or "". */
    public Set<String> scopes() {
        return scopes;
    }

    public List<String> audiences() {
        return audiences;
    }

    /**
     * The organization the token is for: {@code organization_id} of a token for an API resource,
     * or the id in the {@code aud} of an organization token; null for tokens of neither kind.
     */
    public String organizationId() {
        return organizationId;
    }

    /**
     * True for an organization token ({@code aud} is {@code urn:logto:organization:<id>}, its
     * {@code scope} the organization permissions), which the filter accepts only where
     * {@code logto.organization-tokens=accept} and a rule binds the path to an organization.
     */
    public boolean isOrganizationToken() {
        return organizationToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String issuer() {
        return issuer;
    }

    /** Every claim, unmodifiable (nested lists and objects too). */
    public Map<String, Object> claims() {
        return claims;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "AccessToken{sub=" + subject + ", client_id=" + clientId + ", aud=" + audiences
                + ", scope=" + scopes + (organizationId == null ? "" : ", organization=" + organizationId)
                + ", exp=" + expiresAt + "}";
    }

    /** The organization id of an organization token's only audience; null when the audience is not one. */
    static String organizationOf(List<String> audiences) {
        if (audiences == null || audiences.size() != 1) {
            return null;
        }
        String audience = audiences.get(0);
        return audience.startsWith(ORGANIZATION_AUDIENCE_PREFIX) && audience.length() > ORGANIZATION_AUDIENCE_PREFIX.length()
                ? audience.substring(ORGANIZATION_AUDIENCE_PREFIX.length()) : null;
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }

    private static Set<String> scopes(Object scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope instanceof String) {
            for (String s : ((String) scope).split(" ")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
