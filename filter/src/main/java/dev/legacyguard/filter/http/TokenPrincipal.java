package dev.legacyguard.filter.http;

import java.security.Principal;

import dev.legacyguard.filter.token.AccessToken;

/** The caller as legacy code sees it through {@code getUserPrincipal()}: named by the token's {@code sub}. */
public final class TokenPrincipal implements Principal {
    private final AccessToken token;

    public TokenPrincipal(AccessToken token) {
        this.token = token;
    }

    /** {@code sub}; for a machine-to-machine token that is the App ID. */
    @Override
    public String getName() {
        return token.subject() != null ? token.subject() : token.clientId();
    }

    public AccessToken token() {
        return token;
    }

    @Override
    public String toString() {
        return "TokenPrincipal[" + getName() + "]";
    }
}
