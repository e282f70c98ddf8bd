package dev.legacyguard.devissuer.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OAuth error answer as Logto sends it: the oidc-provider error wrapped as
 * {@code {"code":"oidc.<error>","message","error","error_description"}}.
 */
final class OidcError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient String wwwAuthenticate;

    private OidcError(int status, String error, String description, String wwwAuthenticate) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    static OidcError invalidRequest(String description) {
        return new OidcError(400, "invalid_request", description, null);
    }

    static OidcError invalidTarget(String description) {
        return new OidcError(400, "invalid_target", description, null);
    }

    /** Logto's answer when the app is not a member of the organization asked for. */
    static OidcError notInOrganization() {
        return new OidcError(403, "access_denied", "app has not associated with the organization", null);
    }

    static OidcError unknownClient() {
        return new OidcError(400, "invalid_client", "client is invalid", null);
    }

    /** A wrong secret: 401, and a Basic challenge when the client used Basic authentication. */
    static OidcError authenticationFailed(String basicRealm) {
        String description = "client authentication failed";
        String challenge = basicRealm == null ? null : "Basic realm=\"" + basicRealm
                + "\", error=\"invalid_client\", error_description=\"" + description + "\"";
        return new OidcError(401, "invalid_client", description, challenge);
    }

    /** Logto's answer for a personal access token it does not know. */
    static OidcError invalidGrant() {
        return new OidcError(400, "invalid_grant", "grant request is invalid", null);
    }

    static OidcError unsupportedGrantType() {
        return new OidcError(400, "unsupported_grant_type", "unsupported grant_type requested", null);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** Null when the answer carries no challenge. */
    String wwwAuthenticate() {
        return wwwAuthenticate;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "oidc." + error);
        body.put("message", getMessage());
        body.put("error", error);
        body.put("error_description", getMessage());
        return body;
    }
}
