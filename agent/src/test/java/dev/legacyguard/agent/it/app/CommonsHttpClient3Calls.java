package dev.legacyguard.agent.it.app;

import java.io.IOException;
import java.net.URL;

import org.apache.commons.httpclient.HostConfiguration;
import org.apache.commons.httpclient.HttpClient;
import org.apache.commons.httpclient.HttpConnection;
import org.apache.commons.httpclient.HttpMethodBase;
import org.apache.commons.httpclient.HttpState;
import org.apache.commons.httpclient.SimpleHttpConnectionManager;
import org.apache.commons.httpclient.URI;
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

    /**
     * One method object the application executes itself (below {@code HttpClient}, whose
     * director would drop generated headers between hops) on a connection to {@code first}'s
     * host, then again for {@code second} on a connection to that URL's host: the status of the second.
     */
    static int reusedOnConnections(String first, String second) throws IOException {
        GetMethod get = new GetMethod(first);
        int status = executeOn(get, new URL(first));
        if (status != 200) {
            return status;
        }
        get.setURI(new URI(second, true));
        return executeOn(get, new URL(second));
    }

    private static int executeOn(HttpMethodBase method, URL target) throws IOException {
        HostConfiguration host = new HostConfiguration();
        host.setHost(target.getHost(), target.getPort());
        // From a manager, which takes the connection back when the answer has been read.
        HttpConnection connection = new SimpleHttpConnectionManager().getConnection(host);
        try {
            connection.open();
            int status = method.execute(new HttpState(), connection);
            method.getResponseBody();
            return status;
        } finally {
            connection.close();
        }
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
