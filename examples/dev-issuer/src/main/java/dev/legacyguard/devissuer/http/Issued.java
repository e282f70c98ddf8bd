package dev.legacyguard.devissuer.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was issued, for the token response and the console line. */
record Issued(String subject, String appId, String accessToken, long expiresIn, List<String> grantedScopes,
        List<String> droppedScopes, String audience) {

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
