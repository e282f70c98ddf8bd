package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One outgoing call to an API on loopback, as a legacy service makes it. The suite runs this
 * twice, in JVMs started with and without {@code -javaagent}: the difference is the agent's cost
 * per call with a cached token. Each JVM first proves it is the one it claims to be: with the
 * agent every call carries a bearer token, without it none does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AgentCallBenchmark {

    /** {@code bench.api.port}: the port the agent's configuration names; 0 (any) when no agent runs. */
    public static final String PORT_PROPERTY = "bench.api.port";
    /** {@code bench.expect.bearer}: whether this JVM runs with the agent. */
    public static final String EXPECT_BEARER_PROPERTY = "bench.expect.bearer";

    @State(Scope.Benchmark)
    public static class Clients {
        LoopbackApi api;
        URL url;
        CloseableHttpClient apache4;
        org.apache.hc.client5.http.impl.classic.CloseableHttpClient apache5;
        HttpClient javaNet;
        HttpRequest javaNetRequest;
        org.apache.commons.httpclient.HttpClient commons3;
        org.apache.http.impl.nio.client.CloseableHttpAsyncClient apacheAsync4;
        org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient apache5Async;

        @Setup(Level.Trial)
        public void start() throws IOException, InterruptedException {
            api = LoopbackApi.start(Integer.getInteger(PORT_PROPERTY, 0), 2);
            url = new URL(api.url());
            apache4 = HttpClients.createDefault();
            apache5 = org.apache.hc.client5.http.impl.classic.HttpClients.createDefault();
            apacheAsync4 = org.apache.http.impl.nio.client.HttpAsyncClients.createDefault();
            apacheAsync4.start();
            apache5Async = org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault();
            apache5Async.start();
            javaNet = HttpClient.newHttpClient();
            javaNetRequest = HttpRequest.newBuilder(URI.create(api.url())).build();
            commons3 = CommonsHttpClient3.create();
            httpUrlConnection(this);
            apacheHttpClient4(this);
            apacheHttpClient5(this);
            javaNetHttp(this);
            commonsHttpClient3(this);
            apacheHttpAsyncClient4(this);
            apacheHttpClient5Async(this);
            boolean expectBearer = Boolean.getBoolean(EXPECT_BEARER_PROPERTY);
            long expected = expectBearer ? api.requests() : 0;
            if (api.requestsWithBearer() != expected) {
                throw new IllegalStateException((expectBearer ? "with" : "without") + " the agent, "
                        + api.requestsWithBearer() + " of " + api.requests() + " calls carried a bearer token; expected "
                        + expected + (expectBearer ? " (is -javaagent set and its resource URL " + api.url() + "?)" : ""));
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            apache4.close();
            apache5.close();
            CommonsHttpClient3.close(commons3);
            apacheAsync4.close();
            apache5Async.close();
            api.close();
        }
    }

    @Benchmark
    public static int httpUrlConnection(Clients clients) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) clients.url.openConnection();
        int status = connection.getResponseCode();
        try (InputStream body = connection.getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        return expectOk(status);
    }

    @Benchmark
    public static int apacheHttpClient4(Clients clients) throws IOException {
        try (CloseableHttpResponse response = clients.apache4.execute(new HttpGet(clients.url.toString()))) {
            EntityUtils.consume(response.getEntity());
            return expectOk(response.getStatusLine().getStatusCode());
        }
    }

    @Benchmark
    public static int apacheHttpClient5(Clients clients) throws IOException {
        return expectOk(clients.apache5.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(clients.url.toString()),
                response -> {
                    org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                    return response.getCode();
                }));
    }

    @Benchmark
    public static int javaNetHttp(Clients clients) throws IOException, InterruptedException {
        return expectOk(clients.javaNet.send(clients.javaNetRequest, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Benchmark
    public static int commonsHttpClient3(Clients clients) throws IOException {
        org.apache.commons.httpclient.methods.GetMethod get = new org.apache.commons.httpclient.methods.GetMethod(clients.url.toString());
        try {
            int status = clients.commons3.executeMethod(get);
            get.getResponseBody();
            return expectOk(status);
        } finally {
            get.releaseConnection();
        }
    }

    @Benchmark
    public static int apacheHttpAsyncClient4(Clients clients) throws IOException {
        return expectOk(AsyncCalls.await(clients.apacheAsync4.execute(new HttpGet(clients.url.toString()), null))
                .getStatusLine().getStatusCode());
    }

    @Benchmark
    public static int apacheHttpClient5Async(Clients clients) throws IOException {
        return expectOk(AsyncCalls.await(clients.apache5Async.execute(
                new org.apache.hc.client5.http.async.methods.SimpleHttpRequest("GET", URI.create(clients.url.toString())), null))
                .getCode());
    }

    private static int expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("the loopback API answered " + status + "; expected 200");
        }
        return status;
    }
}
