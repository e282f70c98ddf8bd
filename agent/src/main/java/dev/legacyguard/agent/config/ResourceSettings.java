package dev.legacyguard.agent.config;

import java.util.Collections;
import java.util.List;

import dev.legacyguard.agent.match.UrlPrefix;

/** One {@code logto.resource.NAME.*} block: an API resource and the URLs that get its token. */
public final class ResourceSettings {

    private final String name;
    private final String indicator;
    private final List<UrlPrefix> urls;
    private final List<String> scopes;
    private final boolean plainHttpThroughProxy;

    ResourceSettings(String name, String indicator, List<UrlPrefix> urls, List<String> scopes,
            boolean plainHttpThroughProxy) {
        this.name = name;
        this.indicator = indicator;
        this.urls = Collections.unmodifiableList(urls);
        this.scopes = Collections.unmodifiableList(scopes);
        this.plainHttpThroughProxy = plainHttpThroughProxy;
    }

    /** NAME in {@code logto.resource.NAME.*}. */
    public String name() {
        return name;
    }

    /** The API resource indicator, sent as {@code resource} in the token request. */
    public String indicator() {
        return indicator;
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
