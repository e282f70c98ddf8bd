package dev.legacyguard.agent.it.app.client;

import java.io.IOException;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/** Apache HttpClient 5 classic, through methods every 5.x has; it follows 302 and 307 for every method. */
public final class HttpClient5Request implements OneRequest {

    private final HttpClient client = HttpClients.createDefault();

    @Override
    public int send(String method, String url, String authorization) throws IOException {
        HttpUriRequestBase request;
        if (method.equals("POST")) {
            HttpPost post = new HttpPost(url);
            post.setEntity(new StringEntity(POST_BODY, ContentType.APPLICATION_JSON));
            request = post;
        } else {
            request = new HttpGet(url);
        }
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return client.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }
}
