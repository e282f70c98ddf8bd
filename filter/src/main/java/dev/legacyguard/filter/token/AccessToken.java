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

    private final String subject;
    private final String clientId;
    private final Set<String> scopes;
    private final List<String> audiences;
    private final String organizationId;
    private final Instant expiresAt;
    private final String issuer;
    private final Map<String, Object> claims;

    private AccessToken(Map<String, Object> claims, List<String> audiences, long expiresAtSeconds) {
        this.claims = claims;
        this.subject = string(claims.get("sub"));
        this.clientId = string(claims.get("client_id"));
        this.organizationId = string(claims.get("organization_id"));
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

    /** {@code organization_id}; null for tokens that are not organization-level. */
    public String organizationId() {
        return organizationId;
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
                + ", scope=" + scopes + ", exp=" + expiresAt + "}";
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
