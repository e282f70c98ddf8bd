package dev.legacyguard.agent.it.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.tools.attach.VirtualMachine;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.util.EntityUtils;

/**
 * A stand-in for an old service, run in a forked JVM with the agent: it makes the calls a
 * scenario file lists with the real clients and prints one {@code RESULT} line per call. It
 * knows nothing about the agent.
 *
 * <p>Scenario lines: {@code NAME CLIENT URL} with CLIENT one of
 * {@code huc}, {@code huc-post} (a buffered POST), {@code huc-stream} (a fixed-length streamed
 * POST), {@code hc4}, {@code hc4-legacy} (DefaultHttpClient), {@code hc5};
 * {@code NAME hc4-via|hc4-legacy-via|hc5-via URL TARGET}, URL sent to the explicit target host TARGET
 * ({@code http://host:port}), as {@code execute(HttpHost, request)} does;
 * {@code NAME burst COUNT URL}, COUNT threads calling URL with HttpURLConnection at once;
 * {@code NAME huc-host|hc4-host|hc5-host URL HOST}, a call whose Host header the application sets
 * to HOST (HttpURLConnection needs {@code -Dsun.net.http.allowRestrictedHeaders=true});
 * {@code NAME hc4-vhost|hc4-legacy-vhost|hc5-vhost|hc3-vhost URL HOST}, a call to URL's host whose virtual host
 * is HOST ({@code host:port}): HttpClient 4's {@code ClientPNames.VIRTUAL_HOST}, HttpClient 5's
 * request authority (the request sent to URL's host as its explicit target), commons-httpclient
 * 3's {@code HttpMethodParams} virtual host (HOST's name only);
 * {@code NAME hc3-direct URL SECOND}, one commons-httpclient 3 method executed by the application on a
 * connection to URL's host, then again for SECOND on a connection to that host;
 * {@code NAME huc-proxy|hc4-proxy|hc5-proxy|hc3-proxy|hcasync4-proxy|hc5async-proxy URL PROXY}, a call
 * through the forward proxy PROXY ({@code http://host:port}: a per-connection {@code Proxy}, HttpClient's
 * and the asynchronous clients' route proxy, commons-httpclient 3's {@code HostConfiguration} proxy);
 * {@code NAME hcasync4-nested|hc5async-nested URL FIRST}, a call to FIRST with an asynchronous
 * client and, from its callback on the client's I/O thread, to URL;
 * {@code NAME proxy-selector PORT PROXY}, a default {@code ProxySelector} sending requests to port PORT
 * through PROXY and the others direct; {@code NAME background CLIENT URL}, a call on another thread whose result {@code NAME join BACKGROUND}
 * prints when it ends; {@code NAME sleep MILLIS}; {@code NAME repeat SECONDS URL}, calls to URL with
 * HttpURLConnection every 200 ms for SECONDS, reporting how many got each status;
 * {@code NAME attach JAR ARGUMENT}, which loads an agent into this running JVM;
 * {@code NAME jmx RESOURCE}, the agent's JMX attributes for RESOURCE, read over a JMX connector; or
 * {@code NAME hc4-default-auth|hc5-default-auth URL VALUE}, a GET to URL with a client whose
 * builder was given {@code Authorization: VALUE} as a default header;
 * {@code NAME hc4-inner|hc5-inner OUTER INNER AFTER}, a POST to OUTER whose body, while it is
 * being sent, makes a GET to INNER with the same client and context, then a GET to AFTER
 * (prints the three statuses);
 * {@code NAME classes CLASS,...}, which reports which of the named classes the application's
 * class loader can load.
 */
public final class ScenarioApp {

    private final org.apache.http.impl.client.CloseableHttpClient httpClient4 =
            org.apache.http.impl.client.HttpClients.createDefault();
    /** The 4.0-4.2 API (DefaultRequestDirector), still shipped in 4.5 and still found in old services. */
    @SuppressWarnings("deprecation")
    private final org.apache.http.impl.client.CloseableHttpClient legacyHttpClient4 =
            new org.apache.http.impl.client.DefaultHttpClient(new org.apache.http.impl.conn.PoolingClientConnectionManager());
    private final org.apache.hc.client5.http.impl.classic.CloseableHttpClient httpClient5 =
            org.apache.hc.client5.http.impl.classic.HttpClients.createDefault();

