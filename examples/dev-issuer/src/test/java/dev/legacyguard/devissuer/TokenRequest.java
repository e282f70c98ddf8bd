package dev.legacyguard.devissuer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** One token request, sent the same way to any issuer; built fluently so each case reads as one line. */
final class TokenRequest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> form = new ArrayList<>();
    private String authorization;
    private String contentType = "application/x-www-form-urlencoded";
    private final String description;

    private TokenRequest(String description) {
        this.description = description;
    }

    static TokenRequest named(String description) {
        return new TokenRequest(description).param("grant_type", "client_credentials");
    }

    /** Logto's token exchange of a personal access token. */
    static TokenRequest exchange(String description, String personalAccessToken) {
        return new TokenRequest(description).param("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .param("subject_token", personalAccessToken)
                .param("subject_token_type", "urn:logto:token-type:personal_access_token");
    }

    TokenRequest basic(String appId, String secret) {
        authorization = "Basic " + Base64.getEncoder().encodeToString(
                (enc(appId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TokenRequest authorization(String header) {
        authorization = header;
        return this;
    }

    TokenRequest post(String appId, String secret) {
        return param("client_id", appId).param("client_secret", secret);
    }

    TokenRequest param(String name, String value) {
        form.add(enc(name) + "=" + enc(value));
        return this;
    }

    TokenRequest withoutGrantType() {
        form.remove(0);
        return this;
    }

    TokenRequest contentType(String value) {
        contentType = value;
        return this;
    }

    Answer sendTo(String tokenEndpoint) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            return new Answer(response.statusCode(), JsonUtil.parseJson(response.body()),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (JoseException e) {
            throw new AssertionError(tokenEndpoint + " answered '" + description + "' with non-JSON: " + response.body(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Answer(int status, Map<String, Object> body, String wwwAuthenticate) {
        String accessToken() {
            return (String) body.get("access_token");
        }
    }
}
