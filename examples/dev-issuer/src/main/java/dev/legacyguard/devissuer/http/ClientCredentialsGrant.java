package dev.legacyguard.devissuer.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.legacyguard.devissuer.config.ApiResource;
import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.config.M2mApp;
import dev.legacyguard.devissuer.token.AccessTokenMinter;

/**
 * The client-credentials grant as Logto runs it: exactly one known {@code resource}; requested
 * scopes the app's M2M roles do not grant are dropped without an error.
 */
final class ClientCredentialsGrant {

    /** What was issued, for the token response and the console line. */
    record Issued(String appId, String accessToken, long expiresIn, List<String> grantedScopes, List<String> droppedScopes,
            ApiResource resource) {

        Map<String, Object> responseBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", accessToken);
            body.put("expires_in", expiresIn);
            if (!grantedScopes.isEmpty()) {
                body.put("scope", String.join(" ", grantedScopes));
            }
            body.put("token_type", "Bearer");
            return body;
        }
    }

    private final IssuerConfig config;
    private final AccessTokenMinter minter;

    ClientCredentialsGrant(IssuerConfig config, AccessTokenMinter minter) {
        this.config = config;
        this.minter = minter;
    }

    Issued grant(M2mApp app, FormParameters form) throws OidcError {
        ApiResource resource = resource(form.all("resource"));
        Set<String> requested = new LinkedHashSet<>();
        String scope = form.single("scope");
        if (scope != null) {
            requested.addAll(Arrays.asList(scope.trim().split("\\s+")));
        }
        requested.remove("");
        Set<String> held = app.grantedScopes(resource.indicator());
        List<String> granted = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String s : requested) {
            (held.contains(s) ? granted : dropped).add(s);
        }
        String token = minter.mint(app.id(), resource.indicator(), granted, resource.accessTokenTtlSeconds());
        return new Issued(app.id(), token, resource.accessTokenTtlSeconds(), granted, dropped, resource);
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
