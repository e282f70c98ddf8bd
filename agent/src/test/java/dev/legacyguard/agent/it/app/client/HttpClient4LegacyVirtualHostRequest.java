package dev.legacyguard.agent.it.app.client;

import java.io.IOException;

import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.params.ClientPNames;

/**
 * A {@code DefaultHttpClient} GET whose virtual host is the one the system property
 * {@code virtual-host} names ({@code host:port}), set on the request as 4.0 reads it
 * ({@code ClientPNames.VIRTUAL_HOST} of the request's own parameters). Not a suite entry:
 * {@code AgentBehaviourIT} runs it with the 4.0 jars, whose {@code DefaultRequestDirector} puts
 * the virtual host, not the route's target, in the context as the request's target.
 */
public final class HttpClient4LegacyVirtualHostRequest implements OneRequest {

    @SuppressWarnings("deprecation")
    private final HttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
    private final HttpHost virtualHost;

    public HttpClient4LegacyVirtualHostRequest() {
        String[] hostAndPort = System.getProperty("virtual-host").split(":");
        virtualHost = new HttpHost(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
    }

    @Override
    public int send(String method, String url, String authorization) throws IOException {
        HttpGet get = new HttpGet(url);
        get.getParams().setParameter(ClientPNames.VIRTUAL_HOST, virtualHost);
        HttpResponse response = client.execute(get);
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            entity.consumeContent();
        }
        return response.getStatusLine().getStatusCode();
    }
}
