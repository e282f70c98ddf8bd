package dev.legacyguard.filter.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The RFC 9728 document at {@code /.well-known/oauth-protected-resource} of the application:
 * which resource this is, which authorization server issues its tokens, which scopes the rules
 * use, and that tokens go in the header. Fixed at start-up, so it is rendered once.
 */
public final class ProtectedResourceMetadata {
    private static final List<String> BEARER_METHODS = Collections.singletonList("header");

    private final byte[] document;

    public ProtectedResourceMetadata(String resource, String issuer, Collection<String> scopes) {
        StringBuilder json = new StringBuilder(256).append("{\"resource\":");
        Json.string(json, resource);
        json.append(",\"authorization_servers\":");
        Json.array(json, Collections.singletonList(issuer));
        json.append(",\"scopes_supported\":");
        Json.array(json, scopes);
        json.append(",\"bearer_methods_supported\":");
        Json.array(json, BEARER_METHODS);
        this.document = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** GET and HEAD get the document; any other method a 405. */
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "max-age=300");
        response.setContentLength(document.length);
        if (!head) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(document);
            }
        }
    }
}
