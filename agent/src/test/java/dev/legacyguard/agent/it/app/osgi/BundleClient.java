package dev.legacyguard.agent.it.app.osgi;

import java.util.function.Function;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * The application's own code inside an OSGi bundle: one HttpClient 4 client, from the
 * httpclient-osgi bundle it imports, for every call. Answers {@code status=CODE} or
 * {@code error=EXCEPTION: MESSAGE}, as {@code ScenarioApp} does. Implements a JDK interface
 * only, so that the launcher outside the framework can call it.
 */
public final class BundleClient implements Function<String, String> {

    private final CloseableHttpClient client = HttpClients.createDefault();

    @Override
    public String apply(String url) {
        try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
            EntityUtils.consume(response.getEntity());
            return "status=" + response.getStatusLine().getStatusCode();
        } catch (Exception e) {
            return "error=" + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }
}
