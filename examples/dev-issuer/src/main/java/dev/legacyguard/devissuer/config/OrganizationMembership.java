package dev.legacyguard.devissuer.config;

import java.util.Map;
import java.util.Set;

/**
 * An app's place in one organization: the organization permissions and the API resource scopes
 * (per indicator) its organization roles hold there.
 */
public record OrganizationMembership(Set<String> permissions, Map<String, Set<String>> grantsByIndicator) {
    public OrganizationMembership {
        permissions = Set.copyOf(permissions);
        grantsByIndicator = Map.copyOf(grantsByIndicator);
    }

    public Set<String> grantedScopes(String indicator) {
        return grantsByIndicator.getOrDefault(indicator, Set.of());
    }
}
