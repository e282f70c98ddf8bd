package dev.legacyguard.agent.it.app.client;

import java.io.IOException;

import org.apache.commons.httpclient.HttpClient;
import org.apache.commons.httpclient.HttpMethodBase;
import org.apache.commons.httpclient.MultiThreadedHttpConnectionManager;
import org.apache.commons.httpclient.methods.GetMethod;
import org.apache.commons.httpclient.methods.PostMethod;
import org.apache.commons.httpclient.methods.StringRequestEntity;

/**
 * commons-httpclient 3.x, as Axis 1's {@code CommonsHTTPSender} and Spring 2/3-era code use it:
 * one {@code HttpClient} over a pooling connection manager, a method per request. Its director
 * follows redirects of a GET (to another host too); an entity-enclosing method cannot be told to
 * follow them, so a POST answers a redirect with its status. Only API 3.0 already has is used.
 */
public final class CommonsHttpClient3Request implements OneRequest {

    private final HttpClient client = new HttpClient(new MultiThreadedHttpConnectionManager());

    @Override
    public int send(String method, String url, String authorization) throws IOException {
        HttpMethodBase request;
        if (method.equals("POST")) {
            PostMethod post = new PostMethod(url);
            post.setRequestEntity(new StringRequestEntity(POST_BODY, "application/json", "UTF-8"));
            request = post;
        } else {
            request = new GetMethod(url);
            request.setFollowRedirects(true);
        }
        if (authorization != null) {
            request.setRequestHeader("Authorization", authorization);
        }
        try {
            int status = client.executeMethod(request);
            request.getResponseBody();
            return status;
        } finally {
            request.releaseConnection();
        }
    }
}
