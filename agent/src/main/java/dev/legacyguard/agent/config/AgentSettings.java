package dev.legacyguard.agent.config;

import java.util.Collections;
import java.util.List;

/** The agent's configuration, validated as a whole and typed; immutable. Built by {@link AgentSettingsLoader}. */
public final class AgentSettings {

    private final String endpoint;
    private final String tokenEndpoint;
    private final String appId;
    private final String appSecret;
    private final OnTokenFailure onTokenFailure;
    private final boolean failFast;
    private final List<ResourceSettings> resources;

    AgentSettings(String endpoint, String tokenEndpoint, String appId, String appSecret,
            OnTokenFailure onTokenFailure, boolean failFast, List<ResourceSettings> resources) {
        this.endpoint = endpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.appId = appId;
        this.appSecret = appSecret;
        this.onTokenFailure = onTokenFailure;
        this.failFast = failFast;
        this.resources = Collections.unmodifiableList(resources);
    }

    /** The tenant endpoint, e.g. {@code https://tenant.logto.app}; null when only the token endpoint is set. */
    public String endpoint() {
        return endpoint;
    }

    /** Where tokens are requested: {@code logto.token-endpoint}, or the endpoint plus {@code /oidc/token}. */
    public String tokenEndpoint() {
        return tokenEndpoint;
    }

    public String appId() {
        return appId;
    }

    /** The App Secret. Never log it; log {@code Fingerprint.of(appSecret())} instead. */
    public String appSecret() {
        return appSecret;
    }

    public OnTokenFailure onTokenFailure() {
        return onTokenFailure;
    }

    public boolean failFast() {
        return failFast;
    }

    public List<ResourceSettings> resources() {
        return resources;
    }

    /** The key that names where tokens come from, for "check ..." advice. */
    public String tokenEndpointKey() {
        return endpoint == null ? AgentKeys.TOKEN_ENDPOINT.name() : AgentKeys.ENDPOINT.name();
    }
}