    private final Map<String, Future<String>> background = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        ScenarioApp app = new ScenarioApp();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                System.out.println("RESULT " + app.run(line.trim().split(" ", 4)));
            }
        }
        System.out.println("DONE");
    }

    private String run(String[] scenario) {
        String name = scenario[0];
        if (scenario[1].equals("classes")) {
            return name + " " + loadable(scenario[2].split(","));
        }
        if (scenario[1].equals("jmx")) {
            return name + " " + readAgentBean(scenario[2]);
        }
        if (scenario[1].equals("attach")) {
            return name + " " + attach(scenario[2], scenario[3]);
        }
        if (scenario[1].equals("burst")) {
            return name + " " + burst(Integer.parseInt(scenario[2]), scenario[3]);
        }
        if (scenario[1].equals("background")) {
            String[] call = {name, scenario[2], scenario[3]};
            ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
                Thread daemon = new Thread(task, "background " + name);
                daemon.setDaemon(true);
                return daemon;
            });
            background.put(name, thread.submit(() -> run(call)));
            thread.shutdown();
            return name + " started";
        }
        if (scenario[1].equals("join")) {
            try {
                String result = background.get(scenario[2]).get(60, TimeUnit.SECONDS);
                return name + result.substring(result.indexOf(' '));
            } catch (Exception e) {
                return name + " error=" + e;
            }
        }
        if (scenario[1].equals("sleep")) {
            try {
                Thread.sleep(Long.parseLong(scenario[2]));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return name + " slept";
        }
        if (scenario[1].equals("proxy-selector")) {
            return name + " " + selectProxy(Integer.parseInt(scenario[2]), URI.create(scenario[3]));
        }
        if (scenario[1].equals("repeat")) {
            return name + " " + repeat(Integer.parseInt(scenario[2]), scenario[3]);
        }
        try {
            if (scenario[1].endsWith("-via")) {
                return name + " status=" + viaExplicitTarget(scenario[1], scenario[2], scenario[3]);
            }
            if (scenario[1].endsWith("-vhost")) {
                return name + " status=" + withVirtualHost(scenario[1], scenario[2], scenario[3]);
            }
            if (scenario[1].endsWith("-host")) {
                return name + " status=" + withHostHeader(scenario[1], scenario[2], scenario[3]);
            }
            if (scenario[1].endsWith("-inner")) {
                String[] innerAndAfter = scenario[3].split(" ");
                return name + " statuses=" + withInnerRequest(scenario[1], scenario[2], innerAndAfter[0], innerAndAfter[1]);
            }
            if (scenario[1].endsWith("-default-auth")) {
                return name + " status=" + withDefaultAuthorization(scenario[1], scenario[2], scenario[3]);
            }
            if (scenario[1].endsWith("-rewrite")) {
                return name + " status=" + withPathRewritten(scenario[1], scenario[2], scenario[3]);
            }
            if (scenario[1].equals("hc3-direct")) {
                return name + " status=" + CommonsHttpClient3Calls.reusedOnConnections(scenario[2], scenario[3]);
            }
            if (scenario[1].endsWith("-proxy")) {
                return name + " status=" + throughProxy(scenario[1], scenario[2], scenario[3]);
            }
            if (scenario[1].endsWith("-nested")) {
                return name + " status=" + fromCallback(scenario[1], scenario[2], scenario[3]);
            }
            int status = switch (scenario[1]) {
                case "huc" -> viaHttpUrlConnection(scenario[2], null);
                case "huc-post" -> viaHttpUrlConnection(scenario[2], "buffered");
                case "huc-stream" -> viaHttpUrlConnection(scenario[2], "streamed");
                case "hc4" -> viaHttpClient4(httpClient4, scenario[2]);
                case "hc4-legacy" -> viaHttpClient4(legacyHttpClient4, scenario[2]);
                case "hc5" -> viaHttpClient5(scenario[2]);
                default -> throw new IllegalArgumentException("unknown client " + scenario[1]);
            };
            return name + " status=" + status;
        } catch (Exception e) {
            return name + " error=" + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }

    private static int viaHttpUrlConnection(String url, String post) throws IOException {
        return send((HttpURLConnection) new URL(url).openConnection(), post);
    }

    private static int send(HttpURLConnection connection, String post) throws IOException {
        if (post != null) {
            byte[] body = "{\"order\":42}".getBytes(StandardCharsets.UTF_8);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            if (post.equals("streamed")) {
                connection.setFixedLengthStreamingMode(body.length);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    private static int viaHttpClient4(org.apache.http.impl.client.CloseableHttpClient client, String url) throws IOException {
        try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
            EntityUtils.consume(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }

    private int viaHttpClient5(String url) throws IOException {
        return httpClient5.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(url), response -> {
            org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private int viaExplicitTarget(String client, String url, String target) throws IOException {
        if (client.startsWith("hc4")) {
            org.apache.http.impl.client.CloseableHttpClient httpClient = client.equals("hc4-via") ? httpClient4 : legacyHttpClient4;
            try (CloseableHttpResponse response = httpClient.execute(org.apache.http.HttpHost.create(target), new HttpGet(url))) {
                EntityUtils.consume(response.getEntity());
                return response.getStatusLine().getStatusCode();
            }
        }
        try {
            return httpClient5.execute(org.apache.hc.core5.http.HttpHost.create(target),
                    new org.apache.hc.client5.http.classic.methods.HttpGet(url), response -> {
                        org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /**
     * A client built with the application's Authorization as a default header: HttpClient 4 adds
     * it before its exec chain leases a connection, HttpClient 5.2+ only after.
     */
    private static int withDefaultAuthorization(String client, String url, String value) throws IOException {
        if (client.startsWith("hcasync4")) {
            try (org.apache.http.impl.nio.client.CloseableHttpAsyncClient httpClient =
                    org.apache.http.impl.nio.client.HttpAsyncClients.custom()
                            .setDefaultHeaders(List.of(new org.apache.http.message.BasicHeader("Authorization", value))).build()) {
                httpClient.start();
                return httpClient.execute(new HttpGet(url), null).get().getStatusLine().getStatusCode();
            } catch (InterruptedException | ExecutionException e) {
                throw new IOException(e);
            }
        }
        if (client.startsWith("hc5async")) {
            try (org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient httpClient =
                    org.apache.hc.client5.http.impl.async.HttpAsyncClients.custom()
                            .setDefaultHeaders(List.of(new org.apache.hc.core5.http.message.BasicHeader("Authorization", value)))
                            .build()) {
                httpClient.start();
                return httpClient.execute(new org.apache.hc.client5.http.async.methods.SimpleHttpRequest("GET", URI.create(url)),
                        null).get().getCode();
            } catch (InterruptedException | ExecutionException e) {
                throw new IOException(e);
            }
        }
        if (client.startsWith("hc4")) {
            try (org.apache.http.impl.client.CloseableHttpClient httpClient = org.apache.http.impl.client.HttpClients.custom()
                    .setDefaultHeaders(List.of(new org.apache.http.message.BasicHeader("Authorization", value))).build()) {
                return viaHttpClient4(httpClient, url);
            }
        }
        try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient httpClient =
                org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                        .setDefaultHeaders(List.of(new org.apache.hc.core5.http.message.BasicHeader("Authorization", value)))
                        .build()) {
            return httpClient.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(url), response -> {
                org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        }
    }

    private int withHostHeader(String client, String url, String host) throws IOException {
        switch (client) {
            case "huc-host": {
                HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
                connection.setRequestProperty("Host", host);
                return send(connection, null);
            }
            case "hc4-host": {
                HttpGet get = new HttpGet(url);
                get.setHeader("Host", host);
                try (CloseableHttpResponse response = httpClient4.execute(get)) {
                    EntityUtils.consume(response.getEntity());
                    return response.getStatusLine().getStatusCode();
                }
            }
            default: {
                org.apache.hc.client5.http.classic.methods.HttpGet get = new org.apache.hc.client5.http.classic.methods.HttpGet(url);
                get.setHeader("Host", host);
                return httpClient5.execute(get, response -> {
                    org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
            }
        }
    }

    /**
     * A request to {@code url} whose path a request interceptor of the application rewrites to
     * {@code path}: HttpClient 5.2+ runs it after the connection is leased, HttpClient 4 before.
     */
    private static int withPathRewritten(String client, String url, String path) throws IOException {
        if (client.equals("hc4-rewrite")) {
            try (org.apache.http.impl.client.CloseableHttpClient rewriting = org.apache.http.impl.client.HttpClients.custom()
                    .addInterceptorLast((org.apache.http.HttpRequestInterceptor) (request, context) ->
                            ((org.apache.http.client.methods.HttpRequestWrapper) request).setURI(URI.create(path)))
                    .build();
                 CloseableHttpResponse response = rewriting.execute(new HttpGet(url))) {
                EntityUtils.consume(response.getEntity());
                return response.getStatusLine().getStatusCode();
            }
        }
        try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient rewriting =
                org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                        .addRequestInterceptorLast((request, entity, context) -> request.setPath(path)).build()) {
            return rewriting.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(url), response -> {
                org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        }
    }

    /**
     * A POST to {@code outer} whose body, as HttpClient writes it, first makes a GET to
     * {@code inner} with the same client and context (an application doing its own request from
     * the entity it streams), then a GET to {@code after}: "OUTER,INNER,AFTER" statuses.
     */
    private String withInnerRequest(String client, String outer, String inner, String after) throws IOException {
        int[] innerStatus = new int[1];
        int outerStatus;
        if (client.equals("hc4-inner")) {
            org.apache.http.client.protocol.HttpClientContext context = org.apache.http.client.protocol.HttpClientContext.create();
            org.apache.http.client.methods.HttpPost post = new org.apache.http.client.methods.HttpPost(outer);
            post.setEntity(new org.apache.http.entity.EntityTemplate(body -> {
                try (CloseableHttpResponse response = httpClient4.execute(new HttpGet(inner), context)) {
                    EntityUtils.consume(response.getEntity());
                    innerStatus[0] = response.getStatusLine().getStatusCode();
                }
                body.write(BODY);
            }));
            try (CloseableHttpResponse response = httpClient4.execute(post, context)) {
                EntityUtils.consume(response.getEntity());
                outerStatus = response.getStatusLine().getStatusCode();
            }
            return outerStatus + "," + innerStatus[0] + "," + viaHttpClient4(httpClient4, after);
        }
        org.apache.hc.client5.http.protocol.HttpClientContext context = org.apache.hc.client5.http.protocol.HttpClientContext.create();
        org.apache.hc.client5.http.classic.methods.HttpPost post = new org.apache.hc.client5.http.classic.methods.HttpPost(outer);
        post.setEntity(new org.apache.hc.core5.http.io.entity.EntityTemplate(BODY.length,
                org.apache.hc.core5.http.ContentType.APPLICATION_JSON, null, body -> {
                    innerStatus[0] = httpClient5.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(inner), context,
                            response -> {
                                org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                                return response.getCode();
                            });
                    body.write(BODY);
                }));
        outerStatus = httpClient5.execute(post, context, response -> {
            org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
        return outerStatus + "," + innerStatus[0] + "," + viaHttpClient5(after);
    }

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.US_ASCII);

    @SuppressWarnings("deprecation")
    private int withVirtualHost(String client, String url, String host) throws IOException {
        int colon = host.lastIndexOf(':');
        String hostName = host.substring(0, colon);
        int port = Integer.parseInt(host.substring(colon + 1));
        if (client.equals("hc3-vhost")) {
            return CommonsHttpClient3Calls.withVirtualHost(url, hostName);
        }
        if (client.startsWith("hc4")) {
            HttpGet get = new HttpGet(url);
            get.getParams().setParameter(org.apache.http.client.params.ClientPNames.VIRTUAL_HOST,
                    new org.apache.http.HttpHost(hostName, port));
            try (CloseableHttpResponse response = (client.equals("hc4-vhost") ? httpClient4 : legacyHttpClient4).execute(get)) {
                EntityUtils.consume(response.getEntity());
                return response.getStatusLine().getStatusCode();
            }
        }
        URL target = new URL(url);
        org.apache.hc.client5.http.classic.methods.HttpGet get = new org.apache.hc.client5.http.classic.methods.HttpGet(url);
        get.setAuthority(new org.apache.hc.core5.net.URIAuthority(hostName, port));
        return httpClient5.execute(new org.apache.hc.core5.http.HttpHost(target.getProtocol(), target.getHost(), target.getPort()),
                get, response -> {
                    org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
    }

    @SuppressWarnings("deprecation")
    private int throughProxy(String client, String url, String proxy) throws IOException {
        URL proxyUrl = new URL(proxy);
        switch (client) {
            case "huc-proxy": {
                java.net.Proxy via = new java.net.Proxy(java.net.Proxy.Type.HTTP,
                        new java.net.InetSocketAddress(proxyUrl.getHost(), proxyUrl.getPort()));
                return send((HttpURLConnection) new URL(url).openConnection(via), null);
            }
            case "hc3-proxy":
                return CommonsHttpClient3Calls.throughProxy(url, proxyUrl.getHost(), proxyUrl.getPort());
            case "hc4-proxy": {
                HttpGet get = new HttpGet(url);
                get.setConfig(org.apache.http.client.config.RequestConfig.custom()
                        .setProxy(org.apache.http.HttpHost.create(proxy)).build());
                try (CloseableHttpResponse response = httpClient4.execute(get)) {
                    EntityUtils.consume(response.getEntity());
                    return response.getStatusLine().getStatusCode();
                }
            }
            case "hcasync4-proxy": {
                try (org.apache.http.impl.nio.client.CloseableHttpAsyncClient proxied =
                        org.apache.http.impl.nio.client.HttpAsyncClients.custom()
                                .setProxy(org.apache.http.HttpHost.create(proxy)).build()) {
                    proxied.start();
                    return proxied.execute(new HttpGet(url), null).get().getStatusLine().getStatusCode();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IOException(e);
                }
            }
            case "hc5async-proxy": {
                try (org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient proxied =
                        org.apache.hc.client5.http.impl.async.HttpAsyncClients.custom()
                                .setProxy(org.apache.hc.core5.http.HttpHost.create(proxy)).build()) {
                    proxied.start();
                    return proxied.execute(new org.apache.hc.client5.http.async.methods.SimpleHttpRequest("GET", URI.create(url)),
                            null).get().getCode();
                } catch (InterruptedException | ExecutionException | java.net.URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            default: {
                try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient proxied =
                        org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                                .setProxy(org.apache.hc.core5.http.HttpHost.create(proxy)).build()) {
                    return proxied.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(url), response -> {
                        org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
                } catch (java.net.URISyntaxException e) {
                    throw new IOException(e);
                }
            }
        }
    }

    /**
     * Calls FIRST with an asynchronous client and, from that call's callback (on the client's I/O
     * thread), URL, as a service chaining calls does; the status of the second call.
     */
    private static int fromCallback(String client, String url, String first) throws Exception {
        CompletableFuture<Integer> nested = new CompletableFuture<>();
        if (client.equals("hcasync4-nested")) {
            try (org.apache.http.impl.nio.client.CloseableHttpAsyncClient async =
                    org.apache.http.impl.nio.client.HttpAsyncClients.createDefault()) {
                async.start();
                async.execute(new HttpGet(first), new AfterFirst<>(nested,
                        () -> async.execute(new HttpGet(url), new AfterFirst<>(nested, null,
                                response -> response.getStatusLine().getStatusCode())), null));
                return awaitNested(nested);
            }
        }
        try (org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient async =
                org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault()) {
            async.start();
            async.execute(new org.apache.hc.client5.http.async.methods.SimpleHttpRequest("GET", URI.create(first)),
                    new AfterFirst<>(nested, () -> async.execute(
                            new org.apache.hc.client5.http.async.methods.SimpleHttpRequest("GET", URI.create(url)),
                            new AfterFirst<>(nested, null, org.apache.hc.client5.http.async.methods.SimpleHttpResponse::getCode)),
                            null));
            return awaitNested(nested);
        }
    }

    private static int awaitNested(CompletableFuture<Integer> nested) throws Exception {
        try {
            return nested.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception ? (Exception) failed.getCause() : failed;
        }
    }

    /** Either client's callback: runs {@code next} when the call completes, or completes {@code nested} with its status. */
    private record AfterFirst<T>(CompletableFuture<Integer> nested, Runnable next, java.util.function.ToIntFunction<T> status)
            implements org.apache.http.concurrent.FutureCallback<T>, org.apache.hc.core5.concurrent.FutureCallback<T> {

        @Override
        public void completed(T result) {
            if (next != null) {
                next.run();
            } else {
                nested.complete(status.applyAsInt(result));
            }
        }

        @Override
        public void failed(Exception ex) {
            nested.completeExceptionally(ex);
        }

        @Override
        public void cancelled() {
            nested.cancel(false);
        }
    }

    private static String selectProxy(int port, URI proxy) {
        java.net.Proxy via = new java.net.Proxy(java.net.Proxy.Type.HTTP,
                new java.net.InetSocketAddress(proxy.getHost(), proxy.getPort()));
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<java.net.Proxy> select(URI uri) {
                return List.of(uri.getPort() == port ? via : java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, java.net.SocketAddress address, IOException e) {
            }
        });
        return "installed";
    }

    /** Calls {@code url} every 200 ms for {@code seconds}: a service that keeps calling a resource. */
    private static String repeat(int seconds, String url) {
        Map<String, Integer> statuses = new TreeMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String outcome;
            try {
                outcome = String.valueOf(viaHttpUrlConnection(url, null));
            } catch (IOException e) {
                outcome = e.getClass().getSimpleName();
            }
            statuses.merge(outcome, 1, Integer::sum);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "statuses=" + statuses;
    }

    /** Loads {@code jar} into this JVM as an operator would with the attach API (agentmain). */
    private static String attach(String jar, String argument) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
            try {
                vm.loadAgent(jar, argument);
            } finally {
                vm.detach();
            }
            return "attached";
        } catch (Exception e) {
            return "error=" + e;
        }
    }

    /**
     * Reads the agent's bean for {@code resource} as jconsole does: the attach API starts this
     * JVM's local management agent, and a JMX connector to it reads the attributes by name. The
     * agent registers its beans a little after start, so this waits for the bean up to 30 s.
     */
    private static String readAgentBean(String resource) {
        try {
            try (javax.management.remote.JMXConnector connector = LocalJmx.connect(ProcessHandle.current().pid())) {
                javax.management.MBeanServerConnection server = connector.getMBeanServerConnection();
                javax.management.ObjectName bean =
                        new javax.management.ObjectName("dev.legacyguard:type=LogtoAgent,resource=" + resource);
                for (long deadline = System.nanoTime() + 30_000_000_000L; !server.isRegistered(bean); Thread.sleep(100)) {
                    if (System.nanoTime() > deadline) {
                        return "error=no bean " + bean;
                    }
                }
                Map<String, Object> values = new TreeMap<>();
                for (String attribute : List.of("ResourceIndicator", "OrganizationId", "TokenFingerprint", "SecondsToExpiry",
                        "TokenRequests",
                        "LastFailure", "LastFailureTime", "MissingScopes")) {
                    Object value = server.getAttribute(bean, attribute);
                    values.put(attribute, value instanceof String[] ? List.of((String[]) value)
                            : value instanceof java.util.Date ? "set" : value);
                }
                return values.toString().replace('\n', ' ');
            }
        } catch (Exception e) {
            return "error=" + e;
        }
    }

    /** COUNT threads released at once, each making one call: the agent's first-token path under load. */
    private static String burst(int count, String url) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return viaHttpUrlConnection(url, null);
                }));
            }
            start.countDown();
            Map<String, Integer> statuses = new TreeMap<>();
            for (Future<Integer> call : calls) {
                String outcome;
                try {
                    outcome = String.valueOf(call.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    outcome = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome = "interrupted";
                }
                statuses.merge(outcome, 1, Integer::sum);
            }
            return "statuses=" + statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String loadable(String[] classNames) {
        List<String> visible = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String className : classNames) {
            try {
                Class.forName(className, false, ScenarioApp.class.getClassLoader());
                visible.add(className);
            } catch (ClassNotFoundException e) {
                hidden.add(className);
            }
        }
        return "visible=" + String.join(",", visible) + " hidden=" + String.join(",", hidden);
    }
}
