package dev.legacyguard.examples.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * An old service's outgoing calls, as they were written before anyone thought of tokens: no
 * authentication code at all. Run it with the Logto agent and the same calls carry a Bearer
 * token for the configured API resource.
 *
 * <p>Usage: {@code LegacyClient [BASE_URL]}, default {@code http://localhost:8080/legacy-webapp}.
 * Prints one line per call: {@code [client] CLIENT METHOD PATH -> STATUS | details}.
 */
public final class LegacyClient {

    private static final String PRODUCTS = "/api/products";

    private LegacyClient() {
    }

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080/legacy-webapp";
        PrintStream out = System.out;
        callWithHttpUrlConnection(out, "GET", base, null);
        callWithHttpUrlConnection(out, "POST", base, "teacup");
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            callWithApacheHttpClient(out, client, new HttpGet(base + PRODUCTS));
            HttpPost post = new HttpPost(base + PRODUCTS);
            post.setEntity(new StringEntity("saucer", ContentType.TEXT_PLAIN));
            callWithApacheHttpClient(out, client, post);
        } catch (IOException e) {
            out.println("[client] could not close Apache HttpClient: " + e);
        }
    }

    private static void callWithHttpUrlConnection(PrintStream out, String method, String base, String body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(base + PRODUCTS).openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(10000);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "text/plain; charset=UTF-8");
                try (OutputStream request = connection.getOutputStream()) {
                    request.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            report(out, "HttpURLConnection", method, status, connection.getHeaderField("WWW-Authenticate"), read(stream));
        } catch (IOException e) {
            out.println("[client] HttpURLConnection " + method + " " + PRODUCTS + " -> ERROR | error: " + e);
        }
    }

    private static void callWithApacheHttpClient(PrintStream out, CloseableHttpClient client, HttpUriRequest request) {
        try {
            HttpResponse response = client.execute(request);
            Header challenge = response.getFirstHeader("WWW-Authenticate");
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            report(out, "ApacheHttpClient", request.getMethod(), response.getStatusLine().getStatusCode(),
                    challenge == null ? null : challenge.getValue(), body);
        } catch (IOException e) {
            out.println("[client] ApacheHttpClient " + request.getMethod() + " " + PRODUCTS + " -> ERROR | error: " + e);
        }
    }

    private static void report(PrintStream out, String client, String method, int status, String challenge, String body) {
        StringBuilder line = new StringBuilder("[client] ").append(client).append(' ').append(method).append(' ')
                .append(PRODUCTS).append(" -> ").append(status);
        if (challenge != null) {
            line.append(" | WWW-Authenticate: ").append(challenge);
        }
        line.append(" | body: ").append(body.replace('\n', ' ').trim());
        out.println(line);
    }

    private static String read(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (InputStream in = stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
