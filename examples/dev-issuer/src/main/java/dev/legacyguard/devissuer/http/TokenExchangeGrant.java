package dev.legacyguard.devissuer.http;

import java.util.Optional;

import dev.legacyguard.devissuer.config.ApiResource;
import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.config.M2mApp;
import dev.legacyguard.devissuer.config.User;

/**
 * Logto's token exchange of a user's personal access token by an app allowed token exchange: the
 * token's {@code sub} is the user, {@code client_id} the app, and the requested scopes the user's
 * roles hold on the one {@code resource} are granted, others dropped.
 */
final class TokenExchangeGrant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String PERSONAL_ACCESS_TOKEN = "urn:logto:token-type:personal_access_token";

    private final IssuerConfig config;
    private final ScopedTokens tokens;

    TokenExchangeGrant(IssuerConfig config, ScopedTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    Issued grant(M2mApp app, FormParameters form) throws OidcError {
        if (!app.allowTokenExchange()) {
            throw OidcError.invalidRequest("requested grant type is not allowed for this client");
        }
        if (!PERSONAL_ACCESS_TOKEN.equals(form.single("subject_token_type"))) {
            throw OidcError.invalidRequest("unsupported subject token type");
        }
        String personalAccessToken = form.single("subject_token");
        User user = Optional.ofNullable(personalAccessToken).flatMap(config::userByPersonalAccessToken)
                .orElseThrow(OidcError::invalidGrant);
        // Unlike client credentials, Logto checks no URI form here: anything but a known indicator is unknown.
        ApiResource resource = Optional.ofNullable(form.single("resource")).flatMap(config::resource)
                .orElseThrow(() -> OidcError.invalidTarget("resource indicator is missing, or unknown"));
        return tokens.issue(user.id(), app.id(), resource.indicator(), null, ScopedTokens.requested(form),
                user.grantedScopes(resource.indicator()), resource.accessTokenTtlSeconds());
    }
}
