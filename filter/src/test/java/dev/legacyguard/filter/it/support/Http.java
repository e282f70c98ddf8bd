package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client, as a calling service would be; one per test class. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** GET, with {@code Authorization: Bearer <token>} unless the token is null. */
    public Reply get(URI uri, String token) {
        return send(request(uri, token).GET().build());
    }

    public Reply post(URI uri, String token, String body) {
        return send(request(uri, token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** GET with a raw {@code Authorization} header value. */
    public Reply getWithAuthorization(URI uri, String authorization) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build());
    }

    /** GET with a bearer token (unless null) and extra headers as name, value pairs; a name may repeat. */
    public Reply get(URI uri, String token, String... headerNamesAndValues) {
        HttpRequest.Builder builder = request(uri, token);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            builder.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return send(builder.GET().build());
    }

    /** A CORS preflight, as a browser sends it before a cross-origin call. */
    public Reply preflight(URI uri, String origin, String method) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public CompletableFuture<Reply> getAsync(URI uri, String token) {
        return client.sendAsync(request(uri, token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(Reply::new);
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            return new Reply(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
