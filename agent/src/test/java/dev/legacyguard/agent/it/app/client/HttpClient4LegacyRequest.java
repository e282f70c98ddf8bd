package dev.legacyguard.agent.it.app.client;

import java.io.IOException;

import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.StringEntity;

/**
 * Apache HttpClient's 4.0 API, {@code DefaultHttpClient} (its {@code DefaultRequestDirector}),
 * as services written for 4.0-4.2 still use it on every 4.x. Only methods 4.0 has are called,
 * through the {@code HttpClient} interface, so the class links against every 4.x jar.
 */
public final class HttpClient4LegacyRequest implements OneRequest {

    private final HttpClient client;

    @SuppressWarnings("deprecation")
    public HttpClient4LegacyRequest() {
        this(new org.apache.http.impl.client.DefaultHttpClient());
    }

    HttpClient4LegacyRequest(HttpClient client) {
        this.client = client;
    }

    @Override
    public int send(String method, String url, String authorization) throws IOException {
        HttpRequestBase request;
        if (method.equals("POST")) {
            HttpPost post = new HttpPost(url);
            StringEntity body = new StringEntity(POST_BODY);
            body.setContentType("application/json");
            post.setEntity(body);
            request = post;
        } else {
            request = new HttpGet(url);
        }
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        HttpResponse response = client.execute(request);
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            // consumeContent (4.0) rather than EntityUtils.consume (4.1): the connection goes back for the next request.
            entity.consumeContent();
        }
        return response.getStatusLine().getStatusCode();
    }
}
