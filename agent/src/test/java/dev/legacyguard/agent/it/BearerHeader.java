package dev.legacyguard.agent.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** Reads the claims of the JWT in an {@code Authorization: Bearer} header the API received. */
final class BearerHeader {

    private BearerHeader() {
    }

    static Map<String, Object> claims(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            throw new AssertionError("expected a Bearer token, got " + header);
        }
        String[] parts = header.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("expected a JWT, got " + parts.length + " parts");
        }
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new AssertionError("the token's payload is not JSON", e);
        }
    }

    static String audience(String header) {
        return (String) claims(header).get("aud");
    }
}
