package dev.legacyguard.agent.token;

import java.util.Date;

/** One resource's MXBean: reads its token cache when jconsole asks; the token path does nothing for it. */
public final class ResourceStatus implements LogtoAgentResourceMXBean {

    private final ResourceTokens tokens;

    ResourceStatus(ResourceTokens tokens) {
        this.tokens = tokens;
    }

    /** The resource's configured name, as in {@code logto.resource.NAME.*}. */
    public String resourceName() {
        return tokens.resource().name();
    }

    @Override
    public String getResourceIndicator() {
        return tokens.resource().indicator();
    }

    @Override
    public String getOrganizationId() {
        return tokens.resource().organizationId();
    }

    @Override
    public String getTokenFingerprint() {
        CachedToken token = tokens.current();
        return token == null ? null : token.fingerprint;
    }

    @Override
    public long getSecondsToExpiry() {
        CachedToken token = tokens.current();
        return token == null ? -1 : Math.max(0, (token.expiresAt - tokens.nowMillis()) / 1000);
    }

    @Override
    public long getTokenRequests() {
        return tokens.tokenRequests();
    }

    @Override
    public String getLastFailure() {
        TokenFailure failure = tokens.latestFailure();
        return failure == null ? null : failure.getMessage();
    }

    @Override
    public Date getLastFailureTime() {
        return tokens.latestFailure() == null ? null : new Date(tokens.latestFailureAtMillis());
    }

    @Override
    public String[] getMissingScopes() {
        return tokens.missingScopes().toArray(new String[0]);
    }
}
