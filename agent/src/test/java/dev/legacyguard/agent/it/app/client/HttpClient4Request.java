package dev.legacyguard.agent.it.app.client;

import java.io.IOException;

import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.client.LaxRedirectStrategy;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4.3 and later, built as 4.3 introduced ({@code HttpClients}): its exec
 * chain. The lax redirect strategy follows a 307 of a POST too, so that such a hop is judged.
 */
public final class HttpClient4Request implements OneRequest {

    private final CloseableHttpClient client = HttpClients.custom().setRedirectStrategy(new FollowingPosts()).build();

    /**
     * 4.3's redirect copies the request as sent, its {@code Content-Length} included, onto a
     * 307's copy, and then refuses to send that ({@code ProtocolException: Content-Length header
     * already present}) with or without the agent; 4.4 copies the request as the application
     * made it. Dropping the copied length lets 4.3 follow the 307 too.
     */
    private static final class FollowingPosts extends LaxRedirectStrategy {

        @Override
        public HttpUriRequest getRedirect(HttpRequest request, HttpResponse response, HttpContext context)
                throws ProtocolException {
            HttpUriRequest redirect = super.getRedirect(request, response, context);
            redirect.removeHeaders("Content-Length");
            return redirect;
        }
    }

    @Override
    public int send(String method, String url, String authorization) throws IOException {
        HttpRequestBase request;
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
        try (CloseableHttpResponse response = client.execute(request)) {
            EntityUtils.consume(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }
}
