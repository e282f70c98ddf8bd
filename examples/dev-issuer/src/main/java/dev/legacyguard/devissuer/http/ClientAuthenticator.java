package dev.legacyguard.devissuer.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.config.M2mApp;

/**
 * Authenticates the M2M app with {@code client_secret_basic} or {@code client_secret_post},
 * answering each failure the way Logto does (unknown App ID: 400, wrong secret: 401).
 */
final class ClientAuthenticator {

    private final IssuerConfig config;
    private final String issuer;

    ClientAuthenticator(IssuerConfig config, String issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    M2mApp authenticate(String authorization, FormParameters form) throws OidcError {
        String bodyId = form.single("client_id");
        String bodySecret = form.single("client_secret");
        if (authorization != null) {
            if (bodySecret != null) {
                throw OidcError.invalidRequest("client authentication must only be provided using one mechanism");
            }
            String[] credentials = basicCredentials(authorization);
            if (bodyId != null && !bodyId.equals(credentials[0])) {
                throw OidcError.invalidRequest("client_id mismatch");
            }
            M2mApp app = config.app(credentials[0]).orElseThrow(OidcError::unknownClient);
            if (credentials[1].isEmpty()) {
                throw OidcError.invalidRequest("client_secret must be provided in the Authorization header");
            }
            if (!app.secretMatches(credentials[1])) {
                throw OidcError.authenticationFailed(issuer);
            }
            return app;
        }
        if (bodyId == null) {
            throw OidcError.invalidRequest("no client authentication mechanism provided");
        }
        M2mApp app = config.app(bodyId).orElseThrow(OidcError::unknownClient);
        if (bodySecret == null || !app.secretMatches(bodySecret)) {
            throw OidcError.authenticationFailed(null);
        }
        return app;
    }

    /** {id, secret}, each form-decoded as RFC 6749 section 2.3.1 asks. */
    private static String[] basicCredentials(String authorization) throws OidcError {
        OidcError malformed = OidcError.invalidRequest("invalid authorization header value format");
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw malformed;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw malformed;
        }
        try {
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            throw malformed;
        }
    }
}
