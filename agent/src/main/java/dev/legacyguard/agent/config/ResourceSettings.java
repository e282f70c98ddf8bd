package dev.legacyguard.agent.config;

import java.util.Collections;
import java.util.List;

import dev.legacyguard.agent.match.UrlPrefix;

/** One {@code logto.resource.NAME.*} block: an API resource and the URLs that get its token. */
public final class ResourceSettings {

    /** The {@code aud} of Logto's organization tokens, before the organization's ID. */
    private static final String ORGANIZATION_AUDIENCE = "urn:logto:organization:";

    private final String name;
    private final String indicator;
    private final String organizationId;
    private final List<UrlPrefix> urls;
    private final List<String> scopes;
    private final boolean plainHttpThroughProxy;

    ResourceSettings(String name, String indicator, String organizationId, List<UrlPrefix> urls, List<String> scopes,
            boolean plainHttpThroughProxy) {
        this.name = name;
        this.indicator = indicator;
        this.organizationId = organizationId;
        this.urls = Collections.unmodifiableList(urls);
        this.scopes = Collections.unmodifiableList(scopes);
        this.plainHttpThroughProxy = plainHttpThroughProxy;
    }

    /** NAME in {@code logto.resource.NAME.*}. */
    public String name() {
        return name;
    }

    /**
     * The API resource indicator, sent as {@code resource} in the token request; null for an
     * organization token (only {@link #organizationId()} configured).
     */
    public String indicator() {
        return indicator;
    }

    /**
     * The Logto organization the token is for, sent as {@code organization_id}; null when none
     * is configured. With an indicator, Logto's token is for the API and carries claim
     * {@code organization_id}; without one it is an organization token.
     */
    public String organizationId() {
        return organizationId;
    }

    /**
     * What the token is for, for messages: the indicator, the indicator "in organization" the
     * organization, or an organization token's {@code aud}.
     */
    public String target() {
        if (indicator == null) {
            return ORGANIZATION_AUDIENCE + organizationId;
        }
        return organizationId == null ? indicator : indicator + " in organization " + organizationId;
    }

    public List<UrlPrefix> urls() {
        return urls;
    }

    /** Scopes to request; empty when none is configured. */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * Whether a plain-http request through a forward proxy gets the token
     * ({@code logto.resource.NAME.via-proxy=allow}); the proxy reads it like everything else.
     */
    public boolean plainHttpThroughProxy() {
        return plainHttpThroughProxy;
    }

    /** Config key of one of this resource's attributes, e.g. {@code logto.resource.shop.urls}. */
    public String key(String attribute) {
        return "logto.resource." + name + "." + attribute;
    }
}
