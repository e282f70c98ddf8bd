package dev.legacyguard.filter.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.legacyguard.filter.rules.Requirement;

/**
 * Builds every answer the filter gives instead of passing a request on: the RFC 6750
 * challenges (400, 401, 403 insufficient_scope, also for a token of the wrong organization), the policy 403, and the 503 when no keys
 * are available. Each has a JSON body {@code {"error","error_description"}} and
 * {@code Cache-Control: no-store}; challenges point to the RFC 9728 metadata document.
 */
public final class BearerAnswers {
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final String realmAttribute;
    private final boolean pointToMetadata;

    public BearerAnswers(String realm, boolean pointToMetadata) {
        this.realmAttribute = "Bearer realm=\"" + ChallengeText.escaped(realm) + "\"";
        this.pointToMetadata = pointToMetadata;
    }

    /** 401 with a bare challenge: no credentials, so no error code (RFC 6750 section 3.1). */
    public void missingToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, HttpServletResponse.SC_UNAUTHORIZED, challenge(request, null, null, null),
                "unauthorized", "this resource needs a Logto access token: send Authorization: Bearer <access token>");
    }

    /** 400 invalid_request: the token was sent in a way RFC 6750 does not allow. */
    public void invalidRequest(HttpServletRequest request, HttpServletResponse response, String description) throws IOException {
        send(response, HttpServletResponse.SC_BAD_REQUEST, challenge(request, "invalid_request", description, null),
                "invalid_request", description);
    }

    /** 401 invalid_token with the verifier's description of the failed check. */
    public void invalidToken(HttpServletRequest request, HttpServletResponse response, String description) throws IOException {
        send(response, HttpServletResponse.SC_UNAUTHORIZED, challenge(request, "invalid_token", description, null),
                "invalid_token", description);
    }

    /** 403 insufficient_scope: {@code scope} lists what the rule needs, the description what the token lacks. */
    public void insufficientScope(HttpServletRequest request, HttpServletResponse response, Requirement requirement,
                                  List<String> missing) throws IOException {
        String description = "the token lacks the scope" + (missing.size() == 1 ? " " : "s ") + String.join(" ", missing)
                + " that " + request.getMethod() + " on this path requires (" + requirement.origin() + " requires "
                + requirement.scopeList() + "); request a token with " + (missing.size() == 1 ? "it" : "them");
        send(response, HttpServletResponse.SC_FORBIDDEN,
                challenge(request, "insufficient_scope", description, requirement.scopeList()),
                "insufficient_scope", description);
    }

    /**
     * 403 insufficient_scope for a token of another organization than the path names (or of
     * none): {@code description} names both; {@code scope} lists what the rule needs besides.
     */
    public void wrongOrganization(HttpServletRequest request, HttpServletResponse response, Requirement requirement,
                                  String description) throws IOException {
        send(response, HttpServletResponse.SC_FORBIDDEN,
                challenge(request, "insufficient_scope", description, requirement.scopeList()),
                "insufficient_scope", description);
    }

    /** 403 by policy ({@code logto.unmatched=deny}): no token can help, so no challenge. */
    public void denied(HttpServletResponse response, String origin) throws IOException {
        send(response, HttpServletResponse.SC_FORBIDDEN, null, "access_denied",
                "no rule allows this request (" + origin + ")");
    }

    /** 503: the signing keys cannot be fetched and none are cached; the client may retry. */
    public void keysUnavailable(HttpServletResponse response, String description, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null, "temporarily_unavailable", description);
    }

    /** 400 for a path that could mean different things to the rules and to the application. */
    public void rejectedPath(HttpServletResponse response, String reason) throws IOException {
        send(response, HttpServletResponse.SC_BAD_REQUEST, null, "invalid_request",
                "the request path is not accepted: " + reason);
    }

    /** The absolute URL of this application's metadata document, as the client reached the application. */
    public static String metadataUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        String host = request.getServerName();
        StringBuilder url = new StringBuilder(64).append(scheme).append("://");
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            url.append('[').append(host).append(']');
        } else {
            url.append(host);
        }
        boolean defaultPort = port <= 0 || ("http".equalsIgnoreCase(scheme) && port == 80)
                || ("https".equalsIgnoreCase(scheme) && port == 443);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append(METADATA_PATH).toString();
    }

    private String challenge(HttpServletRequest request, String error, String description, String scope) {
        StringBuilder header = new StringBuilder(160).append(realmAttribute);
        if (error != null) {
            header.append(", error=\"").append(error).append('"');
            header.append(", error_description=\"").append(ChallengeText.restricted(description)).append('"');
        }
        if (scope != null) {
            header.append(", scope=\"").append(ChallengeText.restricted(scope)).append('"');
        }
        if (pointToMetadata) {
            header.append(", resource_metadata=\"").append(ChallengeText.escaped(metadataUrl(request))).append('"');
        }
        return header.toString();
    }

    private static void send(HttpServletResponse response, int status, String challenge, String error,
                             String description) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        String json = Json.error(error, description);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            // a filter in front of this one already took the writer
            response.getWriter().write(json);
            return;
        }
        try {
            out.write(body);
        } finally {
            out.close();
        }
    }
}
