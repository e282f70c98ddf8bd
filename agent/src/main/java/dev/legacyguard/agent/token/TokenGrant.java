package dev.legacyguard.agent.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A successful token answer: the access token, its lifetime and the scopes Logto granted. */
public final class TokenGrant {

    private final String accessToken;
    private final long expiresInSeconds;
    private final Set<String> grantedScopes;
    private final List<String> missingScopes;

    TokenGrant(String accessToken, long expiresInSeconds, Set<String> grantedScopes, List<String> requestedScopes) {
        this.accessToken = accessToken;
        this.expiresInSeconds = expiresInSeconds;
        this.grantedScopes = Collections.unmodifiableSet(new LinkedHashSet<>(grantedScopes));
        List<String> missing = new ArrayList<>();
        for (String scope : requestedScopes) {
            if (!grantedScopes.contains(scope)) {
                missing.add(scope);
            }
        }
        this.missingScopes = Collections.unmodifiableList(missing);
    }

    /** The token itself. Never log it; log {@code Fingerprint.of(accessToken())}. */
    public String accessToken() {
        return accessToken;
    }

    public long expiresInSeconds() {
        return expiresInSeconds;
    }

    public Set<String> grantedScopes() {
        return grantedScopes;
    }

    /** Requested scopes the answer lacks: Logto drops, without an error, scopes the app's M2M roles do not hold. */
    public List<String> missingScopes() {
        return missingScopes;
    }
}
