package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * The CPU time the calling thread spends per outgoing call, which is where the agent's work
 * happens. Unlike wall time it does not include waiting for the server thread to be scheduled,
 * which on a small shared machine varies far more than the agent costs. Run in JVMs with and
 * without {@code -javaagent}.
 *
 * <p>Each client makes two kinds of call: {@code plain}, as a service without authentication
 * code makes it (the agent adds the token), and {@code ownHeader}, the same call carrying the
 * same kind of bearer token set by the application itself (the agent leaves it alone). Without
 * the agent, the difference between the two is what sending a token costs any client, agent or
 * not. Rounds take every client and kind in turn, so a slow spell of the machine falls on all
 * of them; the warm-up rounds let the JIT finish compiling the client and server code first.
 * Prints {@code client=NAME call=KIND round=N cpuNanos=C wallNanos=W} per measured round.
 *
 * <p>{@code java.net.http}'s {@code send} runs the agent's advice on the calling thread (the
 * exchange starts inline there); it reads the answer on its selector thread, whose CPU time,
 * like the server's, is not counted for any client.
 *
 * <p>Arguments: port warmupRounds callsPerRound rounds tokenFile.
 */
public final class CallCpuTime {

    public static final String PLAIN = "plain";
    public static final String OWN_HEADER = "ownHeader";

    private interface Call {
        void run(String authorization) throws IOException;
    }

    private CallCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int warmupRounds = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String ownHeader = "Bearer " + Files.readAllLines(Path.of(args[4])).get(0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LoopbackApi api = LoopbackApi.start(port, 2);
             CloseableHttpClient apache4 = HttpClients.createDefault();
             org.apache.hc.client5.http.impl.classic.CloseableHttpClient apache5 =
                     org.apache.hc.client5.http.impl.classic.HttpClients.createDefault();
             org.apache.http.impl.nio.client.CloseableHttpAsyncClient apacheAsync4 =
                     org.apache.http.impl.nio.client.HttpAsyncClients.createDefault();
             org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient apache5Async =
                     org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault()) {
            apacheAsync4.start();
            apache5Async.start();
            URL url = new URL(api.url());
            org.apache.commons.httpclient.HttpClient commons3 = CommonsHttpClient3.create();
            Map<String, Call> clients = new LinkedHashMap<>();
            clients.put("httpUrlConnection", authorization -> {
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                if (authorization != null) {
                    connection.setRequestProperty("Authorization", authorization);
                }
                connection.getResponseCode();
                try (InputStream body = connection.getInputStream()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            });
            clients.put("apacheHttpClient4", authorization -> {
                HttpGet get = new HttpGet(api.url());
                if (authorization != null) {
                    get.setHeader("Authorization", authorization);
                }
                try (CloseableHttpResponse response = apache4.execute(get)) {
                    EntityUtils.consume(response.getEntity());
                }
            });
            HttpClient javaNet = HttpClient.newHttpClient();
            clients.put("javaNetHttp", authorization -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url()));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                try {
                    javaNet.send(request.build(), HttpResponse.BodyHandlers.discarding());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            });
            clients.put("commonsHttpClient3", authorization -> {
                org.apache.commons.httpclient.methods.GetMethod get = new org.apache.commons.httpclient.methods.GetMethod(api.url());
                if (authorization != null) {
                    get.setRequestHeader("Authorization", authorization);
                }
                try {
                    commons3.executeMethod(get);
                    get.getResponseBody();
                } finally {
                    get.releaseConnection();
                }
            });
            clients.put("apacheHttpClient5", authorization -> {
                org.apache.hc.client5.http.classic.methods.HttpGet get =
                        new org.apache.hc.client5.http.classic.methods.HttpGet(api.url());
                if (authorization != null) {
                    get.setHeader("Authorization", authorization);
                }
                apache5.execute(get, response -> {
                    org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                    return null;
                });
            });
            // The asynchronous clients: the calling thread runs execute (where the agent decides the
            // first hop) and waits for the future; their I/O threads do the rest.
            clients.put("apacheHttpAsyncClient4", authorization -> {
                HttpGet get = new HttpGet(api.url());
                if (authorization != null) {
                    get.setHeader("Authorization", authorization);
                }
                AsyncCalls.await(apacheAsync4.execute(get, null));
            });
            clients.put("apacheHttpClient5Async", authorization -> {
                org.apache.hc.client5.http.async.methods.SimpleHttpRequest get =
                        new org.apache.hc.client5.http.async.methods.SimpleHttpRequest("GET", URI.create(api.url()));
                if (authorization != null) {
                    get.setHeader("Authorization", authorization);
                }
                AsyncCalls.await(apache5Async.execute(get, null));
            });
            for (int round = -warmupRounds; round < rounds; round++) {
                for (Map.Entry<String, Call> client : clients.entrySet()) {
                    measure(client.getKey(), PLAIN, round, calls, threads, client.getValue(), null);
                    measure(client.getKey(), OWN_HEADER, round, calls, threads, client.getValue(), ownHeader);
                }
            }
            CommonsHttpClient3.close(commons3);
            System.out.println("requests=" + api.requests() + " withBearer=" + api.requestsWithBearer()
                    + " ownHeaders=" + api.requestsWith(ownHeader));
        }
    }

    private static void measure(String client, String kind, int round, int calls, ThreadMXBean threads, Call call,
            String authorization) throws IOException {
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run(authorization);
        }
        if (round >= 0) {
            System.out.println(String.format(Locale.ROOT, "client=%s call=%s round=%d cpuNanos=%d wallNanos=%d", client,
                    kind, round, (threads.getCurrentThreadCpuTime() - cpu) / calls, (System.nanoTime() - wall) / calls));
        }
    }
}
