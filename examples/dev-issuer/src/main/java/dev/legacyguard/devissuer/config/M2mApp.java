package dev.legacyguard.devissuer.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A machine-to-machine application: its App ID, App Secret, the scopes its M2M roles grant, per
 * resource indicator, and whether it may exchange personal access tokens (the Console's
 * "Allow token exchange").
 */
public record M2mApp(String id, String secret, List<String> roles, Map<String, Set<String>> grantsByIndicator,
        boolean allowTokenExchange) {
    public M2mApp {
        roles = List.copyOf(roles);
        grantsByIndicator = Map.copyOf(grantsByIndicator);
    }

    public boolean secretMatches(String candidate) {
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    public Set<String> grantedScopes(String indicator) {
        return grantsByIndicator.getOrDefault(indicator, Set.of());
    }

    @Override
    public String toString() {
        return "M2mApp[id=" + id + ", roles=" + roles + ", allowTokenExchange=" + allowTokenExchange + "]";
    }
}
