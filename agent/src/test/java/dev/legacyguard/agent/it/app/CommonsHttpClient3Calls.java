package dev.legacyguard.agent.it.app;

import java.io.IOException;

import org.apache.commons.httpclient.HttpClient;
import org.apache.commons.httpclient.HttpMethodBase;
import org.apache.commons.httpclient.methods.GetMethod;

/**
 * {@link ScenarioApp}'s calls through commons-httpclient 3, apart so that verifying the scenario
 * app loads none of its classes: a run that does not use it weaves none of them.
 */
final class CommonsHttpClient3Calls {

    private CommonsHttpClient3Calls() {
    }

    /** A GET through the forward proxy of the client's {@code HostConfiguration}. */
    static int throughProxy(String url, String proxyHost, int proxyPort) throws IOException {
        HttpClient client = new HttpClient();
        client.getHostConfiguration().setProxy(proxyHost, proxyPort);
        return send(client, new GetMethod(url));
    }

    /** A GET whose virtual host is {@code hostName}, which commons-httpclient 3 writes with the connection's port. */
    static int withVirtualHost(String url, String hostName) throws IOException {
        GetMethod get = new GetMethod(url);
        get.getParams().setVirtualHost(hostName);
        return send(new HttpClient(), get);
    }

    private static int send(HttpClient client, HttpMethodBase method) throws IOException {
        try {
            int status = client.executeMethod(method);
            method.getResponseBody();
            return status;
        } finally {
            method.releaseConnection();
        }
    }
}
