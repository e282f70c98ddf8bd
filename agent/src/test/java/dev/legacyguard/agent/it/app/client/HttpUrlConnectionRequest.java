package dev.legacyguard.agent.it.app.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** The JDK's {@code HttpURLConnection}, which follows redirects by default. */
public final class HttpUrlConnectionRequest implements OneRequest {

    @Override
    public int send(String method, String url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        if (method.equals("POST")) {
            byte[] body = POST_BODY.getBytes(StandardCharsets.UTF_8);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }
}
