package dev.legacyguard.devissuer.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.legacyguard.devissuer.config.ApiResource;
import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.config.M2mApp;
import dev.legacyguard.devissuer.config.OrganizationMembership;

/**
 * The client-credentials grant as Logto runs it: exactly one known {@code resource}; requested
 * scopes the app's M2M roles do not grant are dropped without an error. With
 * {@code organization_id}, the app's organization roles decide instead, and without a resource
 * the token is an organization token ({@code aud} {@code urn:logto:organization:<id>}).
 */
final class ClientCredentialsGrant {

    private static final String ORGANIZATION_AUDIENCE = "urn:logto:organization:";
    private static final long ORGANIZATION_TOKEN_TTL_SECONDS = 3600;

    private final IssuerConfig config;
    private final ScopedTokens tokens;

    ClientCredentialsGrant(IssuerConfig config, ScopedTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    Issued grant(M2mApp app, FormParameters form) throws OidcError {
        String organizationId = form.single("organization_id");
        List<String> indicators = form.all("resource");
        Set<String> requested = ScopedTokens.requested(form);
        if (organizationId == null) {
            ApiResource resource = resource(indicators);
            return issue(app, resource.indicator(), null, requested, app.grantedScopes(resource.indicator()),
                    resource.accessTokenTtlSeconds());
        }
        OrganizationMembership membership = config.membership(organizationId, app.id())
                .orElseThrow(OidcError::notInOrganization);
        if (indicators.isEmpty()) {
            return issue(app, ORGANIZATION_AUDIENCE + organizationId, null, requested, membership.permissions(),
                    ORGANIZATION_TOKEN_TTL_SECONDS);
        }
        ApiResource resource = resource(indicators);
        return issue(app, resource.indicator(), organizationId, requested, membership.grantedScopes(resource.indicator()),
                resource.accessTokenTtlSeconds());
    }

    private Issued issue(M2mApp app, String audience, String organizationId, Set<String> requested, Set<String> held,
            long ttlSeconds) {
        return tokens.issue(app.id(), app.id(), audience, organizationId, requested, held, ttlSeconds);
    }

    /**
     * Logto answers {@code invalid_target} when the resource is missing (no default API),
     * unknown, or given more than once.
     */
    private ApiResource resource(List<String> indicators) throws OidcError {
        List<ApiResource> found = new ArrayList<>();
        for (String indicator : indicators) {
            if (!IssuerConfig.isAbsoluteWithoutFragment(indicator)) {
                throw OidcError.invalidTarget(indicator.contains("#")
                        ? "resource indicator must not contain a fragment component"
                        : "resource indicator must be an absolute URI");
            }
            found.add(config.resource(indicator)
                    .orElseThrow(() -> OidcError.invalidTarget("resource indicator is missing, or unknown")));
        }
        if (found.isEmpty()) {
            // Logto 1.42's words: without resource, only organization_id could have named a target.
            throw OidcError.invalidTarget("both `resource` and `organization_id` are not provided");
        }
        if (found.size() > 1) {
            throw OidcError.invalidTarget("only a single resource indicator value is supported for this grant type");
        }
        return found.get(0);
    }
}
