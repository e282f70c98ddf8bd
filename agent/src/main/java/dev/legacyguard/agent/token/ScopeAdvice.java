package dev.legacyguard.agent.token;

import dev.legacyguard.agent.config.ResourceSettings;

/**
 * How to get the scopes Logto dropped: which roles hold them depends on whether the token is
 * asked for in an organization (its organization roles) or not (the app's M2M roles).
 */
public final class ScopeAdvice {

    private ScopeAdvice() {
    }

    /** The fix for requested scopes missing from a token for {@code resource} asked by app {@code appId}. */
    public static String howToGrant(ResourceSettings resource, String appId) {
        if (resource.organizationId() == null) {
            return "in Logto Console, assign an M2M role that holds them to app " + appId;
        }
        return "in Logto Console, open Organizations, organization " + resource.organizationId() + ", and give app "
                + appId + " an organization role that holds them" + (resource.indicator() == null
                ? " (organization permissions)" : " (the API resource's permissions on organization roles)");
    }
}
