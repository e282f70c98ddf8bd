package dev.legacyguard.devissuer.config;

import java.util.List;

/** An API resource as the Logto Console holds it: indicator, permissions (scopes) and token lifetime. */
public record ApiResource(String name, String indicator, List<String> scopes, long accessTokenTtlSeconds) {
    public ApiResource {
        scopes = List.copyOf(scopes);
    }
}
