package dev.legacyguard.devissuer.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user: the roles assigned to them and the scopes those roles grant, per resource indicator. */
public record User(String id, List<String> roles, Map<String, Set<String>> grantsByIndicator) {
    public User {
        roles = List.copyOf(roles);
        grantsByIndicator = Map.copyOf(grantsByIndicator);
    }

    public Set<String> grantedScopes(String indicator) {
        return grantsByIndicator.getOrDefault(indicator, Set.of());
    }
}
