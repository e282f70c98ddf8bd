package dev.legacyguard.agent.it.app.client;

import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;
import org.apache.http.nio.entity.NStringEntity;

/**
 * Apache HttpAsyncClient 4.1, as Elasticsearch's low-level REST client and many SDKs use it:
 * the default client, started once, each request's future awaited. Its default redirect
 * strategy follows a 302 of a GET and no redirect of a POST.
 */
public final class HttpAsyncClient4Request implements OneRequest {

    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    public HttpAsyncClient4Request() {
        client.start();
    }

    @Override
    public int send(String method, String url, String authorization) throws Exception {
        HttpRequestBase request;
        if (method.equals("POST")) {
            HttpPost post = new HttpPost(url);
            post.setEntity(new NStringEntity(POST_BODY, ContentType.APPLICATION_JSON));
            request = post;
        } else {
            request = new HttpGet(url);
        }
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        HttpResponse response = Futures.await(client.execute(request, null));
        return response.getStatusLine().getStatusCode();
    }
}
