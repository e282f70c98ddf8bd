package dev.legacyguard.agent.it.app.war;

import java.io.IOException;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** The outgoing call with the Apache HttpClient 4 the WAR bundles in {@code WEB-INF/lib}. */
public final class CallingServlet extends OutgoingCallServlet {

    private static final long serialVersionUID = 1L;

    private transient CloseableHttpClient client;

    @Override
    public void init() {
        client = HttpClients.createDefault();
    }

    @Override
    String fetch(String url) throws IOException {
        try (CloseableHttpResponse answer = client.execute(new HttpGet(url))) {
            return "status=" + answer.getStatusLine().getStatusCode() + " " + EntityUtils.toString(answer.getEntity());
        }
    }

    @Override
    public void destroy() {
        try {
            client.close();
        } catch (IOException e) {
            log("could not close the HTTP client", e);
        }
    }
}
